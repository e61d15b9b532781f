package it.piattaformacasa.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One platform node of a {@link ClusterDiProva}: a separate JVM with its own port, name and log file. The log is
 * appended to across restarts, so what a node did before a {@link #uccidi() kill -9} stays readable.
 */
public final class NodoDiProva {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String nome;
    private final int porta;
    private final String classpath;
    private final List<String> opzioniJvm;
    private final Map<String, String> ambiente;
    private final Path log;
    private volatile Process processo;

    NodoDiProva(String nome, int porta, String classpath, List<String> opzioniJvm, Map<String, String> ambiente, Path log) {
        this.nome = nome;
        this.porta = porta;
        this.classpath = classpath;
        this.opzioniJvm = List.copyOf(opzioniJvm);
        this.ambiente = Map.copyOf(ambiente);
        this.log = log;
    }

    synchronized void avvia() {
        if (processo != null && processo.isAlive()) {
            throw new IllegalStateException("Il nodo " + nome + " è già avviato");
        }
        List<String> comando = new ArrayList<>();
        comando.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        comando.addAll(opzioniJvm);
        comando.add("-Dfile.encoding=UTF-8");
        comando.add("-cp");
        comando.add(classpath);
        comando.add("it.piattaformacasa.PiattaformaCasaApplication");
        ProcessBuilder builder = new ProcessBuilder(comando).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(ambiente);
        builder.environment().put("PORT", String.valueOf(porta));
        builder.environment().put("PIATTAFORMA_NODO", nome);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== avvio di " + nome + " sulla porta " + porta + " ===" + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            processo = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Nodo " + nome + " non avviabile", e);
        }
    }

    /** "http://localhost:PORT" */
    public String indirizzo() {
        return "http://localhost:" + porta;
    }

    public URI uri(String percorso) {
        return URI.create(indirizzo() + percorso);
    }

    /** The node's name: its {@code PIATTAFORMA_NODO}, the lock owner of the jobs it runs. */
    public String nome() {
        return nome;
    }

    public int porta() {
        return porta;
    }

    public boolean vivo() {
        Process p = processo;
        return p != null && p.isAlive();
    }

    public long pid() {
        return processo.pid();
    }

    /** kill -9: the JVM ends at once, holding whatever locks and transactions it had. */
    public void uccidi() {
        Process p = processo;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the node again with the same name and port (after {@link #uccidi()} or {@link #ferma()}). */
    public void riavvia() {
        if (vivo()) {
            ferma();
        }
        avvia();
    }

    /** Waits until {@code /actuator/health/readiness} answers 200. */
    public void attendiPronto(Duration attesa) {
        long limite = System.nanoTime() + attesa.toNanos();
        HttpRequest richiesta = HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < limite) {
            if (!vivo()) {
                throw new IllegalStateException("Il nodo " + nome + " è terminato durante l'avvio (codice "
                        + processo.exitValue() + "):\n" + coda(60));
            }
            try {
                if (HTTP.send(richiesta, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException nonAncoraInAscolto) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Il nodo " + nome + " non è pronto dopo " + attesa + ":\n" + coda(60));
    }

    /** The node's log file (stdout and stderr of every run). */
    public Path log() {
        return log;
    }

    /** The log's text. */
    public String testoLog() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last {@code righe} lines of the log, for failure messages. */
    public String coda(int righe) {
        List<String> tutte = testoLog().lines().toList();
        return String.join("\n", tutte.subList(Math.max(0, tutte.size() - righe), tutte.size()));
    }

    /** A graceful stop (SIGTERM), then kill -9 if the node has not ended within 20 s. */
    public void ferma() {
        Process p = processo;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return nome + "@" + indirizzo();
    }
}
