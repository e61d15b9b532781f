package it.piattaformacasa.common.sicurezza;

import java.util.Locale;
import java.util.Optional;

import it.piattaformacasa.common.CodiceFiscale;

/**
 * The ids of the Camunda groups that user tasks target with {@code candidateGroups}. One place, because the
 * identity projection creates them and every process module routes tasks to them.
 */
public final class Gruppi {

    public static final String SUPERVISORI = "supervisori";
    public static final String ANALISTI = "analisti";
    /** The Region's validators of the ente's requests of abilitazione (seed 002, issue 14). */
    public static final String VALIDATORI_REGIONALI = "validatori-regionali";
    /**
     * Regional readers (seed 004: «quelli provinciali e regionali alla sola consultazione»): every ente of their Region
     * (in {@link #lettoriRegione}), no writes.
     */
    public static final String LETTORI_REGIONALI = "lettori-regionali";
    /** Every provincial reader, whatever the province: the role. The province is in {@link #lettoriProvincia}. */
    public static final String LETTORI_PROVINCIALI = "lettori-provinciali";
    /** Camunda's built-in administrators group (full authorizations on every resource). */
    public static final String AMMINISTRATORI = "camunda-admin";

    private static final String ENTE = "ente-";
    private static final String LETTORI_PROVINCIA = "lettori-provincia-";
    private static final String LETTORI_REGIONE = "lettori-regione-";

    /** What a user or group id may contain (the engine refuses others; the logins check it before asking it). */
    public static final String IDENTIFICATIVO = "[a-zA-Z0-9._-]+";

    private Gruppi() {
    }

    /** Every operator of the ente, whatever the abilitazione: for visibility, not for work. */
    public static String ente(CodiceFiscale ente) {
        return ENTE + ente.valore();
    }

    /** Operators of the ente with «Abilitazione per la Gestione dell'Avviso». */
    public static String gestioneAvviso(CodiceFiscale ente) {
        return ENTE + ente.valore() + "-avviso";
    }

    /** Operators of the ente with «Abilitazione per l'Istruttoria delle Domande». */
    public static String istruttoria(CodiceFiscale ente) {
        return ENTE + ente.valore() + "-istruttoria";
    }

    /** Operators of the Comune capofila of the ambito who manage the avvisi. */
    public static String capofila(String codiceAmbito) {
        return "ambito-" + codiceAmbito.toLowerCase(Locale.ROOT) + "-capofila";
    }

    /** The regional readers of one Region (a regional profile, «MARCHE»): the scope of what they read (ADR 16). */
    public static String lettoriRegione(String profilo) {
        return LETTORI_REGIONE + profilo.toLowerCase(Locale.ROOT);
    }

    /** The profile («MARCHE») of a {@link #lettoriRegione} group, empty for any other group. */
    public static Optional<String> regioneDeiLettori(String gruppo) {
        return gruppo.startsWith(LETTORI_REGIONE) && gruppo.length() > LETTORI_REGIONE.length()
                ? Optional.of(gruppo.substring(LETTORI_REGIONE.length()).toUpperCase(Locale.ROOT))
                : Optional.empty();
    }

    /** The provincial readers of one province (its sigla, «VA»): the scope of what they read. */
    public static String lettoriProvincia(String siglaProvincia) {
        return LETTORI_PROVINCIA + siglaProvincia.toLowerCase(Locale.ROOT);
    }

    /** The sigla («VA») of a {@link #lettoriProvincia} group, empty for any other group. */
    public static Optional<String> provinciaDeiLettori(String gruppo) {
        return gruppo.startsWith(LETTORI_PROVINCIA) && gruppo.length() == LETTORI_PROVINCIA.length() + 2
                ? Optional.of(gruppo.substring(LETTORI_PROVINCIA.length()).toUpperCase(Locale.ROOT))
                : Optional.empty();
    }
}
