package it.piattaformacasa.config.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Issue 17: nodes of a cluster started together on one database start one at a time, from the engine's schema to the
 * last start-up runner. Flyway locks its migrations and Camunda its deployments, but not Camunda's schema creation
 * ({@code schema-update}) nor our runners (rule baseline, bindings of the avvisi, demo data, missing processes of the
 * graduatorie definitive, the identity store): run by two nodes at once on an empty database they insert the same rows
 * and one node fails its start on a unique key, or both create a process. A PostgreSQL session-level advisory lock,
 * taken on a connection of its own before the engine touches its schema and released after the last runner, makes
 * the second node wait for the first (seconds), then find everything in place. A node that dies meanwhile loses its
 * connection and with it the lock. The waiting node says every {@link #AVVISO_OGNI} which connection holds
 * the lock, and gives up its start after {@code piattaforma.avvio.attesa-massima} (the orchestrator starts it again):
 * a node stuck in its start must not hold the others back without a word. The lock needs a session of its own, so a
 * pooler in front of PostgreSQL must be in session mode (README «Cluster and scale»).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class AvvioUnNodoAllaVolta extends AbstractProcessEnginePlugin implements ApplicationRunner, DisposableBean {

    /** The key of the lock (one number, distinct from the two-key locks of the graduatorie and domande). */
    static final long CHIAVE = 0x5043_4156_5649_4fL; // "PCAVVIO"

    private static final Logger LOG = LoggerFactory.getLogger(AvvioUnNodoAllaVolta.class);
    private static final Duration AVVISO_OGNI = Duration.ofSeconds(15);
    private static final long PAUSA_MILLISECONDI = 500;

    private final DataSource dataSource;
    private final Duration attesaMassima;
    private Connection connessione;
    /** Whether {@link #connessione} holds the lock (false while it waits and after a wait given up). */
    private boolean tenuto;

    AvvioUnNodoAllaVolta(DataSource dataSource, @Value("${piattaforma.avvio.attesa-massima:PT20M}") Duration attesaMassima) {
        this.dataSource = dataSource;
        this.attesaMassima = attesaMassima;
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
            attendi(inizio);
        } catch (SQLException e) {
            chiudi();
            throw new IllegalStateException("Blocco di avvio non ottenuto dal database: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            chiudi();
            throw new IllegalStateException("Avvio interrotto in attesa del blocco di avvio", e);
        } catch (RuntimeException e) {
            chiudi();
            throw e;
        }
        long attesa = (System.nanoTime() - inizio) / 1_000_000;
        if (attesa > 1000) {
            LOG.info("Avvio atteso {} ms: un altro nodo stava avviandosi sullo stesso database", attesa);
        }
    }

    /** Tries the lock every half second until it is this node's, saying who holds it; gives up after the maximum wait. */
    private void attendi(long inizio) throws SQLException, InterruptedException {
        long prossimoAvviso = inizio + AVVISO_OGNI.toNanos();
        try (PreparedStatement prova = connessione.prepareStatement("select pg_try_advisory_lock(?)")) {
            prova.setLong(1, CHIAVE);
            while (!(tenuto = vero(prova))) {
                long ora = System.nanoTime();
                if (ora - inizio > attesaMassima.toNanos()) {
                    throw new IllegalStateException("Avvio abbandonato dopo " + attesaMassima.toSeconds() + " s di attesa del blocco di "
                            + "avvio (piattaforma.avvio.attesa-massima): lo tiene " + detentore() + ". Se quel nodo è fermo nel "
                            + "suo avvio va riavviato; il blocco si libera da sé quando la sua connessione si chiude");
                }
                if (ora >= prossimoAvviso) {
                    LOG.info("In attesa da {} s del blocco di avvio: lo tiene {}", (ora - inizio) / 1_000_000_000L, detentore());
                    prossimoAvviso = ora + AVVISO_OGNI.toNanos();
                }
                Thread.sleep(PAUSA_MILLISECONDI);
            }
        }
    }

    /**
     * Which connection holds the lock, as PostgreSQL knows it: the node's address, its application, since when. Without
     * the right to read other roles' sessions some of it is null; a failed look is said, never a reason to stop waiting.
     */
    private String detentore() {
        try (PreparedStatement chi = connessione.prepareStatement("""
                select a.pid, a.client_addr, a.application_name, a.backend_start from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where l.locktype = 'advisory' and l.granted and l.database = (select oid from pg_database where datname = current_database())
                  and l.classid = ? and l.objid = ? and l.objsubid = 1""")) {
            chi.setLong(1, CHIAVE >>> 32);
            chi.setLong(2, CHIAVE & 0xFFFF_FFFFL);
            try (ResultSet rs = chi.executeQuery()) {
                if (!rs.next()) {
                    return "nessuna connessione: il blocco è appena stato rilasciato";
                }
                java.sql.Timestamp da = rs.getTimestamp(4);
                return "la connessione " + rs.getInt(1) + (rs.getString(2) == null ? "" : " da " + rs.getString(2))
                        + (rs.getString(3) == null || rs.getString(3).isBlank() ? "" : " (" + rs.getString(3) + ")")
                        + (da == null ? "" : ", aperta " + da.toInstant());
            }
        } catch (SQLException e) {
            return "una connessione sconosciuta (" + e.getMessage() + ")";
        }
    }

    private static boolean vero(PreparedStatement interrogazione) throws SQLException {
        try (ResultSet rs = interrogazione.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
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
        boolean rilasciato = !tenuto;
        try {
            if (tenuto) {
                // closing returns the connection to the pool: the session lock must be released explicitly
                try (PreparedStatement unlock = connessione.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, CHIAVE);
                    rilasciato = vero(unlock);
                }
            }
        } catch (SQLException e) {
            LOG.warn("Blocco di avvio non rilasciato: {}", e.getMessage());
        } finally {
            chiudiConnessione(rilasciato);
            connessione = null;
            tenuto = false;
        }
    }

    /**
     * Back to the pool only a connection without the lock: one whose unlock failed leaves the pool (Hikari evicts it,
     * PostgreSQL ends its session and with it the lock), or the next borrower would hold the start lock unawares.
     */
    private void chiudiConnessione(boolean rilasciato) {
        try {
            if (!rilasciato && dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connessione);
            } else {
                connessione.close();
            }
        } catch (SQLException e) {
            LOG.warn("Connessione del blocco di avvio non chiusa: {}", e.getMessage());
        }
    }
}
