package it.piattaformacasa.common.sicurezza;

import java.util.Set;

/**
 * Who is calling, as far as the feature modules need to know: which enti they may see. Implemented by the
 * operatori module, so that modules such as anagrafe filter by ente without depending on operatori.
 */
public interface UtenteCorrente {

    String username();

    /**
     * Supervisors and administrators see the cases of every ente: domande, graduatorie, istruttorie, contratti,
     * reports. Analysts do not: they work on the rules, not on people's data.
     */
    boolean vedeTuttiGliEnti();

    /** The housing stock of every ente (alloggi, certifications): supervisors, administrators and analysts. */
    boolean vedeAnagrafeDiTuttiGliEnti();

    /** Ids of the enti the operator is enabled for (any abilitazione). */
    Set<Long> entiAbilitati();

    /** Ids of the enti the operator holds «Gestione Avviso» for (seed 002). */
    Set<Long> entiGestioneAvviso();

    /** Ids of the enti the operator holds «Istruttoria domande» for (seed 002). */
    Set<Long> entiIstruttoria();

    /** A regional validator of the enti's requests of abilitazione (seed 002, issue 14). */
    default boolean validatoreRegionale() {
        return false;
    }

    default boolean puoVedereEnte(long enteId) {
        return vedeTuttiGliEnti() || entiAbilitati().contains(enteId);
    }

    default boolean puoVedereAnagrafeEnte(long enteId) {
        return vedeAnagrafeDiTuttiGliEnti() || entiAbilitati().contains(enteId);
    }
}
