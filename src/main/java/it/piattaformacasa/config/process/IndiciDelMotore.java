package it.piattaformacasa.config.process;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's own tables that its schema scripts do not create and this platform's load needs (issue 17).
 * Camunda creates its tables at the engine's start ({@code schema-update}), after Flyway, so they cannot be a Flyway
 * migration; each is created here once, right after the engine is built, {@code concurrently}: on a large database
 * already in service (an upgrade) the build takes a while and must not stop the other nodes' writes to those tables
 * meanwhile. A concurrent build that failed (a node killed during it) leaves an invalid index, which {@code if not
 * exists} would keep forever: it is dropped and built again. Nodes start one at a time (AvvioUnNodoAllaVolta); a
 * failure is logged and the node starts anyway, slower on those queries.
 */
@Component
public class IndiciDelMotore extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(IndiciDelMotore.class);

    /**
     * act_idx_job_duedate: the job acquisition orders by due date ({@code job-executor-acquire-by-due-date}); with 100k
     * due timers and no index every acquisition sorts the whole table (bench/TimerBenchmark).
     */
    public static final List<Indice> INDICI = List.of(
            new Indice("act_idx_job_duedate", "act_ru_job (duedate_)"),
            // act_idx_auth_user_id: every authorization check of a task query reads the authorizations of the person OR of
            // its groups; with no index on user_id_ the OR is a sequential scan of the whole table, which holds one row
            // per candidate group of every open task (100k open tasks: 180 ms → 65 ms per query, bench/CasellaInArrivoBenchmark)
            new Indice("act_idx_auth_user_id", "act_ru_authorization (user_id_)"));

    /** One index: its name and what it indexes ({@code tabella (colonne)}). */
    public record Indice(String nome, String su) {

        /** The statement that builds it without stopping writes to its table, if it does not exist yet. */
        public String crea() {
            return "create index concurrently if not exists " + nome + " on " + su;
        }
    }

    private final JdbcTemplate jdbc;

    IndiciDelMotore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        for (Indice indice : INDICI) {
            String nome = indice.nome();
            try {
                List<Boolean> valido = jdbc.queryForList("select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid "
                        + "where c.relname = ? and pg_table_is_visible(c.oid)", Boolean.class, nome);
                if (valido.contains(Boolean.TRUE)) {
                    continue;
                }
                if (!valido.isEmpty()) {
                    LOG.warn("Indice {} non valido (una costruzione interrotta): lo ricostruisco", nome);
                    jdbc.execute("drop index concurrently if exists " + nome);
                }
                jdbc.execute(indice.crea());
            } catch (DataAccessException e) {
                LOG.warn("Indice sulle tabelle del motore non creato ({}): {}", indice.crea(), e.getMostSpecificCause().getMessage());
            }
        }
    }
}
