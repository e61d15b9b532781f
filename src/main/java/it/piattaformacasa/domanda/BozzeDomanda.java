package it.piattaformacasa.domanda;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/**
 * The drafts of «Nuova domanda allo sportello» (issue 12): one per operator and avviso, the request body as JSON and
 * the step reached, in the database so that nothing is lost between steps, across a restart or a closed browser.
 * Only the operator who wrote a draft reads it; the domanda itself is checked when it is presented.
 */
@Service
public class BozzeDomanda {

    /** A draft: the API's request body as JSON, and the step the operator reached (1–7). */
    public record Bozza(long id, int passo, String dati) {
    }

    private final JdbcTemplate jdbc;
    private final UtenteCorrente utente;
    private final Clock clock;

    BozzeDomanda(JdbcTemplate jdbc, UtenteCorrente utente, Clock clock) {
        this.jdbc = jdbc;
        this.utente = utente;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Bozza> bozza(long avvisoId) {
        return jdbc.query("select id, passo, dati::text from bozza_domanda where avviso_id = ? and operatore = ?",
                (rs, n) -> new Bozza(rs.getLong(1), rs.getInt(2), rs.getString(3)), avvisoId, utente.username()).stream().findFirst();
    }

    @Transactional
    public void salva(long avvisoId, int passo, String dati) {
        jdbc.update("""
                insert into bozza_domanda (avviso_id, operatore, passo, dati, aggiornata_il) values (?, ?, ?, ?::jsonb, ?)
                on conflict (avviso_id, operatore) do update set passo = excluded.passo, dati = excluded.dati,
                                                                 aggiornata_il = excluded.aggiornata_il""",
                avvisoId, utente.username(), passo, dati, Timestamp.from(clock.instant()));
    }

    @Transactional
    public void elimina(long avvisoId) {
        jdbc.update("delete from bozza_domanda where avviso_id = ? and operatore = ?", avvisoId, utente.username());
    }
}
