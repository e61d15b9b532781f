package it.piattaformacasa.config.process;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import it.piattaformacasa.common.sicurezza.Gruppi;

/**
 * Least privilege on the engine's HTTP doors — {@code /engine-rest} and the webapps' own APIs under
 * {@code /camunda/api} — decided before the engine sees the request, per role and endpoint family. Camunda
 * authorizations and the engine guard ({@link GuardiaAttivita}) still apply behind it; this table closes whole
 * families (jobs, deployments, process start and modification, variables, identity writes, other enti's history)
 * to everyone who is not an administrator. README «Security model» prints the same table.
 */
final class AccessoEngine {

    enum Ruolo {
        /** Any person logged in: operators of an ente, analysts. What Tasklist needs, nothing more. */
        UTENTE,
        /** Supervisors: read-only oversight of every process in Cockpit and Tasklist. */
        SUPERVISORE,
        AMMINISTRATORE
    }

    /** Which engine API a request is for. */
    enum Api { ENGINE, COCKPIT, TASKLIST, ADMIN, WELCOME }

    record Famiglia(String nome, Api api, Set<String> metodi, Pattern percorso, Ruolo minimo) {
        boolean corrisponde(Api richiesta, String metodo, String relativo) {
            return api == richiesta && metodi.contains(metodo) && percorso.matcher(relativo).matches();
        }
    }

    private static final Set<String> LETTURA = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SCRITTURA = Set.of("POST");
    private static final Set<String> QUERY = Set.of("GET", "HEAD", "OPTIONS", "POST");
    private static final String ID = "[^/]+";
    /** A process definition's id, never a word of the API such as «statistics» (counts across every ente). */
    private static final String DEFINIZIONE = "(?!statistics$|count$)[^/]+";

    /** The first family that matches decides; anything else is for administrators. */
    static final List<Famiglia> FAMIGLIE = List.of(
            // the webapps' login, logout and «who am I» (Camunda itself checks the credentials), and their static plugins
            famiglia("accesso alle webapp", Api.ADMIN, QUERY, "/auth/user/" + ID + "(/login/" + ID + "|/logout)?", null),
            famiglia("primo amministratore (solo senza amministratori)", Api.ADMIN, SCRITTURA, "/setup/" + ID + "/user/create", null),
            famiglia("plugin statici delle webapp", Api.ADMIN, LETTURA, "/plugin/" + ID + "/static/.*", null),
            famiglia("plugin statici delle webapp", Api.COCKPIT, LETTURA, "/plugin/" + ID + "/static/.*", null),
            famiglia("plugin di Tasklist", Api.TASKLIST, QUERY, "/.*", Ruolo.UTENTE),
            famiglia("pagina di benvenuto", Api.WELCOME, QUERY, "/.*", Ruolo.UTENTE),
            famiglia("motori disponibili", Api.ENGINE, LETTURA, "/engine/?", Ruolo.UTENTE),
            // Tasklist: filters, the task list and one task, its form, claim/unclaim/complete
            famiglia("filtri di Tasklist", Api.ENGINE, LETTURA, "/filter(/count)?|/filter/" + ID, Ruolo.UTENTE),
            famiglia("filtri di Tasklist", Api.ENGINE, QUERY, "/filter/" + ID + "/(list|count|singleResult)", Ruolo.UTENTE),
            famiglia("attività: elenco e ricerca", Api.ENGINE, QUERY, "/task(/count)?", Ruolo.UTENTE),
            famiglia("attività: dettaglio, modulo, variabili in lettura", Api.ENGINE, LETTURA, "/task/" + ID
                    + "(/form|/rendered-form|/deployed-form|/form-variables|/identity-links"
                    + "|/(variables|localVariables)(/" + ID + "(/data)?)?)?",
                    Ruolo.UTENTE),
            famiglia("attività: prendi in carico, rilascia, completa", Api.ENGINE, SCRITTURA,
                    "/task/" + ID + "/(claim|unclaim|complete|submit-form)", Ruolo.UTENTE),
            famiglia("definizioni di processo e diagrammi in lettura", Api.ENGINE, LETTURA,
                    "/process-definition(/count)?|/process-definition/(key/" + ID + "(/tenant-id/" + ID + ")?|" + DEFINIZIONE + ")(/xml)?",
                    Ruolo.UTENTE),
            // the password policy: Welcome's profile page asks for it as it loads
            famiglia("utenti e gruppi in lettura", Api.ENGINE, LETTURA,
                    "/user(/count)?|/user/" + ID + "/profile|/group(/count)?|/identity/(groups|password-policy)", Ruolo.UTENTE),
            famiglia("utenti e gruppi in lettura", Api.ENGINE, SCRITTURA, "/group(/count)?", Ruolo.UTENTE),
            famiglia("storico delle proprie attività (Tasklist)", Api.ENGINE, LETTURA,
                    "/history/(user-operation|identity-link-log)(/count)?", Ruolo.UTENTE),
            // supervisors: everything readable, queries included (Camunda authorizations filter what they see)
            famiglia("Cockpit in lettura", Api.COCKPIT, QUERY, "/.*", Ruolo.SUPERVISORE),
            famiglia("tutto in lettura", Api.ENGINE, LETTURA, "/.*", Ruolo.SUPERVISORE),
            famiglia("ricerche (POST di sola lettura)", Api.ENGINE, SCRITTURA,
                    "/(process-instance|execution|variable-instance|job|job-definition|external-task|incident|batch|decision-definition"
                            + "|process-definition|case-instance|case-execution|case-definition)(/count|/statistics)?"
                            + "|/history/(process-instance|activity-instance|task|variable-instance|decision-instance|incident"
                            + "|job-log|external-task-log|user-operation|detail|batch|case-instance|case-activity-instance"
                            + "|identity-link-log)(/count)?", Ruolo.SUPERVISORE));

    private AccessoEngine() {
    }

    private static Famiglia famiglia(String nome, Api api, Set<String> metodi, String percorso, Ruolo minimo) {
        return new Famiglia(nome, api, metodi, Pattern.compile(percorso), minimo);
    }

    static Ruolo ruolo(Collection<String> gruppi) {
        if (gruppi.contains(Gruppi.AMMINISTRATORI)) {
            return Ruolo.AMMINISTRATORE;
        }
        return gruppi.contains(Gruppi.SUPERVISORI) ? Ruolo.SUPERVISORE : Ruolo.UTENTE;
    }

    /**
     * @param ruolo null for a request without a logged-in person (the webapps then answer 401 themselves)
     * @return true when the role may make this request
     */
    static boolean consentito(Api api, String metodo, String relativo, Ruolo ruolo) {
        if (ruolo == Ruolo.AMMINISTRATORE) {
            return true;
        }
        for (Famiglia famiglia : FAMIGLIE) {
            if (famiglia.corrisponde(api, metodo, relativo)) {
                return famiglia.minimo() == null || (ruolo != null && ruolo.compareTo(famiglia.minimo()) >= 0);
            }
        }
        return false;
    }
}
