package it.piattaformacasa.bench;

import static it.piattaformacasa.DemoUtenti.ALER_AVVISO;
import static it.piattaformacasa.DemoUtenti.CAPOFILA;
import static it.piattaformacasa.DemoUtenti.CF_ALER;
import static it.piattaformacasa.DemoUtenti.CF_COMUNE_VARESE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.cluster.ClusterDiProva;
import it.piattaformacasa.cluster.NodoDiProva;

/**
 * The opening-day burst (issue 17): {@code bench.cittadini} (10,000) distinct citizens, each with a household of their
 * own, submit their domanda to an open avviso within a few minutes, injected by Gatling at a constant arrival rate
 * ({@code bench.tasso}, domande/s: an open model, so a slow platform is not politely waited for). Before it, a warm-up
 * of {@code bench.riscaldamento} seconds with other citizens in a closed model ({@code bench.concorrenti} requests in
 * flight: the JIT needs it on this machine, see PresentazioneDomandeBenchmark, and an open model at full rate drowns a
 * cold node), whose last third says what rate the node sustains, then an ANALYZE, as autovacuum would have done on a
 * live database.
 * <p>
 * Checks, not timings: every 201 is a row of that citizen with that id, and no answer is a 5xx. Reports p50/p95/p99
 * and throughput, and, in the same run, the physical floor of this machine: ONE JDBC client writing the same rows a
 * domanda writes (nucleo_familiare, componente, domanda and every row keyed by domanda_id, copied from a domanda of the
 * run), one transaction each, for {@code bench.pavimento} seconds. Figures in target/bench/apertura-avviso-*.txt and on
 * the console; Gatling's HTML report in target/gatling/. Run with
 * {@code ./mvnw -B -Pbench verify -Dtest=AperturaAvvisoBenchmark [-Dbench.tasso=300]}.
 */
@IntegrationTest
class AperturaAvvisoBenchmark {

    /** The floor's copies in this JVM so far: each gets a codice fiscale of its own across the runs of one avviso. */
    private static final java.util.concurrent.atomic.AtomicInteger COPIE_PAVIMENTO = new java.util.concurrent.atomic.AtomicInteger();

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
    @Autowired
    DataSource dataSource;

