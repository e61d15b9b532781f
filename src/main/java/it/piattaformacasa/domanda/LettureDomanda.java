package it.piattaformacasa.domanda;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * Issue 16, privacy: every read of a domanda by an operator, recorded in table {@code lettura_domanda} in the reading
 * request's own transaction (a read that fails records nothing, a record that fails fails the read), and shown to the
 * citizen whose domanda it is («Chi ha consultato la tua domanda»).
 *
 * <p>The doors recorded are those that show one domanda with its personal data: the console's page of the domanda,
 * the API's {@code GET /api/domande/{id}} and {@code /spiegazione}, and «Verifica istruttoria» taken in charge in
 * Tasklist (its form shows the domanda, the nucleo and the score to the assignee). Lists and exports of many domande (the
 * graduatorie, «Tutte le domande», the reports) are not recorded per domanda: they show what the graduatorie publish
 * (position, score, names) to the operators whose work is to rank them, and one row for each domanda of a 100,000-row
 * export would bury the reads that matter to a citizen — somebody opening their file.
 */
@Service
public class LettureDomanda {

    /** Through which door an operator read the domanda, with the words the citizen reads. */
    public enum Dove {
        CONSOLE_DOMANDA("la pagina della domanda nella console degli operatori"),
        API_DOMANDA("il servizio per i sistemi informatici degli enti (dati della domanda)"),
        API_SPIEGAZIONE("il servizio per i sistemi informatici degli enti (spiegazione del punteggio)"),
        TASKLIST_VERIFICA("la presa in carico della verifica istruttoria, con i dati della domanda (Tasklist)");

        private final String descrizione;

        Dove(String descrizione) {
            this.descrizione = descrizione;
        }

        public String descrizione() {
            return descrizione;
        }
    }

    /**
     * One read as the citizen sees it.
     *
     * @param operatore name and surname, or the username when the platform does not know the person
     * @param presso    the enti the operator works for, or their regional role
     */
    public record Lettura(String operatore, String presso, Instant lettaIl, String dove) {
    }

    private final JdbcTemplate jdbc;
    private final UtenteCorrente utente;
    private final Clock clock;
    private final DomandeDelCittadino domande;

    LettureDomanda(JdbcTemplate jdbc, UtenteCorrente utente, Clock clock, DomandeDelCittadino domande) {
        this.jdbc = jdbc;
        this.utente = utente;
        this.clock = clock;
        this.domande = domande;
    }

    /** Records the caller's read, in the caller's transaction (there must be one: the read and its record go together). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void registra(long domandaId, Dove dove) {
        registra(domandaId, dove, utente.username());
    }

    /**
     * A read on behalf of a named operator where the request's user is not the reader: «Verifica istruttoria» taken in
     * charge shows the domanda's data to its assignee (the engine's transaction, which there must be).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void registra(long domandaId, Dove dove, String operatore) {
        jdbc.update("insert into lettura_domanda (domanda_id, operatore, letta_il, dove) values (?, ?, ?, ?)", domandaId,
                operatore, Timestamp.from(Instant.now(clock)), dove.name());
    }

    /** Who read the citizen's own domanda, the latest first (404 for anybody else's). */
    @Transactional(readOnly = true)
    public List<Lettura> delCittadino(long domandaId, CodiceFiscale cittadino) {
        domande.verifica(domandaId, cittadino);
        return jdbc.query("""
                select l.operatore, l.letta_il, l.dove, o.nome, o.cognome,
                       (select string_agg(distinct e.ragione_sociale, ', ' order by e.ragione_sociale)
                          from abilitazione a join ente_proprietario e on e.id = a.ente_id where a.operatore_id = o.id) as enti,
                       (select string_agg(r.ruolo, ',' order by r.ruolo) from operatore_ruolo r where r.operatore_id = o.id) as ruoli
                  from lettura_domanda l left join operatore o on o.username = l.operatore
                 where l.domanda_id = ? order by l.letta_il desc, l.id desc limit 200""", (rs, n) -> {
            String nome = rs.getString("nome") == null ? rs.getString("operatore")
                    : rs.getString("nome") + " " + rs.getString("cognome");
            String presso = rs.getString("enti") != null ? rs.getString("enti") : ruolo(rs.getString("ruoli"));
            return new Lettura(nome, presso, rs.getTimestamp("letta_il").toInstant(), descrizione(rs.getString("dove")));
        }, domandaId);
    }

    /** A recorded door as the citizen reads it; a code this version does not know, as it is. */
    public static String descrizione(String dove) {
        try {
            return Dove.valueOf(dove).descrizione();
        } catch (IllegalArgumentException e) {
            return dove;
        }
    }

    private static String ruolo(String ruoli) {
        if (ruoli == null) {
            return "Piattaforma Casa";
        }
        if (ruoli.contains("SUPERVISORE") || ruoli.contains("AMMINISTRATORE")) {
            return "Regione – supervisione della piattaforma";
        }
        if (ruoli.contains("LETTORE")) {
            return "Regione o provincia – consultazione";
        }
        if (ruoli.contains("ANALISTA")) {
            return "Regione – analisi dei dati";
        }
        return "Piattaforma Casa";
    }
}
