package it.piattaformacasa.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Several platform nodes on one PostgreSQL (issue 17), for tests and benchmarks: a standalone PostgreSQL server (the
 * zonky binaries of the test classpath, a real {@code postgres} process with its own data folder under
 * {@code target/cluster/}) and N nodes, each a separate JVM running {@code PiattaformaCasaApplication} with the ordinary
 * {@code SPRING_DATASOURCE_*} settings, {@code PORT}, {@code PIATTAFORMA_NODO=nodo-1..N} and the demo data enabled on
 * the external database. The nodes are addressed directly (no load balancer). {@link #close()} stops the nodes, then
 * PostgreSQL; a shutdown hook kills whatever is left if the test JVM ends first.
 */
public final class ClusterDiProva implements AutoCloseable {

    /** JVM options of a node unless the caller gives its own: a modest heap, the client compiler (faster start). */
    public static final List<String> OPZIONI_JVM = List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** How long {@link #avvia} waits for every node to be ready (two nodes starting together on a 2-core machine). */
    public static final Duration ATTESA_AVVIO = Duration.ofMinutes(4);

    static final Path CARTELLA = Paths.get("target", "cluster");

    private final EmbeddedPostgres postgres;
    private final JdbcTemplate jdbc;
    private final List<NodoDiProva> nodi;
    private final Thread allUscita;

    private ClusterDiProva(EmbeddedPostgres postgres, List<NodoDiProva> nodi) {
        this.postgres = postgres;
        this.jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        this.nodi = Collections.unmodifiableList(nodi);
        this.allUscita = new Thread(this::fermaTutto, "cluster-di-prova-uscita");
        Runtime.getRuntime().addShutdownHook(allUscita);
    }

    /** {@code nodi} nodes with {@link #OPZIONI_JVM}; {@code ambiente} adds to (or overrides) every node's environment. */
    public static ClusterDiProva avvia(int nodi, Map<String, String> ambiente) {
        return avvia(nodi, ambiente, OPZIONI_JVM);
    }

    /**
     * Starts PostgreSQL on a free port with an empty data folder, then {@code nodi} nodes at the same time (as a
     * cluster starts after a deployment), and waits until each answers {@code /actuator/health/readiness} with 200.
     *
     * @throws IllegalStateException if a node does not become ready in {@link #ATTESA_AVVIO} (its log says why)
     */
    public static ClusterDiProva avvia(int nodi, Map<String, String> ambiente, List<String> opzioniJvm) {
        EmbeddedPostgres postgres = avviaPostgres();
        List<NodoDiProva> avviati = new ArrayList<>();
        ClusterDiProva cluster = new ClusterDiProva(postgres, avviati);
        try {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            for (int i = 1; i <= nodi; i++) {
                Map<String, String> variabili = new LinkedHashMap<>();
                variabili.put("SPRING_DATASOURCE_URL", url);
                variabili.put("SPRING_DATASOURCE_USERNAME", "postgres");
                variabili.put("SPRING_DATASOURCE_PASSWORD", "postgres");
                variabili.put("PIATTAFORMA_DEMO_ESTERNO", "true");
                // no SMTP server: notices wait in the outbox (the embedded GreenMail is embedded-database only)
                variabili.putAll(ambiente);
                Path log = CARTELLA.resolve("nodo-" + i + ".log");
                // a new cluster, new logs; a node's restarts append to its own
                Files.deleteIfExists(log);
                NodoDiProva nodo = new NodoDiProva("nodo-" + i, portaLibera(), classpath(), opzioniJvm, variabili, log);
                avviati.add(nodo);
                nodo.avvia();
            }
            for (NodoDiProva nodo : avviati) {
                nodo.attendiPronto(ATTESA_AVVIO);
            }
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private static EmbeddedPostgres avviaPostgres() {
        try {
            Files.createDirectories(CARTELLA);
            Path dati = CARTELLA.resolve("pgdata");
            FileSystemUtils.deleteRecursively(dati);
            EmbeddedPostgres.Builder server = EmbeddedPostgres.builder()
                    .setPort(portaLibera())
                    .setDataDirectory(dati)
                    .setCleanDataDirectory(true)
                    // two nodes' pools (20 each), Camunda's webapps and the test's own connections
                    .setServerConfig("max_connections", "120");
            if (Boolean.getBoolean("bench.istruzioni")) {
                // what each statement costs the server, for the opening-day benchmark (its binaries ship the module);
                // only when asked: its counters cost every statement a little, and the figures would not compare
                server.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            return server
                    // a system of record's durability, as the platform's own embedded server (EmbeddedPostgresServer):
                    // zonky's defaults turn synchronous commit off, which would flatter the benchmarks on two
                    // nodes against the single-node ones (about 900 against 300 single-client commits a second here)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new PostgresNonAvviabile(e);
        }
    }

    /** The PostgreSQL binaries could not start here (no binaries for this system, no shared memory…). */
    public static final class PostgresNonAvviabile extends IllegalStateException {
        PostgresNonAvviabile(Throwable causa) {
            super("PostgreSQL del cluster di prova non avviabile: " + causa.getMessage(), causa);
        }
    }

    /** The test JVM's classpath as surefire gives it, without the test classes (their components are not the app's). */
    public static String classpath() {
        String percorso = System.getProperty("surefire.test.class.path");
        if (percorso == null || percorso.isBlank()) {
            percorso = System.getProperty("java.class.path");
        }
        return Arrays.stream(percorso.split(File.pathSeparator))
                .filter(voce -> !voce.isBlank())
                .filter(voce -> !Paths.get(voce).normalize().endsWith(Paths.get("target", "test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
    }

    public static int portaLibera() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standalone database (user postgres, database postgres): what the nodes share. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** The JDBC address of the shared database, as the nodes receive it. */
    public String urlJdbc() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public List<NodoDiProva> nodi() {
        return nodi;
    }

    public NodoDiProva nodo(int numero) {
        return nodi.get(numero - 1);
    }

    /** Stops every node (SIGTERM, then kill -9 after 20 s), then PostgreSQL. */
    @Override
    public void close() {
        fermaTutto();
        try {
            Runtime.getRuntime().removeShutdownHook(allUscita);
        } catch (IllegalStateException giaInUscita) {
            // the JVM is ending: the hook runs anyway
        }
    }

    private synchronized void fermaTutto() {
        nodi.forEach(NodoDiProva::ferma);
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // already stopped
        }
    }
}
