package it.piattaformacasa.demo;

import static it.piattaformacasa.DemoUtenti.ADMIN;
import static it.piattaformacasa.DemoUtenti.CAPOFILA;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.PiattaformaCasaApplication;
import it.piattaformacasa.ScenarioAvviso;

/**
 * Issue 11, the demo clock as a person meets it: the platform as {@code ./mvnw spring-boot:run} starts it (embedded
 * PostgreSQL, demo data, job executor on) in a JVM of its own, so its engine clock cannot touch the suite's. After a jump
 * the real job executor fires the avviso's due timers by itself; the offset survives a stop and a start on the same data
 * folder, and timers keep firing after it. The seconds from each jump to the avviso's new state are written to
 * {@code target/orologio-demo/misure.txt}.
 */
class OrologioDemoRiavvioTest {

    private static final Path CARTELLA = Path.of("target", "orologio-demo");
    private static final Path DATI = CARTELLA.resolve("pgdata");
    private static final Duration AVVIO = Duration.ofMinutes(4);
    private static final Duration EFFETTO = Duration.ofSeconds(60);

    private Process piattaforma;

    @AfterEach
    void ferma() throws Exception {
        ferma(piattaforma);
        cancella(DATI);
    }

    @Test
    void iTimerScadutiPartonoDaSoliDopoIlSaltoELoScostamentoSopravviveAlRiavvio() throws Exception {
        cancella(CARTELLA);
        Files.createDirectories(CARTELLA);
        int porta = portaLibera();
        ClientHttp http = new ClientHttp(porta);
        List<String> misure = new ArrayList<>();

        piattaforma = avvia(porta, 1);
        misure.add("avvio su una cartella vuota: " + attendiPronta(http, piattaforma, 1) + " ms");
        long avviso = new ScenarioAvviso(http, null, null, null).predisposto();
        assertThat(stato(http, avviso)).isEqualTo("SELEZIONE_ALLOGGI");
        Instant apertura = Instant.parse(http.get("/api/avvisi/" + avviso, CAPOFILA).json().get("apertura").asText());
        assertThat(apertura).isBefore(Instant.now().plus(Duration.ofDays(10)));

        // 10 days: past the end of the selection (24 hours before apertura) and past apertura; chiusura is 40 days away
        long salto = System.nanoTime();
        ClientHttp.Risposta risposta = http.post("/api/demo/orologio/avanza", ADMIN, "{\"giorni\":10}");
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        long scostamento = risposta.json().get("scostamentoSecondi").asLong();
        assertThat(Duration.ofSeconds(scostamento)).isBetween(Duration.ofHours(239), Duration.ofHours(241));
        misure.add("salto di 10 giorni, fine selezione → IN_ATTESA_APERTURA → APERTO: "
                + attendiStati(http, avviso, salto, "IN_ATTESA_APERTURA", "APERTO"));

        ferma(piattaforma);
        piattaforma = avvia(porta, 2);
        misure.add("riavvio sulla stessa cartella: " + attendiPronta(http, piattaforma, 2) + " ms");
        JsonNode dopoIlRiavvio = http.get("/api/demo/orologio", ADMIN).json();
        assertThat(dopoIlRiavvio.get("scostamentoSecondi").asLong()).as("lo scostamento letto dalla tabella").isEqualTo(scostamento);
        assertThat(Duration.between(Instant.now().plusSeconds(scostamento), OffsetDateTime.parse(dopoIlRiavvio.get("ora").asText())
                .toInstant()).abs()).as("l'ora della piattaforma dopo il riavvio").isLessThan(Duration.ofMinutes(1));
        assertThat(stato(http, avviso)).isEqualTo("APERTO");

        // after the restart the engine still runs ahead: the chiusura fires on the next jump, the graduatorie follow
        salto = System.nanoTime();
        assertThat(http.post("/api/demo/orologio/avanza", ADMIN, "{\"giorni\":40}").status()).isEqualTo(200);
        misure.add("dopo il riavvio, salto di 40 giorni, chiusura → CHIUSO: " + attendiStati(http, avviso, salto, "CHIUSO"));

        JsonNode reale = http.post("/api/demo/orologio/ripristina", ADMIN, "").json();
        assertThat(reale.get("scostamentoSecondi").asLong()).isZero();
        assertThat(reale.get("spostamenti").findValuesAsText("operazione")).containsExactly("RIPRISTINA", "AVANZA", "AVANZA");
        assertThat(stato(http, avviso)).as("ciò che è accaduto nei giorni simulati resta").isEqualTo("CHIUSO");

        Files.write(CARTELLA.resolve("misure.txt"), misure, StandardCharsets.UTF_8);
        misure.forEach(m -> System.out.println("[orologio della demo] " + m));
    }

