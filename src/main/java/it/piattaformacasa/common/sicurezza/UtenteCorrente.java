package it.piattaformacasa.common.sicurezza;

import java.util.Set;

/**
 * Who is calling, as far as the feature modules need to know: which enti they may see. Implemented by the
 * operatori module, so that modules such as anagrafe filter by ente without depending on operatori.
 */
public interface UtenteCorrente {

    String username();

    /**
     * Supervisors, administrators and regional readers see the cases of every ente: domande, graduatorie, istruttorie,
     * contratti, reports. Analysts do not: they work on the rules, not on people's data.
     */
    boolean vedeTuttiGliEnti();

    /** The housing stock of every ente (alloggi, certifications): supervisors, administrators, analysts, regional readers. */
    boolean vedeAnagrafeDiTuttiGliEnti();

    /**
     * Ids of the enti whose cases the caller sees: those it is enabled for (any abilitazione) and, for a provincial
     * reader, every ente whose comune is in its province (seed 004). What it may change is narrower: see
     * {@link #soloLettura()}, {@link #entiGestioneAvviso()}, {@link #entiIstruttoria()}.
     */
    Set<Long> entiAbilitati();

    /** Ids of the enti the operator holds «Gestione Avviso» for (seed 002). */
    Set<Long> entiGestioneAvviso();

    /** Ids of the enti the operator holds «Istruttoria domande» for (seed 002). */
    Set<Long> entiIstruttoria();

    /**
     * A regional or provincial reader (seed 004: «alla sola consultazione»): reads within its scope and changes
     * nothing. Every write refuses it (a central guard on every modifying request, and the services that decide who
     * writes by what one sees); {@link #entiGestioneAvviso()} and {@link #entiIstruttoria()} are empty for it.
     */
    default boolean soloLettura() {
        return false;
    }

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
