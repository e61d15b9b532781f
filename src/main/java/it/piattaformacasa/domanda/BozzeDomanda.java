package it.piattaformacasa.domanda;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * The drafts of a domanda being filled in step by step, in the database so that nothing is lost between steps, across
 * a restart or a closed browser: one per operator and avviso at the sportello (issue 12), one per citizen and avviso
 * online (issue 16, keyed by the codice fiscale of the identity). Only whoever wrote a draft reads it; the domanda
 * itself is checked when it is presented.
 */
@Service
public class BozzeDomanda {

    /** A draft: the API's request body as JSON, and the step reached (1–7). */
    public record Bozza(long id, int passo, String dati) {
    }

    /** Whose drafts: the column that names them and its value. */
    public record Titolare(String colonna, String valore) {
        static Titolare operatore(String username) {
            return new Titolare("operatore", username);
        }

        public static Titolare cittadino(CodiceFiscale codiceFiscale) {
            return new Titolare("codice_fiscale", codiceFiscale.valore());
        }
    }

    private final JdbcTemplate jdbc;
    private final UtenteCorrente utente;
    private final Clock clock;

    BozzeDomanda(JdbcTemplate jdbc, UtenteCorrente utente, Clock clock) {
        this.jdbc = jdbc;
        this.utente = utente;
        this.clock = clock;
    }

    /** The operator's own titolare (the sportello). */
    public Titolare operatore() {
        return Titolare.operatore(utente.username());
    }

    @Transactional(readOnly = true)
    public Optional<Bozza> bozza(long avvisoId) {
        return bozza(avvisoId, operatore());
    }

    @Transactional
    public void salva(long avvisoId, int passo, String dati) {
        salva(avvisoId, operatore(), passo, dati);
    }

    @Transactional
    public void elimina(long avvisoId) {
        elimina(avvisoId, operatore());
    }

    @Transactional(readOnly = true)
    public Optional<Bozza> bozza(long avvisoId, Titolare titolare) {
        // the column is one of two constants (Titolare's factories), never the request's text
        return jdbc.query("select id, passo, dati::text from bozza_domanda where avviso_id = ? and " + titolare.colonna() + " = ?",
                (rs, n) -> new Bozza(rs.getLong(1), rs.getInt(2), rs.getString(3)), avvisoId, titolare.valore()).stream().findFirst();
    }

    @Transactional
    public void salva(long avvisoId, Titolare titolare, int passo, String dati) {
        String colonna = titolare.colonna();
        String conflitto = colonna.equals("operatore") ? "(avviso_id, operatore)"
                : "(avviso_id, codice_fiscale) where codice_fiscale is not null";
        jdbc.update("insert into bozza_domanda (avviso_id, " + colonna + ", passo, dati, aggiornata_il) values (?, ?, ?, ?::jsonb, ?)"
                        + " on conflict " + conflitto + " do update set passo = excluded.passo, dati = excluded.dati,"
                        + " aggiornata_il = excluded.aggiornata_il",
                avvisoId, titolare.valore(), passo, dati, Timestamp.from(clock.instant()));
    }

    @Transactional
    public void elimina(long avvisoId, Titolare titolare) {
        jdbc.update("delete from bozza_domanda where avviso_id = ? and " + titolare.colonna() + " = ?", avvisoId, titolare.valore());
    }
}
