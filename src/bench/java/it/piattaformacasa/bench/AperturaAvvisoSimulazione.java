package it.piattaformacasa.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The opening-day burst as Gatling injects it (open model): {@link Parametri#cittadini} distinct citizens arrive at a
 * constant rate over {@link Parametri#durata}, each posting one domanda for a household of their own on a new
 * connection, whether or not the platform keeps up. Every answer is recorded with the richiedente's codice fiscale so
 * that {@link AperturaAvvisoBenchmark} can match each 201 to its row. Gatling instantiates this class by name, in the
 * same JVM as the benchmark, which hands it its parameters through {@link #parametri}.
 */
public class AperturaAvvisoSimulazione extends Simulation {

    /**
     * What one run injects: against which nodes, which avviso and alloggi, how many citizens from which number; with
     * {@code concorrenti} > 0 a closed model instead (that many citizens at a time for the whole {@code durata}, each
     * replaced as soon as answered: the warm-up, which must not drown a cold JIT, and the rate the node sustains).
     */
    record Parametri(List<String> nodi, long avviso, long[] offerti, String autorizzazione, int primo, int cittadini,
                     Duration durata, int concorrenti) {
    }

    /**
     * One answer: the citizen's number, the HTTP status (0: none), Gatling's response time in ms, the domanda's id or
     * -1, when it was recorded ({@link System#nanoTime}) and, for any other answer than 201, its body.
     */
    record Risposta(int cittadino, int stato, int millisecondi, long id, long fine, String errore) {
    }

    static volatile Parametri parametri;
    static final Queue<Risposta> risposte = new ConcurrentLinkedQueue<>();

    public AperturaAvvisoSimulazione() {
        Parametri p = parametri;
        AtomicInteger prossimo = new AtomicInteger(p.primo());
        HttpProtocolBuilder protocollo = http.baseUrls(p.nodi()).disableWarmUp()
                .header("Authorization", p.autorizzazione())
                .contentTypeHeader("application/json").acceptHeader("application/json");
        ScenarioBuilder apertura = scenario("Apertura dell'avviso " + p.avviso())
                .exec(session -> session.set("cittadino", prossimo.getAndIncrement()))
                .exec(http("presenta la domanda").post("/api/avvisi/" + p.avviso() + "/domande")
                        .body(StringBody(session -> PresentazioneDomandeBenchmark.domanda(session.getInt("cittadino"), p.offerti())))
                        // status and time saved first: a refusal is a KO in Gatling's report and still recorded below
                        .check(status().saveAs("stato"), responseTimeInMillis().saveAs("ms"), bodyString().saveAs("corpo"), status().is(201),
                                jsonPath("$.id").ofLong().saveAs("id")))
                .exec(session -> {
                    risposte.add(new Risposta(session.getInt("cittadino"), session.contains("stato") ? session.getInt("stato") : 0,
                            session.contains("ms") ? session.getInt("ms") : -1, session.contains("id") ? session.getLong("id") : -1, System.nanoTime(),
                            session.contains("id") || !session.contains("corpo") ? null : session.getString("corpo")));
                    return session;
                });
        setUp(p.concorrenti() > 0 ? apertura.injectClosed(constantConcurrentUsers(p.concorrenti()).during(p.durata()))
                : apertura.injectOpen(rampUsers(p.cittadini()).during(p.durata()))).protocols(protocollo);
    }
}
