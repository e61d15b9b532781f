package it.piattaformacasa.regole;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit trail of rule changes and re-scorings: who, when, what, why. Written in the transaction of the change it
 * records, so a change that rolls back leaves no entry and no change goes unrecorded.
 */
@Service
public class RegistroRegole {

    public enum Azione {
        IMPORTAZIONE_BASELINE, CARICAMENTO, CASI_DI_TEST, RICHIESTA_PUBBLICAZIONE, PUBBLICAZIONE, RIPUBBLICAZIONE,
        PUBBLICAZIONE_RESPINTA, PUBBLICAZIONE_BLOCCATA, VINCOLO_AVVISO, VINCOLO_AGGIORNATO, RIVALUTAZIONE_AVVISO
    }

    public record Voce(long id, Instant quando, String chi, Azione azione, String nome, Integer versione, Long avvisoId,
                       String motivo, Map<String, Object> dettagli) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RegistroRegole(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void registra(String chi, Azione azione, String nome, Integer versione, Long avvisoId, String motivo,
                         Map<String, ?> dettagli) {
        jdbc.update("""
                insert into regola_audit (quando, chi, azione, nome, versione, avviso_id, motivo, dettagli)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", Timestamp.from(Instant.now(clock)), chi == null ? "sistema" : chi,
                azione.name(), nome, versione, avvisoId, motivo, json(dettagli));
    }

    /** Entries, newest first, optionally of one set or one avviso. */
    @Transactional(readOnly = true)
    public List<Voce> voci(String nome, Long avvisoId) {
        return jdbc.query("""
                select id, quando, chi, azione, nome, versione, avviso_id, motivo, dettagli::text from regola_audit
                 where (cast(? as varchar) is null or nome = ?) and (cast(? as bigint) is null or avviso_id = ?)
                 order by id desc limit 1000""", (rs, n) -> new Voce(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3), Azione.valueOf(rs.getString(4)), rs.getString(5), (Integer) rs.getObject(6),
                (Long) rs.getObject(7), rs.getString(8), mappa(rs.getString(9))), nome, nome, avvisoId, avvisoId);
    }

    /** One page of the entries, newest first, optionally of one set (the console's audit trail). */
    @Transactional(readOnly = true)
    public List<Voce> pagina(String nome, int salta, int righe) {
        return jdbc.query("""
                select id, quando, chi, azione, nome, versione, avviso_id, motivo, dettagli::text from regola_audit
                 where (cast(? as varchar) is null or nome = ?) order by id desc offset ? limit ?""",
                (rs, n) -> new Voce(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        Azione.valueOf(rs.getString(4)), rs.getString(5), (Integer) rs.getObject(6), (Long) rs.getObject(7),
                        rs.getString(8), mappa(rs.getString(9))), nome, nome, salta, righe);
    }

    @Transactional(readOnly = true)
    public long conta(String nome) {
        Long quante = jdbc.queryForObject("select count(*) from regola_audit where (cast(? as varchar) is null or nome = ?)",
                Long.class, nome, nome);
        return quante == null ? 0 : quante;
    }

    /** The reason of the newest entry of an action on a version («why was its publication asked»), or null. */
    @Transactional(readOnly = true)
    public String ultimoMotivo(Azione azione, String nome, int versione) {
        return jdbc.queryForList("""
                select motivo from regola_audit where azione = ? and nome = ? and versione = ? order by id desc limit 1""",
                String.class, azione.name(), nome, versione).stream().findFirst().orElse(null);
    }

    private static String json(Object valore) {
        try {
            return JSON.writeValueAsString(valore == null ? Map.of() : valore);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mappa(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
