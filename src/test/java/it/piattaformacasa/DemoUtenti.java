package it.piattaformacasa;

/** The demo operators loaded on the embedded database (see README). */
public final class DemoUtenti {

    public static final String PASSWORD = "demo";
    public static final String CAPOFILA = "capofila";
    public static final String VARESE_ISTRUTTORIA = "varese.istruttoria";
    public static final String ALER_AVVISO = "aler.avviso";
    public static final String ALER_ISTRUTTORIA = "aler.istruttoria";
    public static final String MALNATE = "malnate";
    public static final String SUPERVISORE = "supervisore";
    public static final String ANALISTA = "analista";
    public static final String ANALISTA_REVISORE = "analista.revisore";
    /** The Region's validator of the requests of abilitazione (issue 14). */
    public static final String VALIDATORE = "validatore";
    /** Seed 004: read-only users of the Region, of the province of Varese (every demo ente) and of Como (none). */
    public static final String LETTORE_REGIONE = "lettore.regione";
    /** The Regione Marche's reader (ADR 16): the Marche Comuni's bandi, no Lombardia ente. */
    public static final String LETTORE_MARCHE = "lettore.marche";
    public static final String LETTORE_VARESE = "lettore.varese";
    public static final String LETTORE_COMO = "lettore.como";
    /** Only for wrong-password tests: Camunda throttles a user after a failed login, so no other test may need it. */
    public static final String DA_BLOCCARE = "prova.password";

    /** Creates {@link #DA_BLOCCARE} (no groups, password {@link #PASSWORD}) if it is not there yet. */
    public static String utenteDaBloccare(org.camunda.bpm.engine.IdentityService identita) {
        if (identita.createUserQuery().userId(DA_BLOCCARE).count() == 0) {
            org.camunda.bpm.engine.identity.User utente = identita.newUser(DA_BLOCCARE);
            utente.setFirstName("Prova");
            utente.setLastName("Password");
            utente.setPassword(PASSWORD);
            identita.saveUser(utente);
        }
        return DA_BLOCCARE;
    }
    public static final String ADMIN = "admin";
    /** Issue 16 (seed 002): demo citizens, registered and enabled for no ente (the citizens' side only). */
    public static final String CITTADINO_COLOMBO = "cittadino.colombo";
    public static final String CF_CITTADINO_COLOMBO = "CLMCHR85M41L682Z";
    public static final String CITTADINO_FERRARI = "cittadino.ferrari";
    public static final String CF_CITTADINO_FERRARI = "FRRLCU79D12L682W";
    /** Issue 15 (seed 004): the operator of the Comune di Ancona (profile MARCHE) with «Gestione avviso». */
    public static final String ANCONA = "ancona";

    public static final String CF_COMUNE_VARESE = "00441340122";
    public static final String CF_ALER = "00215400128";
    public static final String CF_COMUNE_MALNATE = "00331030122";
    public static final String CF_COMUNE_ANCONA = "00351040423";

    private DemoUtenti() {
    }
}
