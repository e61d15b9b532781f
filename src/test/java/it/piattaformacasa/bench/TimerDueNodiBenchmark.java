package it.piattaformacasa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DemoUtenti;
import it.piattaformacasa.Multipart;
import it.piattaformacasa.cluster.ClusterDiProva;
import it.piattaformacasa.cluster.NodoDiProva;

/**
 * Timers at scale on two nodes (issue 17): the same N deadline timers as {@link TimerBenchmark} (default 10k,
 * {@code -Dbench.timer}), on a two-node cluster ({@link ClusterDiProva}: one PostgreSQL, two platform JVMs with the
 * job executor settings of application.yaml), first with both nodes, then — in the same run, on a fresh equal set —
 * with node 2 stopped. The instances are started through the nodes' REST API (8 clients over both nodes); the timers
 * are then made due at one instant by one UPDATE. Fire rate from the history (first to last successful job), each
 * timer exactly once, and which nodes' lock owners were seen holding jobs.
 */
class TimerDueNodiBenchmark {

    @Test
    void dueNodiControUno() throws Exception {
        int n = Integer.getInteger("bench.timer", 10_000);
        StringBuilder risultato = new StringBuilder(String.format(Locale.ROOT,
                "Timer in massa su due nodi — %d timer di scadenza dovuti nello stesso istante per fase%n", n));
        try (ClusterDiProva cluster = ClusterDiProva.avvia(2, Map.of())) {
            risultato.append(fase(cluster, cluster.nodi(), n, "due nodi"));
            System.out.println(risultato);
            cluster.nodo(2).ferma();
            risultato.append(fase(cluster, List.of(cluster.nodo(1)), n, "un nodo (nodo-2 fermato)"));
            System.out.println(risultato);
        }
        Path file = Path.of("target", "bench", "timer-due-nodi.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);
    }

    private String fase(ClusterDiProva cluster, List<NodoDiProva> nodi, int n, String nome) throws Exception {
        JdbcTemplate jdbc = cluster.jdbc();
        String chiave = "bench-scadenza-" + System.nanoTime();
        ClientHttp primo = new ClientHttp(nodi.get(0).porta());
        Multipart corpo = Multipart.di(Map.of("deployment-name", chiave), "data", chiave + ".bpmn",
                Bpmn.convertToString(TimerBenchmark.processo(chiave)).getBytes(StandardCharsets.UTF_8));
        ClientHttp.Risposta deployment = primo.invia(primo.richiesta("/engine-rest/deployment/create", DemoUtenti.ADMIN)
                .header("Content-Type", corpo.tipo()).POST(HttpRequest.BodyPublishers.ofByteArray(corpo.corpo())).build());
        assertThat(deployment.status()).as(deployment.body()).isEqualTo(200);

        long inizioCreazione = System.nanoTime();
        ExecutorService client = Executors.newFixedThreadPool(8);
        List<Future<?>> avvii = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int numero = c;
            ClientHttp http = new ClientHttp(nodi.get(c % nodi.size()).porta());
            avvii.add(client.submit(() -> {
                for (int k = numero; k < n; k += 8) {
                    ClientHttp.Risposta r = http.post("/engine-rest/process-definition/key/" + chiave + "/start", DemoUtenti.ADMIN,
                            "{\"businessKey\":\"" + chiave + "-" + k + "\",\"variables\":{\"gruppo\":{\"value\":\"ente-bench-" + (k % 1500)
                                    + "-avviso\"},\"scadenza\":{\"value\":\"2099-01-01T00:00:00\"}}}");
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                }
                return null;
            }));
        }
        for (Future<?> f : avvii) {
            f.get();
        }
        client.shutdown();
        double creazioneS = (System.nanoTime() - inizioCreazione) / 1e9;

        Timestamp istante = Timestamp.from(Instant.now().minusSeconds(1));
        long inizio = System.nanoTime();
        assertThat(jdbc.update("update act_ru_job set duedate_ = ? where process_def_key_ = ?", istante, chiave)).isEqualTo(n);
        Set<String> proprietari = new TreeSet<>();
        long restanti = n;
        while (restanti > 0) {
            Thread.sleep(250);
            proprietari.addAll(jdbc.queryForList("select distinct lock_owner_ from act_ru_job where process_def_key_ = ? "
                    + "and lock_owner_ is not null", String.class, chiave));
            restanti = jdbc.queryForObject("select count(*) from act_ru_job where process_def_key_ = ?", Long.class, chiave);
            assertThat((System.nanoTime() - inizio) / 1e9).as("oltre 30 minuti").isLessThan(1800);
        }
        double totaleS = (System.nanoTime() - inizio) / 1e9;
        Map<String, Object> log = jdbc.queryForMap("""
                select count(*) as riusciti, count(distinct job_id_) as job,
                       extract(epoch from max(timestamp_) - min(timestamp_)) as secondi
                  from act_hi_job_log where process_def_key_ = ? and job_state_ = 2""", chiave);
        Map<String, Object> storia = jdbc.queryForMap("""
                select count(*) as scattati, count(distinct proc_inst_id_) as istanze
                  from act_hi_actinst where proc_def_key_ = ? and act_id_ = ?""", chiave, TimerBenchmark.TIMER);
        Long falliti = jdbc.queryForObject("select count(*) from act_hi_job_log where process_def_key_ = ? and job_state_ = 1",
                Long.class, chiave);
        assertThat(((Number) storia.get("scattati")).longValue()).isEqualTo(n);
        assertThat(((Number) storia.get("istanze")).longValue()).isEqualTo(n);
        assertThat(((Number) log.get("riusciti")).longValue()).as("ogni timer eseguito una volta sola").isEqualTo(n);
        // optimistic-locking losers are not failures (the other node's commit won), but a timer is never retried to failure
        assertThat(falliti).isZero();
        double secondi = ((Number) log.get("secondi")).doubleValue();
        return String.format(Locale.ROOT, """
                  [%s] creazione via REST (8 client): %.0f s (%.0f/s)
                    tutti scattati %.1f s dopo l'UPDATE (attesa del job executor inattivo compresa, max-wait 10 s);
                    dal primo all'ultimo riuscito %.1f s = %.0f timer/s; proprietari dei lock visti: %s   carico: %s
                    storia: %s timer scattati in %s istanze, %s job riusciti, %d falliti
                """, nome, creazioneS, n / creazioneS, totaleS, secondi, n / secondi, proprietari, Misure.carico(),
                storia.get("scattati"), storia.get("istanze"), log.get("riusciti"), falliti);
    }
}
