package it.piattaformacasa.graduatoria;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.domanda.DomandaInGraduatoria;
import it.piattaformacasa.graduatoria.ClassificaGraduatorie.Chiave;

/**
 * The run records of the generations (tables {@code generazione_graduatorie}, {@code generazione_input},
 * {@code generazione_risultato}): parameters, digests, the exact inputs (one compressed document, see
 * {@link InputRegistrati}) and the ranking written.
 */
@Component
public class RegistroGenerazioni {

    public enum Tipo { PROVVISORIE, DEFINITIVA }

    /** A run record; {@code riserveCategorie} is null on records written before the inputs were kept. */
    public record Registro(long id, long avvisoId, Tipo tipo, Long graduatoriaId, String versioneRegole,
                           CriterioFinale criterioFinale, Boolean riserveCategorie, String digestInput, String digestRisultato,
                           int numeroDomande, int numeroGraduatorie, long durataMs, Instant eseguitaIl,
                           Map<String, Integer> regole) {

        public boolean rieseguibile() {
            return riserveCategorie != null;
        }

        ClassificaGraduatorie.Parametri parametri() {
            return new ClassificaGraduatorie.Parametri(criterioFinale, riserveCategorie);
        }
    }

    private static final String REGISTRO = """
            select id, avviso_id, tipo, graduatoria_id, versione_regole, criterio_finale, riserve_categorie, digest_input,
                   digest_risultato, numero_domande, numero_graduatorie, durata_ms, eseguita_il, regole::text
              from generazione_graduatorie""";

    private final JdbcTemplate jdbc;

    RegistroGenerazioni(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a generation with its inputs and ranking; {@code inizio} (System.nanoTime) lets the recorded duration
     * include keeping the record.
     */
    long registra(long avvisoId, Tipo tipo, Long graduatoriaId, String versioneRegole, ClassificaGraduatorie classifica,
                  Map<Chiave, Long> graduatorie, Instant eseguitaIl, long inizio) {
        Long id = jdbc.queryForObject("""
                insert into generazione_graduatorie (avviso_id, tipo, graduatoria_id, versione_regole, criterio_finale,
                    riserve_categorie, digest_input, digest_risultato, numero_domande, numero_graduatorie, durata_ms, eseguita_il,
                    regole)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?,
                        (select jsonb_object_agg(nome, versione) from avviso_regole where avviso_id = ?)) returning id""",
                Long.class, avvisoId, tipo.name(), graduatoriaId,
                versioneRegole, classifica.parametri().criterioFinale().name(), classifica.parametri().riserveCategorie(),
                classifica.digestInput(), classifica.digestRisultato(), classifica.input().size(), classifica.graduatorie().size(),
                Timestamp.from(eseguitaIl), avvisoId);
        scriviInput(id, classifica.input());
        scriviRisultato(id, classifica, graduatorie);
        jdbc.update("update generazione_graduatorie set durata_ms = ? where id = ?", (System.nanoTime() - inizio) / 1_000_000, id);
        return id;
    }

    private void scriviInput(long generazioneId, List<DomandaInGraduatoria> input) {
        jdbc.update("insert into generazione_input (generazione_id, formato, domande) values (?, ?, ?)", generazioneId,
                InputRegistrati.FORMATO, InputRegistrati.comprimi(input));
    }

    private void scriviRisultato(long generazioneId, ClassificaGraduatorie classifica, Map<Chiave, Long> graduatorie) {
        List<Map.Entry<Chiave, List<Long>>> righe = new ArrayList<>(classifica.posizioni().entrySet());
        jdbc.batchUpdate("""
                insert into generazione_risultato (generazione_id, graduatoria_id, ente_id, comune_id, codice_istat, domande)
                values (?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Chiave chiave = righe.get(i).getKey();
                ps.setLong(1, generazioneId);
                ps.setLong(2, graduatorie.get(chiave));
                ps.setLong(3, chiave.enteId());
                ps.setLong(4, chiave.comuneId());
                ps.setString(5, chiave.codiceIstat());
                ps.setArray(6, ps.getConnection().createArrayOf("bigint", righe.get(i).getValue().toArray(Long[]::new)));
            }

            @Override
            public int getBatchSize() {
                return righe.size();
            }
        });
    }

    Optional<Registro> registro(long id) {
        return jdbc.query(REGISTRO + " where id = ?", (rs, n) -> registro(rs), id).stream().findFirst();
    }

    List<Registro> diAvviso(long avvisoId) {
        return jdbc.query(REGISTRO + " where avviso_id = ? order by eseguita_il, id", (rs, n) -> registro(rs), avvisoId);
    }

    private static Registro registro(ResultSet rs) throws SQLException {
        return new Registro(rs.getLong("id"), rs.getLong("avviso_id"), Tipo.valueOf(rs.getString("tipo")),
                rs.getObject("graduatoria_id", Long.class), rs.getString("versione_regole"),
                CriterioFinale.valueOf(rs.getString("criterio_finale")), rs.getObject("riserve_categorie", Boolean.class),
                rs.getString("digest_input"), rs.getString("digest_risultato"), rs.getInt("numero_domande"),
                rs.getInt("numero_graduatorie"), rs.getLong("durata_ms"), rs.getTimestamp("eseguita_il").toInstant(),
                versioni(rs.getString("regole")));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Rule-set name → version, as recorded; empty for records written before the versions were kept. */
    private static Map<String, Integer> versioni(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<java.util.TreeMap<String, Integer>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The graduatoria a DEFINITIVA record re-ranked. */
    Chiave chiave(long graduatoriaId) {
        return jdbc.queryForObject("""
                select g.ente_id, g.comune_id, c.codice_istat from graduatoria g join comune c on c.id = g.comune_id
                 where g.id = ?""", (rs, n) -> new Chiave(rs.getLong("ente_id"), rs.getLong("comune_id"),
                rs.getString("codice_istat")), graduatoriaId);
    }

    /** The inputs as the generation read them. */
    List<DomandaInGraduatoria> input(long generazioneId) {
        byte[] domande = jdbc.queryForObject("select domande from generazione_input where generazione_id = ?", byte[].class,
                generazioneId);
        return InputRegistrati.leggi(domande);
    }

    /** The ranking written: per graduatoria the domande ids in order. */
    SortedMap<Chiave, List<Long>> risultato(long generazioneId) {
        SortedMap<Chiave, List<Long>> risultato = new TreeMap<>();
        jdbc.query("select ente_id, comune_id, codice_istat, domande from generazione_risultato where generazione_id = ?", rs -> {
            Array domande = rs.getArray("domande");
            risultato.put(new Chiave(rs.getLong("ente_id"), rs.getLong("comune_id"), rs.getString("codice_istat")),
                    Arrays.asList((Long[]) domande.getArray()));
        }, generazioneId);
        return risultato;
    }
}
