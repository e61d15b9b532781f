package it.piattaformacasa.config.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Issue 17: nodes of a cluster started together on one database start one at a time, from the engine's schema to the
 * last start-up runner. Flyway locks its migrations and Camunda its deployments, but not Camunda's schema creation
 * ({@code schema-update}) nor our runners (rule baseline, bindings of the avvisi, demo data, missing processes of the
 * graduatorie definitive, the identity store): run by two nodes at once on an empty database they insert the same rows
 * and one node fails its start on a unique key, or both create a process. A PostgreSQL session-level advisory lock,
 * taken on a connection of its own before the engine touches its schema and released after the last runner, makes
 * the second node wait for the first (seconds), then find everything in place. A node that dies meanwhile loses its
 * connection and with it the lock.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class AvvioUnNodoAllaVolta extends AbstractProcessEnginePlugin implements ApplicationRunner, DisposableBean {

    /** The key of the lock (one number, distinct from the two-key locks of the graduatorie and domande). */
    static final long CHIAVE = 0x5043_4156_5649_4fL; // "PCAVVIO"

    private static final Logger LOG = LoggerFactory.getLogger(AvvioUnNodoAllaVolta.class);

    private final DataSource dataSource;
    private Connection connessione;

    AvvioUnNodoAllaVolta(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Before the engine creates or updates its schema (which happens when it is built, after every preInit). */
    @Override
    public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
        if (connessione != null) {
            return;
        }
        long inizio = System.nanoTime();
        try {
            connessione = dataSource.getConnection();
            connessione.setAutoCommit(true);
            try (PreparedStatement lock = connessione.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, CHIAVE);
                lock.execute();
            }
        } catch (SQLException e) {
            chiudi();
            throw new IllegalStateException("Blocco di avvio non ottenuto dal database: " + e.getMessage(), e);
        }
        long attesa = (System.nanoTime() - inizio) / 1_000_000;
        if (attesa > 1000) {
            LOG.info("Avvio atteso {} ms: un altro nodo stava avviandosi sullo stesso database", attesa);
        }
    }

    /** After every other runner (this one is ordered last): the next node may start. */
    @Override
    public void run(ApplicationArguments args) {
        chiudi();
    }

    /** A start that fails releases the lock too. */
    @Override
    public void destroy() {
        chiudi();
    }

    private synchronized void chiudi() {
        if (connessione == null) {
            return;
        }
        try (Connection c = connessione) {
            // closing returns the connection to the pool: the session lock must be released explicitly
            try (PreparedStatement unlock = c.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, CHIAVE);
                unlock.execute();
            }
        } catch (SQLException e) {
            LOG.warn("Blocco di avvio non rilasciato: {}", e.getMessage());
        } finally {
            connessione = null;
        }
    }
}