    // ------------------------------------------------------------------------------------------------ the platform

    private static Process avvia(int porta, int volta) throws IOException {
        List<String> comando = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp", classpath(), PiattaformaCasaApplication.class.getName(),
                "--server.port=" + porta,
                "--piattaforma.embedded-postgres.data-directory=" + DATI.toAbsolutePath(),
                "--piattaforma.nodo.nome=orologio-demo-prova",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.it.piattaformacasa=INFO"));
        return new ProcessBuilder(comando).redirectErrorStream(true)
                .redirectOutput(CARTELLA.resolve("avvio-" + volta + ".log").toFile()).start();
    }

    /** Milliseconds until the platform is ready (job executor started), or a failure with the end of its log. */
    private static long attendiPronta(ClientHttp http, Process processo, int volta) throws Exception {
        long inizio = System.nanoTime();
        while (System.nanoTime() - inizio < AVVIO.toNanos()) {
            assertThat(processo.isAlive()).as("la piattaforma si è fermata:\n" + coda(volta)).isTrue();
            try {
                if (http.get("/actuator/health/readiness").status() == 200) {
                    return (System.nanoTime() - inizio) / 1_000_000;
                }
            } catch (IllegalStateException nonAncoraInAscolto) {
                // connection refused until Tomcat listens
            }
            Thread.sleep(250);
        }
        throw new AssertionError("la piattaforma non è pronta dopo " + AVVIO + ":\n" + coda(volta));
    }

    /** Polls the avviso every 50 ms; how long after the jump each state was first seen. */
    private static String attendiStati(ClientHttp http, long avviso, long salto, String... stati) throws InterruptedException {
        List<String> visti = new ArrayList<>();
        int prossimo = 0;
        while (prossimo < stati.length && System.nanoTime() - salto < EFFETTO.toNanos()) {
            String stato = stato(http, avviso);
            for (int i = prossimo; i < stati.length; i++) {
                if (stati[i].equals(stato)) {
                    for (int j = prossimo; j <= i; j++) {
                        visti.add(stati[j] + (j == i ? " dopo " + String.format(Locale.ITALY, "%.1f", (System.nanoTime() - salto) / 1e9)
                                + " s" : " (non visto)"));
                    }
                    prossimo = i + 1;
                }
            }
            Thread.sleep(50);
        }
        assertThat(prossimo).as("stati raggiunti entro " + EFFETTO + ": " + visti).isEqualTo(stati.length);
        return String.join(", ", visti);
    }

    /** The state the engine's timers recorded (the one people see follows the dates, timers or not). */
    private static String stato(ClientHttp http, long avviso) {
        ClientHttp.Risposta risposta = http.get("/api/avvisi/" + avviso, CAPOFILA);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        return risposta.json().get("statoRegistrato").asText();
    }

    /** SIGTERM, as Ctrl-C: the engine, the pool, then PostgreSQL stop; a PostgreSQL left behind is stopped too. */
    private static void ferma(Process processo) throws Exception {
        if (processo == null) {
            return;
        }
        processo.destroy();
        if (!processo.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            processo.destroyForcibly().waitFor();
        }
        Path pid = DATI.resolve("postmaster.pid");
        if (Files.exists(pid)) {
            long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).strip());
            ProcessHandle.of(postmaster).ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            });
        }
    }

    /** This JVM's classpath without the test classes: the platform as it runs, not a test context. */
    private static String classpath() throws IOException {
        List<String> voci = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        if (voci.size() == 1 && voci.get(0).endsWith(".jar")) {
            // surefire's manifest-only jar: the real classpath is in its manifest
            try (JarFile jar = new JarFile(voci.get(0))) {
                voci = Arrays.stream(jar.getManifest().getMainAttributes().getValue("Class-Path").split(" "))
                        .filter(v -> !v.isBlank()).map(v -> v.startsWith("file:") ? Path.of(URI.create(v)).toString() : v).toList();
            }
        }
        return voci.stream().filter(v -> !Path.of(v).endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
    }

    private static int portaLibera() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String coda(int volta) {
        try {
            List<String> righe = Files.readAllLines(CARTELLA.resolve("avvio-" + volta + ".log"));
            return String.join("\n", righe.subList(Math.max(0, righe.size() - 40), righe.size()));
        } catch (IOException e) {
            return "(log non leggibile: " + e + ")";
        }
    }

    private static void cancella(Path cartella) throws IOException {
        if (!Files.exists(cartella)) {
            return;
        }
        try (Stream<Path> percorsi = Files.walk(cartella)) {
            for (Path p : percorsi.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
