package it.piattaformacasa.marche;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Domande of a Marche bando for the graduatoria's tests, written straight into {@code marche_domanda} as the desk
 * (another slice) will: number, date, name and working score; optionally excluded, with a score detail and passo 5.
 */
public final class DomandeMarcheDiProva {

    private final JdbcTemplate jdbc;
    private final long bandoId;
    /** The application's clock (the demo's may be moved): «modificata_il» is compared with the last «Calcola». */
    private final Clock clock;

    public DomandeMarcheDiProva(JdbcTemplate jdbc, Clock clock, long bandoId) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.bandoId = bandoId;
    }

    /** A valid domanda with its working score; returns its id. */
    public long domanda(int numero, String data, String cognome, String punteggio) {
        return domanda(numero, data, cognome, punteggio, false);
    }

    public long domanda(int numero, String data, String cognome, String punteggio, boolean esclusa) {
        return jdbc.queryForObject("""
                insert into marche_domanda (bando_id, numero, data_presentazione, cognome, nome, punteggio, esclusa, passo,
                                            creata_da, creata_il, modificata_da, modificata_il)
                values (?, ?, ?, ?, 'Prova', ?, ?, 5, 'test', ?, 'test', ?) returning id""", Long.class, bandoId, numero,
                Date.valueOf(LocalDate.parse(data)), cognome, punteggio == null ? null : new BigDecimal(punteggio), esclusa,
                Timestamp.from(Instant.now(clock).minusSeconds(3600)), Timestamp.from(Instant.now(clock).minusSeconds(3600)));
    }

    /** The desk changes the working score now (art. 11 re-check, or before the list is definitive). */
    public void cambiaPunteggio(long domandaId, String punteggio) {
        jdbc.update("update marche_domanda set punteggio = ?, modificata_il = ?, version = version + 1 where id = ?",
                new BigDecimal(punteggio), Timestamp.from(Instant.now(clock).plusMillis(5)), domandaId);
    }
}