    @Test
    @DisabledIfSystemProperty(named = "bench.nodi", matches = ".+")
    void diecimilaCittadiniAllApertura() throws Exception {
        ClientHttp http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggiRepository);
        List<Alloggio> aler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 2);
        List<Alloggio> varese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1);
        long[] offerti = {aler.get(0).getId(), aler.get(1).getId(), varese.get(0).getId()};
        long avviso = scenario.aperto(List.of(aler.get(0), aler.get(1), varese.get(0)), List.of(ALER_AVVISO, ALER_AVVISO, CAPOFILA));
        new Misura(List.of("http://localhost:" + port), List.of(), avviso, offerti, jdbc, dataSource,
                "1 nodo (la JVM del test, PostgreSQL incorporato)", "apertura-avviso.txt").esegui(0);
    }

    /**
     * With {@code -Dbench.nodi=2}: the same burst on the two-node harness (ClusterDiProva: a standalone PostgreSQL and
     * two platform JVMs), first through nodo-1 alone, then spread over both nodes' addresses (Gatling's baseUrls, round
     * robin per citizen), in the same run so that the machine's load is comparable. HTTP Basic outside the embedded
     * database is for the technical clients only (issue 14): the operators of the run are declared so.
     */
    @Test
    @EnabledIfSystemProperty(named = "bench.nodi", matches = ".+")
    void diecimilaCittadiniSuPiuNodi() throws Exception {
        int nodi = Integer.getInteger("bench.nodi");
        List<String> opzioni = List.of(System.getProperty("bench.opzioniJvm", "-Xmx1g").split(" "));
        try (ClusterDiProva cluster = ClusterDiProva.avvia(nodi, Map.of("PIATTAFORMA_CLIENT_TECNICI", CAPOFILA + "," + ALER_AVVISO), opzioni)) {
            JdbcTemplate db = cluster.jdbc();
            List<String> indirizzi = cluster.nodi().stream().map(NodoDiProva::indirizzo).toList();
            ClientHttp http = new ClientHttp(cluster.nodo(1).porta());
            // one avviso for every step (the demo has one free alloggio of the Comune di Varese): the later steps
            // find the earlier steps' domande in the tables, which only makes them slightly slower
            long[] offerti = alloggiLiberi(db, 1);
            long avviso = avvisoAperto(http, db, offerti);
            for (int usati = 1; usati <= nodi; usati++) {
                new Misura(indirizzi.subList(0, usati), cluster.nodi().stream().map(NodoDiProva::pid).toList(), avviso, offerti, db,
                        cluster.dataSource(),
                        usati + " di " + nodi + " nodi (JVM separate " + opzioni + ", PostgreSQL autonomo)",
                        "apertura-avviso-" + usati + "-di-" + nodi + "-nodi.txt").esegui(usati * 10_000_000);
            }
        }
    }

    /** Two LIBERO alloggi of ALER and one of the Comune di Varese not yet offered by an earlier avviso of this run. */
    private static long[] alloggiLiberi(JdbcTemplate db, int giro) {
        String sql = "select a.id from alloggio a join ente_proprietario e on e.id = a.ente_id where e.codice_fiscale = ? "
                + "and a.stato = 'LIBERO' and a.ritirato_il is null order by a.id offset ? limit ?";
        List<Long> aler = db.queryForList(sql, Long.class, CF_ALER, (giro - 1) * 2, 2);
        List<Long> varese = db.queryForList(sql, Long.class, CF_COMUNE_VARESE, giro - 1, 1);
        return new long[] {aler.get(0), aler.get(1), varese.get(0)};
    }

    /**
     * An open avviso on the cluster, as ScenarioAvviso makes one in-process: created and given its alloggi through the
     * API, then its two timers (end of selection, apertura) made due now in the engine's table, so that a node's job
     * executor fires them as it would on the day.
     */
    private static long avvisoAperto(ClientHttp http, JdbcTemplate db, long[] offerti) throws InterruptedException {
        ClientHttp.Risposta creato = http.post("/api/avvisi", CAPOFILA, "{\"ambito\":\"VARESE\",\"titolo\":\"Apertura (banco di prova)\","
                + "\"tipo\":\"ORDINARIO\",\"apertura\":\"" + ScenarioAvviso.lavorativo(5, 10) + "\",\"chiusura\":\""
                + ScenarioAvviso.lavorativo(40, 12) + "\"}");
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        long avviso = creato.json().get("id").asLong();
        List<String> operatori = List.of(ALER_AVVISO, ALER_AVVISO, CAPOFILA);
        for (int i = 0; i < offerti.length; i++) {
            ClientHttp.Risposta r = http.post("/api/avvisi/" + avviso + "/alloggi", operatori.get(i), "{\"alloggioId\":" + offerti[i]
                    + ",\"tipologia\":\"ASSEGNABILE_ENTRO_CHIUSURA\",\"tipologiaRiscaldamento\":\"Centralizzato\",\"speseAnnueUtenze\":1200.00}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        for (String timer : List.of(AvvisoBpmn.TIMER_FINE_SELEZIONE, AvvisoBpmn.TIMER_APERTURA)) {
            long attesa = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            int aggiornati = 0;
            while (aggiornati == 0 && System.nanoTime() < attesa) {
                aggiornati = db.update("update act_ru_job set duedate_ = now() - interval '1 second', lock_exp_time_ = null, "
                        + "lock_owner_ = null where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ?) and process_instance_id_ = (select id_ from act_ru_execution "
                        + "where business_key_ = ? and parent_id_ is null)", timer, Long.toString(avviso));
                Thread.sleep(200);
            }
            assertThat(aggiornati).as("timer %s dell'avviso %d", timer, avviso).isEqualTo(1);
        }
        long attesa = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!"APERTO".equals(db.queryForObject("select stato from avviso where id = ?", String.class, avviso))) {
            assertThat(System.nanoTime()).as("avviso %d aperto dai timer", avviso).isLessThan(attesa);
            Thread.sleep(500);
        }
        return avviso;
    }

    private static void scrivi(String nome, String risultato) throws IOException {
        System.out.println(risultato);
        Path file = Path.of("target", "bench", nome);
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);
    }

    /**
     * One warm-up, burst, check and floor against {@code nodi}, which serve {@code avviso} on the database of
     * {@code jdbc}; the figures in target/bench/{@code file}. {@code processiNodi}: the nodes' processes, whose CPU
     * time the burst reports beside PostgreSQL's and this JVM's (Gatling); empty when the node is this JVM.
     */
    private record Misura(List<String> nodi, List<Long> processiNodi, long avviso, long[] offerti, JdbcTemplate jdbc,
                          DataSource dataSource, String dove, String file) {

        /** Citizens {@code base}+1.. for the warm-up, {@code base}+5,000,000.. for the burst: disjoint households. */
        String esegui(int base) throws Exception {
            int cittadini = Integer.getInteger("bench.cittadini", 10_000);
            int riscaldamento = Integer.getInteger("bench.riscaldamento", 90);
            int concorrenti = Integer.getInteger("bench.concorrenti", 8);
            int pavimento = Integer.getInteger("bench.pavimento", 20);
            String autorizzazione = "Basic " + Base64.getEncoder().encodeToString((CAPOFILA + ":demo").getBytes(StandardCharsets.UTF_8));

            String caricoRiscaldamento = Misure.carico();
            double sostenuto = 0;
            if (riscaldamento > 0) {
                List<AperturaAvvisoSimulazione.Risposta> chiuso = AperturaAvvisoBenchmark.esegui(new AperturaAvvisoSimulazione.Parametri(nodi,
                        avviso, offerti, autorizzazione, base + 1, 0, Duration.ofSeconds(riscaldamento), concorrenti), "riscaldamento");
                // the closed model's last third: what the warm node sustains with that many requests in flight
                long ultima = chiuso.stream().mapToLong(AperturaAvvisoSimulazione.Risposta::fine).max().orElse(0);
                long da = ultima - riscaldamento * 1_000_000_000L / 3;
                sostenuto = chiuso.stream().filter(r -> r.stato() == 201 && r.fine() >= da).count() / (riscaldamento / 3.0);
            }
            // the rate asked for, or 80% of what the warm-up sustained: an open model above capacity only measures a queue
            int tasso = Integer.getInteger("bench.tasso", (int) Math.max(10, Math.round(sostenuto * 0.8)));
            jdbc.execute("analyze domanda; analyze domanda_alloggio; analyze nucleo_familiare; analyze componente");
            boolean istruzioni = Istruzioni.azzera(jdbc);
            Map<String, Long> inseritePrima = righeInserite(jdbc);

            String caricoPrima = Misure.carico();
            List<Long> questaJvm = List.of(ProcessHandle.current().pid());
            long[] cpuPrima = {Misure.cpu(processiNodi), Misure.cpuPostgres(jdbc), Misure.cpu(questaJvm)};
            int primo = base + 5_000_000;
            List<AperturaAvvisoSimulazione.Risposta> risposte = AperturaAvvisoBenchmark.esegui(new AperturaAvvisoSimulazione.Parametri(nodi,
                    avviso, offerti, autorizzazione, primo, cittadini, Duration.ofMillis(cittadini * 1000L / tasso), 0), "apertura");
            String caricoDopo = Misure.carico();
            long[] cpuDopo = {Misure.cpu(processiNodi), Misure.cpuPostgres(jdbc), Misure.cpu(questaJvm)};
            // every 201 is that citizen's row with that id; nothing else of the burst is in the database
            Map<String, Long> righe = new HashMap<>();
            jdbc.query("select id, richiedente_cf from domanda where avviso_id = ?", rs -> {
                righe.put(rs.getString(2), rs.getLong(1));
            }, avviso);
            Map<Integer, Integer> stati = new TreeMap<>();
            Map<String, Integer> errori = new TreeMap<>();
            List<String> incoerenze = new ArrayList<>();
            long[] latenze = new long[risposte.size()];
            long inizio = Long.MAX_VALUE;
            long fine = Long.MIN_VALUE;
            int create = 0;
            for (int i = 0; i < risposte.size(); i++) {
                AperturaAvvisoSimulazione.Risposta r = risposte.get(i);
                stati.merge(r.stato(), 1, Integer::sum);
                if (r.errore() != null && errori.size() < 5) {
                    errori.merge(r.stato() + " " + r.errore().substring(0, Math.min(300, r.errore().length())), 1, Integer::sum);
                }
                latenze[i] = r.millisecondi();
                inizio = Math.min(inizio, r.fine() - r.millisecondi() * 1_000_000L);
                fine = Math.max(fine, r.fine());
                String cf = PresentazioneDomandeBenchmark.codiceFiscale(r.cittadino(), 0, "80A01");
                Long riga = righe.get(cf);
                if (r.stato() == 201) {
                    create++;
                    if (riga == null || riga != r.id()) {
                        incoerenze.add("cittadino " + r.cittadino() + ": 201 con id " + r.id() + ", nel database " + riga);
                    }
                } else if (riga != null) {
                    incoerenze.add("cittadino " + r.cittadino() + ": risposta " + r.stato() + " ma domanda " + riga + " nel database");
                }
            }
            java.util.Arrays.sort(latenze);
            double secondi = (fine - inizio) / 1e9;
            Thread.sleep(11_000); // idle backends flush their statistics every 10 s
            Map<String, Long> inseriteDopo = righeInserite(jdbc);
            Map<String, Double> perDomanda = new TreeMap<>();
            for (Map.Entry<String, Long> t : inseriteDopo.entrySet()) {
                long delta = t.getValue() - inseritePrima.getOrDefault(t.getKey(), 0L);
                if (delta > 0 && create > 0) {
                    perDomanda.put(t.getKey(), delta / (double) create);
                }
            }

            String perIstruzione = istruzioni ? Istruzioni.perDomanda(jdbc, create) : "  (pg_stat_statements non caricato: -Dbench.istruzioni=true, sul PostgreSQL autonomo di -Dbench.nodi)\n";
            long modello = risposte.stream().filter(r -> r.stato() == 201).findFirst().orElseThrow().id();
            String caricoPavimento = Misure.carico();
            Pavimento floor = pavimento(jdbc, dataSource, modello, pavimento);

            double piattaforma = create / secondi;
            String cpu = cpuPerDomanda(cpuPrima, cpuDopo, create, secondi, !processiNodi.isEmpty());
            String risultato = String.format(Locale.ROOT, """
                    Apertura di un avviso (Gatling %s, modello aperto): %d cittadini distinti in %.0f s (%d/s), POST /api/avvisi/{id}/domande, HTTP Basic, %s
                      riscaldamento: %d s, modello chiuso con %d richieste in corso, altri cittadini: sostenuti %.1f/s nell'ultimo terzo (carico all'inizio: %s)
                      risposte: %s; 201 senza la sua riga o righe senza 201: %d; 5xx: %d
                      prime risposte diverse da 201: %s
                      throughput: %.1f domande/s (201 / dal primo invio all'ultima risposta, %.1f s)
                      latenza p50 %d ms, p95 %d ms, p99 %d ms, max %d ms
                      tempo di CPU per domanda presentata: %s
                      carico prima: %s
                      carico dopo:  %s
                      righe inserite per domanda: %s
                    PostgreSQL per domanda, istruzione per istruzione (pg_stat_statements, tempo di esecuzione; il resto del suo tempo di CPU è protocollo, commit e processi di servizio):
                    %s\
                    Pavimento del database: 1 client JDBC, una transazione per domanda-equivalente (%s), per %d s
                      %d transazioni, %.1f/s, p50 %.2f ms, p99 %.2f ms (carico: %s)
                    Rapporto piattaforma / pavimento: %.2f
                    Obiettivo dell'issue 17 (≥ 300 domande/s con p99 < 100 ms su un nodo): %s
                    """, io.gatling.commons.util.GatlingVersion$.MODULE$.ThisVersion().fullVersion(), cittadini,
                    cittadini / (double) tasso, tasso, dove, riscaldamento, concorrenti, sostenuto, caricoRiscaldamento, stati, incoerenze.size(),
                    stati.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum(), errori,
                    piattaforma, secondi, Misure.percentile(latenze, 50), Misure.percentile(latenze, 95), Misure.percentile(latenze, 99),
                    latenze.length == 0 ? 0 : latenze[latenze.length - 1], cpu, caricoPrima, caricoDopo, perDomanda,
                    perIstruzione, floor.descrizione(), pavimento, floor.transazioni(), floor.alSecondo(), floor.p50(), floor.p99(), caricoPavimento,
                    piattaforma / floor.alSecondo(), piattaforma >= 300 && Misure.percentile(latenze, 99) < 100 ? "raggiunto" : "non raggiunto");
            // the figures first: a failed check must not lose them
            scrivi(file, risultato);
            assertThat(incoerenze).as("ogni 201 è la riga del suo cittadino").isEmpty();
            assertThat(stati.keySet()).as("nessun 5xx né risposta mancante").allMatch(s -> s > 0 && s < 500);
            assertThat(risposte).hasSize(cittadini);
            return risultato;
        }
    }

    /**
     * Where PostgreSQL's time goes, statement by statement, with pg_stat_statements (loaded by {@link ClusterDiProva}'s
     * server with {@code -Dbench.istruzioni=true}): the burst's statements run at least once every ten domande, their
     * executions and time per domanda.
     */
    private static final class Istruzioni {

        /** Zeroes the counters after the warm-up; false when the server has not loaded the module (the embedded one). */
        static boolean azzera(JdbcTemplate jdbc) {
            try {
                jdbc.execute("create extension if not exists pg_stat_statements");
                jdbc.queryForList("select pg_stat_statements_reset()");
                return true;
            } catch (org.springframework.dao.DataAccessException e) {
                return false;
            }
        }

        static String perDomanda(JdbcTemplate jdbc, int create) {
            if (create == 0) {
                return "";
            }
            StringBuilder righe = new StringBuilder();
            double[] totali = new double[2];
            jdbc.query("""
                    select calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g')
                      from pg_stat_statements where calls >= ? order by total_exec_time desc""", rs -> {
                double volte = rs.getLong(1) / (double) create;
                double ms = rs.getDouble(2) / create;
                totali[0] += volte;
                totali[1] += ms;
                String testo = rs.getString(3);
                righe.append(String.format(Locale.ROOT, "  %5.2f volte %7.1f µs  %s%n", volte, ms * 1000,
                        testo.substring(0, Math.min(110, testo.length()))));
            }, create / 10);
            return String.format(Locale.ROOT, "  in tutto: %.2f istruzioni per domanda, %.0f µs%n", totali[0], totali[1] * 1000) + righe;
        }
    }

    /**
     * Where the burst's CPU went, per domanda created: the nodes, PostgreSQL, this JVM (Gatling, and the node itself
     * when it runs here), and how many of the machine's cores they kept busy together. Read from Gatling's start to its
     * report, so the cores are slightly overstated against the burst's own seconds.
     */
    private static String cpuPerDomanda(long[] prima, long[] dopo, int create, double secondi, boolean nodiSeparati) {
        if (create == 0 || java.util.stream.IntStream.range(0, 3).anyMatch(i -> prima[i] < 0 || dopo[i] < 0)) {
            return "non misurabile qui";
        }
        double nodi = (dopo[0] - prima[0]) / (double) create;
        double postgres = (dopo[1] - prima[1]) / (double) create;
        double test = (dopo[2] - prima[2]) / (double) create;
        double core = (dopo[0] - prima[0] + dopo[1] - prima[1] + dopo[2] - prima[2]) / 1000.0 / secondi;
        return nodiSeparati
                ? String.format(Locale.ROOT, "nodi %.2f ms + PostgreSQL %.2f ms + Gatling %.2f ms = %.2f ms; %.2f core occupati di %d",
                        nodi, postgres, test, nodi + postgres + test, core, Runtime.getRuntime().availableProcessors())
                : String.format(Locale.ROOT, "nodo e Gatling %.2f ms + PostgreSQL %.2f ms = %.2f ms; %.2f core occupati di %d",
                        test, postgres, test + postgres, core, Runtime.getRuntime().availableProcessors());
    }

    private static List<AperturaAvvisoSimulazione.Risposta> esegui(AperturaAvvisoSimulazione.Parametri parametri, String nome) {
        AperturaAvvisoSimulazione.parametri = parametri;
        AperturaAvvisoSimulazione.risposte.clear();
        int esito = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "--simulation", AperturaAvvisoSimulazione.class.getName(),
                "--results-folder", Path.of("target", "gatling").toAbsolutePath().toString(),
                "--run-description", nome + ": " + parametri.cittadini() + " cittadini in " + parametri.durata().toSeconds() + " s"});
        assertThat(esito).as("Gatling " + nome).isZero();
        return new ArrayList<>(AperturaAvvisoSimulazione.risposte);
    }

    /** Rows ever inserted into each table of the platform's schema (PostgreSQL's cumulative statistics). */
    private static Map<String, Long> righeInserite(JdbcTemplate jdbc) {
        Map<String, Long> righe = new HashMap<>();
        jdbc.query("select relname, n_tup_ins from pg_stat_user_tables", rs -> {
            righe.put(rs.getString(1), rs.getLong(2));
        });
        return righe;
    }

    private record Pavimento(String descrizione, int transazioni, double alSecondo, double p50, double p99) {
    }

    /**
     * The database's own single-client rate for the rows of one domanda: copies of the rows domanda {@code modello}
     * wrote (its nucleo_familiare, its componenti, the domanda with another richiedente, and the rows of every table
     * with a domanda_id column that point at it), re-keyed through the identity columns, inserted over one connection
     * with prepared statements and committed, one transaction per copy, as fast as one client can.
     */
    private static Pavimento pavimento(JdbcTemplate jdbc, DataSource dataSource, long modello, int secondi) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long nucleo = jdbc.queryForObject("select nucleo_id from domanda where id = ?", Long.class, modello);
        Map<String, List<ObjectNode>> righe = new LinkedHashMap<>();
        righe.put("nucleo_familiare", righe(jdbc, "nucleo_familiare", "id", nucleo, json));
        righe.put("componente", righe(jdbc, "componente", "nucleo_id", nucleo, json));
        righe.put("domanda", righe(jdbc, "domanda", "id", modello, json));
        for (String tabella : jdbc.queryForList("select table_name from information_schema.columns where table_schema = current_schema() "
                + "and column_name = 'domanda_id' and table_name in (select table_name from information_schema.tables "
                + "where table_type = 'BASE TABLE') order by table_name", String.class)) {
            List<ObjectNode> figlie = righe(jdbc, tabella, "domanda_id", modello, json);
            if (!figlie.isEmpty()) {
                righe.put(tabella, figlie);
            }
        }
        StringBuilder descrizione = new StringBuilder();
        righe.forEach((t, r) -> descrizione.append(descrizione.isEmpty() ? "" : " + ").append(r.size()).append(' ').append(t));
        List<Long> durate = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Map<String, PreparedStatement> inserimenti = new HashMap<>();
            for (String tabella : righe.keySet()) {
                List<String> colonne = jdbc.queryForList("select column_name from information_schema.columns where table_schema = "
                        + "current_schema() and table_name = ? and is_identity = 'NO' and is_generated = 'NEVER' "
                        // ids the database draws: identity columns and those defaulting to a sequence (componente, V62)
                        + "and coalesce(column_default, '') not like 'nextval(%' order by ordinal_position",
                        String.class, tabella);
                String elenco = String.join(", ", colonne);
                boolean conId = righe.get(tabella).get(0).has("id");
                inserimenti.put(tabella, c.prepareStatement("insert into " + tabella + " (" + elenco + ") select " + elenco
                        + " from jsonb_populate_record(null::" + tabella + ", ?::jsonb)" + (conId ? " returning id" : "")));
            }
            long fine = System.nanoTime() + secondi * 1_000_000_000L;
            // numbered on from the previous floor of this JVM (the two-node run measures it twice on one avviso), born on
            // a day no citizen of the burst is born on, so no copy takes a citizen's codice fiscale
            int copia = COPIE_PAVIMENTO.get();
            while (System.nanoTime() < fine) {
                long t = System.nanoTime();
                copia++;
                COPIE_PAVIMENTO.set(copia);
                long nuovoNucleo = inserisci(inserimenti.get("nucleo_familiare"), righe.get("nucleo_familiare").get(0));
                for (ObjectNode componente : righe.get("componente")) {
                    inserisci(inserimenti.get("componente"), componente.deepCopy().put("nucleo_id", nuovoNucleo));
                }
                long nuovaDomanda = inserisci(inserimenti.get("domanda"), righe.get("domanda").get(0).deepCopy()
                        .put("nucleo_id", nuovoNucleo).put("richiedente_cf", PresentazioneDomandeBenchmark.codiceFiscale(20_000_000 + copia, 0, "70C03")));
                for (Map.Entry<String, List<ObjectNode>> figlie : righe.entrySet()) {
                    if (List.of("nucleo_familiare", "componente", "domanda").contains(figlie.getKey())) {
                        continue;
                    }
                    for (ObjectNode figlia : figlie.getValue()) {
                        inserisci(inserimenti.get(figlie.getKey()), figlia.deepCopy().put("domanda_id", nuovaDomanda));
                    }
                }
                c.commit();
                durate.add(System.nanoTime() - t);
            }
            c.setAutoCommit(true);
        }
        long totale = durate.stream().mapToLong(Long::longValue).sum();
        long[] ordinate = durate.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Pavimento(descrizione.toString(), ordinate.length, ordinate.length / (totale / 1e9),
                Misure.percentile(ordinate, 50) / 1e6, Misure.percentile(ordinate, 99) / 1e6);
    }

    private static List<ObjectNode> righe(JdbcTemplate jdbc, String tabella, String colonna, long valore, ObjectMapper json) {
        return jdbc.queryForList("select to_jsonb(t)::text from " + tabella + " t where " + colonna + " = ?", String.class, valore)
                .stream().map(testo -> {
                    try {
                        return (ObjectNode) json.readTree(testo);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private static long inserisci(PreparedStatement inserimento, ObjectNode riga) throws Exception {
        inserimento.setString(1, riga.toString());
        if (inserimento.execute()) {
            try (ResultSet rs = inserimento.getResultSet()) {
                rs.next();
                return rs.getLong(1);
            }
        }
        return -1;
    }
}
