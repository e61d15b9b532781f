package it.piattaformacasa.bench;

import static it.piattaformacasa.DemoUtenti.ALER_AVVISO;
import static it.piattaformacasa.DemoUtenti.CAPOFILA;
import static it.piattaformacasa.DemoUtenti.CF_ALER;
import static it.piattaformacasa.DemoUtenti.CF_COMUNE_VARESE;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;

/**
 * Domande submitted through the REST API (HTTP Basic, JSON, validation, requisiti and ISBAR by KIE, one transaction
 * each) by concurrent clients for a fixed time (default 60 s, 8 clients): throughput and latency percentiles. Every
 * response must be 201; anything else is counted and reported. Run with {@code ./mvnw -Pbench verify}; the client
 * and the server share this machine's cores. With {@code -Dbench.chiave=true} every submission carries its own
 * {@code Idempotency-Key}, as a client that retries safely would send it; with {@code -Dbench.chiave=alternata} every
 * other one does, and the two latencies are reported apart: measured side by side by the same clients, the cost of the
 * key does not depend on how busy the shared machine was during one run or the other.
 */
@IntegrationTest
class PresentazioneDomandeBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggiRepository;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void domandePresentateViaRestPerSessantaSecondi() throws Exception {
        int secondi = Integer.getInteger("bench.secondi", 60);
        int client = Integer.getInteger("bench.client", 8);
        Chiave chiave = Chiave.valueOf(System.getProperty("bench.chiave", "false").toUpperCase(Locale.ROOT));
        ClientHttp http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggiRepository);
        List<Alloggio> aler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 2);
        List<Alloggio> varese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1);
        long[] offerti = {aler.get(0).getId(), aler.get(1).getId(), varese.get(0).getId()};
        long avviso = scenario.aperto(List.of(aler.get(0), aler.get(1), varese.get(0)), List.of(ALER_AVVISO, ALER_AVVISO, CAPOFILA));

        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String autorizzazione = "Basic " + java.util.Base64.getEncoder().encodeToString((CAPOFILA + ":demo").getBytes());
        AtomicInteger progressivo = new AtomicInteger();
        // warm-up: on this 2-core machine the JIT compilers take a core for the first ~20 s and keep improving the
        // request path after that (measured over 30-60 s runs: 371/s after 20 s of warm-up, 844/s after 90 s)
        Esito riscaldamento = esegui(client, Integer.getInteger("bench.riscaldamento", 60), httpClient, http, avviso, autorizzazione,
                progressivo, offerti, chiave);
        // what autovacuum does on a live database: on this fresh one the planner still thinks the tables are empty and
        // the pooled connections keep generic plans made for empty tables (measured after 20 s: 212/s without, 371/s with)
        jdbc.execute("analyze domanda; analyze domanda_alloggio; analyze nucleo_familiare; analyze componente");
        Esito esito = esegui(client, secondi, httpClient, http, avviso, autorizzazione, progressivo, offerti, chiave);

        Integer nelDatabase = jdbc.queryForObject("select count(*) from domanda where avviso_id = ?", Integer.class, avviso);
        long[] latenze = esito.latenze(null);
        String risultato = String.format(Locale.ROOT, """
                Domande presentate via REST (POST /api/avvisi/{id}/domande, HTTP Basic%s) — %d client per %d s
                  risposte 201: %d, altre: %s; domande nel database: %d (= %d del riscaldamento + %d)
                  throughput: %.0f domande/s
                  latenza p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms
                """, chiave.descrizione, client, secondi, esito.create(), esito.altre(), nelDatabase,
                riscaldamento.create(), esito.create(),
                esito.create() / esito.secondi(),
                percentile(latenze, 50), percentile(latenze, 95), percentile(latenze, 99),
                latenze.length == 0 ? 0 : latenze[latenze.length - 1] / 1e6);
        if (chiave == Chiave.ALTERNATA) {
            long[] con = esito.latenze(true);
            long[] senza = esito.latenze(false);
            risultato += String.format(Locale.ROOT, """
                      con Idempotency-Key: %d, p50 %.1f ms, p95 %.1f ms, media %.1f ms
                      senza: %d, p50 %.1f ms, p95 %.1f ms, media %.1f ms
                      rapporto con/senza: p50 %.3f, media %.3f
                    """, con.length, percentile(con, 50), percentile(con, 95), media(con), senza.length,
                    percentile(senza, 50), percentile(senza, 95), media(senza), percentile(con, 50) / percentile(senza, 50),
                    media(con) / media(senza));
        }
        System.out.println(risultato);
        Path file = Path.of("target", "bench", chiave == Chiave.FALSE ? "domande-rest.txt"
                : "domande-rest-chiave-" + chiave.name().toLowerCase(Locale.ROOT) + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);
    }

    /** Which submissions carry an Idempotency-Key: none, all, or every other one. */
    private enum Chiave {
        FALSE(""), TRUE(", Idempotency-Key"), ALTERNATA(", Idempotency-Key in una domanda su due");

        final String descrizione;

        Chiave(String descrizione) {
            this.descrizione = descrizione;
        }

        boolean per(int i) {
            return this == TRUE || (this == ALTERNATA && i % 2 == 0);
        }
    }

    /** @param misure {status, nanoseconds, 1 if the request carried a key} */
    private record Esito(int create, Map<Integer, Integer> altre, List<long[]> misure, double secondi) {

        /** Sorted latencies of the requests with a key ({@code true}), without ({@code false}) or all ({@code null}). */
        long[] latenze(Boolean conChiave) {
            return misure.stream().filter(m -> conChiave == null || (m[2] == 1) == conChiave).mapToLong(m -> m[1]).sorted()
                    .toArray();
        }
    }

    private static double media(long[] latenze) {
        return latenze.length == 0 ? 0 : Arrays.stream(latenze).average().orElse(0) / 1e6;
    }

    private static Esito esegui(int client, int secondi, HttpClient httpClient, ClientHttp http, long avviso,
                                String autorizzazione, AtomicInteger progressivo, long[] offerti, Chiave chiave)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(client);
        long inizio = System.nanoTime();
        long fine = inizio + secondi * 1_000_000_000L;
        List<Future<List<long[]>>> risultati = new ArrayList<>();
        for (int c = 0; c < client; c++) {
            risultati.add(pool.submit(() -> {
                List<long[]> misure = new ArrayList<>(); // {status, nanoseconds, with a key}
                while (System.nanoTime() < fine) {
                    int i = progressivo.incrementAndGet();
                    HttpRequest.Builder builder = HttpRequest.newBuilder(http.uri("/api/avvisi/" + avviso + "/domande"))
                            .header("Authorization", autorizzazione).header("Content-Type", "application/json")
                            .header("Accept", "application/json");
                    boolean conChiave = chiave.per(i);
                    if (conChiave) {
                        builder.header("Idempotency-Key", "bench-" + i);
                    }
                    HttpRequest richiesta = builder.POST(HttpRequest.BodyPublishers.ofString(domanda(i, offerti))).build();
                    long t = System.nanoTime();
                    HttpResponse<String> risposta = httpClient.send(richiesta, HttpResponse.BodyHandlers.ofString());
                    misure.add(new long[] {risposta.statusCode(), System.nanoTime() - t, conChiave ? 1 : 0});
                }
                return misure;
            }));
        }
        int create = 0;
        Map<Integer, Integer> altre = new TreeMap<>();
        List<long[]> tutte = new ArrayList<>();
        for (Future<List<long[]>> f : risultati) {
            for (long[] m : f.get()) {
                if (m[0] == 201) {
                    create++;
                } else {
                    altre.merge((int) m[0], 1, Integer::sum);
                }
                tutte.add(m);
            }
        }
        double durata = (System.nanoTime() - inizio) / 1e9;
        pool.shutdown();
        return new Esito(create, altre, tutte, durata);
    }

    private static double percentile(long[] ordinate, int p) {
        return Misure.percentile(ordinate, p) / 1e6;
    }

    /** A different, valid household for every i: two adults, sometimes a child, spread ISEE, residence and conditions. */
    static String domanda(int i, long[] offerti) {
        SplittableRandom caso = new SplittableRandom(i);
        int isee = 1_000 + caso.nextInt(15_000);
        int anniLombardia = 5 + caso.nextInt(35);
        String lombardiaDal = (2026 - anniLombardia) + "-03-01";
        String comuneDal = (2026 - caso.nextInt(anniLombardia + 1)) + "-03-01";
        StringBuilder nucleo = new StringBuilder()
                .append(componente(codiceFiscale(i, 0, "80A01"), "1980-01-01", "RICHIEDENTE", caso.nextInt(10) == 0 ? 74 : 0))
                .append(',').append(componente(codiceFiscale(i, 1, "82A41"), "1982-01-01", "CONIUGE", 0));
        if (caso.nextBoolean()) {
            nucleo.append(',').append(componente(codiceFiscale(i, 2, "15A01"), "2015-01-01", "FIGLIO", 0));
        }
        String alloggi = caso.nextBoolean() ? offerti[i % 3] + "" : offerti[i % 3] + "," + offerti[(i + 1) % 3];
        return """
                {"nucleo":[%s],"residenza":{"codiceIstatComune":"012133","residenteLombardiaDal":"%s","residenteComuneDal":"%s"},
                 "isee":{"valore":%d.00,"protocolloDsu":"INPS-ISEE-2026-%08d-00","dataDsu":"2026-02-10"},
                 "patrimonio":5000.00,"titolareAlloggioAdeguato":false,"attestazioneServiziSociali":false,
                 "condizioni":{"sovraffollamento":%s,"coabitazione":%s},"alloggi":[%s]}"""
                .formatted(nucleo, lombardiaDal, comuneDal, isee, i, caso.nextInt(4) == 0, caso.nextInt(6) == 0, alloggi);
    }

    private static String componente(String cf, String nascita, String relazione, int invalidita) {
        return """
                {"codiceFiscale":"%s","nome":"Nome","cognome":"Sintetico","dataNascita":"%s","relazione":"%s","percentualeInvalidita":%d}"""
                .formatted(cf, nascita, relazione, invalidita);
    }

    /** A valid personal codice fiscale, different for every (i, member): six letters from the number, birth date (women +40), Varese, check. */
    static String codiceFiscale(int i, int componente, String nascita) {
        long n = (long) i * 3 + componente;
        StringBuilder lettere = new StringBuilder();
        for (int k = 0; k < 6; k++) {
            lettere.append((char) ('A' + n % 26));
            n /= 26;
        }
        return CodiceFiscale.conControllo(lettere + nascita + "L682");
    }
}
