package it.piattaformacasa.operatori;

import java.util.Collection;
import java.util.Set;

/**
 * The identity store the engine and its webapps authenticate against. Operatori and abilitazioni in our tables are
 * the source of truth; this port projects them onto it (implemented in operatori.process for Camunda).
 */
public interface IdentitaPort {

    enum TipoGruppo {
        /** All operators of one ente: visibility. */
        ENTE,
        /** Targets of user tasks: ente + abilitazione, capofila of an ambito. */
        LAVORO,
        SUPERVISORI,
        ANALISTI,
        /** The Region's validators of the requests of abilitazione. */
        VALIDATORI,
        /** Read-only scopes (seed 004): no Camunda authorization at all, never candidates of a task. */
        LETTORI,
        AMMINISTRATORI
    }

    record Gruppo(String id, String nome, TipoGruppo tipo) {
    }

    record Utente(String username, String nome, String cognome, String email, Set<String> gruppi, boolean attivo) {
    }

    /** Creates or renames the groups and gives each kind the authorizations it needs; also the Tasklist filters. */
    void allineaGruppi(Collection<Gruppo> gruppi);

    /** Creates or updates the user and sets its memberships among the managed groups to exactly {@code gruppi}. */
    void allineaUtente(Utente utente);

    void impostaPassword(String username, String password);

    boolean verificaPassword(String username, String password);

    Set<String> gruppiDi(String username);

    boolean esisteUtente(String username);
}
