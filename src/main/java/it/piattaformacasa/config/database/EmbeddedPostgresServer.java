package it.piattaformacasa.config.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 run from the zonky binaries, with a persistent data directory.
 * <p>
 * Three zonky defaults do not suit a system of record and are overridden here: its JVM shutdown hook
 * (which races Spring's shutdown and makes Ctrl-C hang for over a minute — we stop the server from the
 * bean's destroy method, after Spring has stopped the engine and the pool), {@code synchronous_commit=off}
 * (a committed domanda must survive a crash) and the clean data directory (data must survive restarts).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** The lock file zonky keeps in the data directory while its server runs. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    public static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDirectory);
            stopOrphanedPostmaster(dataDirectory);
            if (properties.clean() && !inUsoDaUnAltraIstanza(dataDirectory)) {
                // zonky wipes a clean directory when it closes; a JVM killed before that leaves it behind, and initdb
                // refuses a non-empty directory
                svuota(dataDirectory);
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(properties.clean())
                    .setRegisterShutdownHook(false)
                    .setPort(properties.port())
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, properties.database());
            server.createDatabaseIfMissing();
            LOG.info("PostgreSQL embedded avviato: {} (dati in {})", server.jdbcUrl(), dataDirectory);
            return server;
        } catch (IOException e) {
            throw new EmbeddedPostgresNonAvviabileException("Impossibile avviare il PostgreSQL embedded nella cartella "
                    + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database.replace("'", "''") + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database \"" + database.replace("\"", "") + "\" encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("Impossibile creare il database " + database + ": " + e.getMessage(), e);
        }
    }

    private static void svuota(Path dataDirectory) throws IOException {
        try (var contenuto = Files.walk(dataDirectory)) {
            for (Path p : contenuto.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dataDirectory)) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * After a {@code kill -9} of the JVM the postmaster started by pg_ctl survives and keeps
     * {@code postmaster.pid}; the next start would fail with «another server might be running».
     * If the pid belongs to a live postgres on our data directory, ask it for a fast shutdown.
     */
    static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !isPostgresOn(pid, dataDirectory)) {
            // stale pid file: postgres itself recognises it and starts normally
            return;
        }
        if (inUsoDaUnAltraIstanza(dataDirectory)) {
            throw new EmbeddedPostgresNonAvviabileException("La cartella dati " + dataDirectory + " è in uso da un'altra istanza della "
                    + "piattaforma in esecuzione (PostgreSQL pid " + pid + "): fermarla, oppure indicare un'altra cartella "
                    + "con PIATTAFORMA_DATA_DIR", null);
        }
        LOG.warn("Trovato un PostgreSQL orfano (pid {}) sulla cartella {}: lo arresto prima di ripartire", pid, dataDirectory);
        signal(pid, "INT"); // fast shutdown: rolls back open transactions, keeps committed data
        try {
            process.get().onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Il PostgreSQL orfano (pid {}) non si è arrestato in {}s: arresto immediato", pid, ORPHAN_STOP_TIMEOUT.toSeconds());
            signal(pid, "QUIT");
            try {
                process.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception again) {
                throw new EmbeddedPostgresNonAvviabileException("Impossibile arrestare il PostgreSQL orfano con pid " + pid
                        + " sulla cartella " + dataDirectory + ": arrestarlo a mano e riavviare", again);
            }
        }
    }

    /**
     * A running platform holds zonky's lock file in the data directory; the OS releases it when that JVM dies.
     * So a postmaster whose lock we can take is an orphan, one whose lock we cannot take belongs to a live instance.
     */
    private static boolean inUsoDaUnAltraIstanza(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(ZONKY_LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private static boolean isPostgresOn(long pid, Path dataDirectory) {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        try {
            String command = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
            return command.contains("postgres") && command.contains(dataDirectory.toString());
        } catch (IOException e) {
            return false;
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("PostgreSQL embedded arrestato");
        } catch (IOException e) {
            LOG.error("Errore nell'arresto del PostgreSQL embedded", e);
        }
    }
}
