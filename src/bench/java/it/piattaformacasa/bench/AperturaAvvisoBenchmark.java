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
 * run), one transaction each, for {@code bench.pavimento} seconds. Figures in target/bench/apertura-avviso.txt and on
 * the console; Gatling's HTML report in target/gatling/. Run with
 * {@code ./mvnw -B -Pbench verify -Dtest=AperturaAvvisoBenchmark [-Dbench.tasso=300]}.
 */
@IntegrationTest
class AperturaAvvisoBenchmark {

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
    void diecimilaCittadiniAllApertura() throws Exception {
        int cittadini = Integer.getInteger("bench.cittadini", 10_000);
        int tasso = Integer.getInteger("bench.tasso", 300);
        int riscaldamento = Integer.getInteger("bench.riscaldamento", 90);
        int concorrenti = Integer.getInteger("bench.concorrenti", 8);
        int pavimento = Integer.getInteger("bench.pavimento", 20);
        ClientHttp http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggiRepository);
        List<Alloggio> aler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 2);
        List<Alloggio> varese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1);
        long[] offerti = {aler.get(0).getId(), aler.get(1).getId(), varese.get(0).getId()};
        long avviso = scenario.aperto(List.of(aler.get(0), aler.get(1), varese.get(0)), List.of(ALER_AVVISO, ALER_AVVISO, CAPOFILA));
        String autorizzazione = "Basic " + Base64.getEncoder().encodeToString((CAPOFILA + ":demo").getBytes(StandardCharsets.UTF_8));
        List<String> nodi = List.of("http://localhost:" + port);

        // citizens 1.. for the warm-up, 5,000,000.. for the burst: two disjoint sets of households
        String caricoRiscaldamento = carico();
        double sostenuto = 0;
        if (riscaldamento > 0) {
            List<AperturaAvvisoSimulazione.Risposta> chiuso = esegui(new AperturaAvvisoSimulazione.Parametri(nodi, avviso, offerti,
                    autorizzazione, 1, 0, Duration.ofSeconds(riscaldamento), concorrenti), "riscaldamento");
            // the closed model's last third: what the warm node sustains with that many requests in flight
            long finePrima = chiuso.stream().mapToLong(AperturaAvvisoSimulazione.Risposta::fine).max().orElse(0);
            long da = finePrima - riscaldamento * 1_000_000_000L / 3;
            sostenuto = chiuso.stream().filter(r -> r.stato() == 201 && r.fine() >= da).count() / (riscaldamento / 3.0);
        }
        jdbc.execute("analyze domanda; analyze domanda_alloggio; analyze nucleo_familiare; analyze componente");
        Map<String, Long> inseritePrima = righeInserite();

        String caricoPrima = carico();
        int primo = 5_000_000;
        List<AperturaAvvisoSimulazione.Risposta> risposte = esegui(new AperturaAvvisoSimulazione.Parametri(nodi, avviso, offerti,
                autorizzazione, primo, cittadini, Duration.ofMillis(cittadini * 1000L / tasso), 0), "apertura");
        String caricoDopo = carico();

        // every 201 is that citizen's row with that id; nothing else of the burst is in the database
        Map<String, Long> righe = new HashMap<>();
        jdbc.query("select id, richiedente_cf from domanda where avviso_id = ?", rs -> {
            righe.put(rs.getString(2), rs.getLong(1));
        }, avviso);
        Map<Integer, Integer> stati = new TreeMap<>();
        List<String> incoerenze = new ArrayList<>();
        long[] latenze = new long[risposte.size()];
        long inizio = Long.MAX_VALUE;
        long fine = Long.MIN_VALUE;
        int create = 0;
        for (int i = 0; i < risposte.size(); i++) {
            AperturaAvvisoSimulazione.Risposta r = risposte.get(i);
            stati.merge(r.stato(), 1, Integer::sum);
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
        Map<String, Long> inseriteDopo = righeInserite();
        Map<String, Double> perDomanda = new TreeMap<>();
        for (Map.Entry<String, Long> t : inseriteDopo.entrySet()) {
            long delta = t.getValue() - inseritePrima.getOrDefault(t.getKey(), 0L);
            if (delta > 0 && create > 0) {
                perDomanda.put(t.getKey(), delta / (double) create);
            }
        }

        long modello = risposte.stream().filter(r -> r.stato() == 201).findFirst().orElseThrow().id();
        String caricoPavimento = carico();
        Pavimento floor = pavimento(modello, pavimento);

        double piattaforma = create / secondi;
        String risultato = String.format(Locale.ROOT, """
                Apertura di un avviso (Gatling %s, modello aperto): %d cittadini distinti in %.0f s (%d/s), POST /api/avvisi/{id}/domande, HTTP Basic, 1 nodo
                  riscaldamento: %d s, modello chiuso con %d richieste in corso, altri cittadini: sostenuti %.1f/s nell'ultimo terzo (carico all'inizio: %s)
                  risposte: %s; 201 senza la sua riga o righe senza 201: %d; 5xx: %d
                  throughput: %.1f domande/s (201 / dal primo invio all'ultima risposta, %.1f s)
                  latenza p50 %d ms, p95 %d ms, p99 %d ms, max %d ms
                  carico prima: %s
                  carico dopo:  %s
                  righe inserite per domanda: %s
                Pavimento del database: 1 client JDBC, una transazione per domanda-equivalente (%s), per %d s
                  %d transazioni, %.1f/s, p50 %.2f ms, p99 %.2f ms (carico: %s)
                Rapporto piattaforma / pavimento: %.2f
                """, io.gatling.commons.util.GatlingVersion$.MODULE$.ThisVersion().fullVersion(), cittadini,
                cittadini / (double) tasso, tasso, riscaldamento, concorrenti, sostenuto, caricoRiscaldamento, stati, incoerenze.size(),
                stati.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum(),
                piattaforma, secondi, percentile(latenze, 50), percentile(latenze, 95), percentile(latenze, 99),
                latenze.length == 0 ? 0 : latenze[latenze.length - 1], caricoPrima, caricoDopo, perDomanda,
                floor.descrizione(), pavimento, floor.transazioni(), floor.alSecondo(), floor.p50(), floor.p99(), caricoPavimento,
                piattaforma / floor.alSecondo());
        System.out.println(risultato);
        Path file = Path.of("target", "bench", "apertura-avviso.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato);

        assertThat(incoerenze).as("ogni 201 è la riga del suo cittadino").isEmpty();
        assertThat(stati.keySet()).as("nessun 5xx né risposta mancante").allMatch(s -> s > 0 && s < 500);
        assertThat(risposte).hasSize(cittadini);
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
    private Map<String, Long> righeInserite() {
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
    private Pavimento pavimento(long modello, int secondi) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long nucleo = jdbc.queryForObject("select nucleo_id from domanda where id = ?", Long.class, modello);
        Map<String, List<ObjectNode>> righe = new LinkedHashMap<>();
        righe.put("nucleo_familiare", righe("nucleo_familiare", "id", nucleo, json));
        righe.put("componente", righe("componente", "nucleo_id", nucleo, json));
        righe.put("domanda", righe("domanda", "id", modello, json));
        for (String tabella : jdbc.queryForList("select table_name from information_schema.columns where table_schema = current_schema() "
                + "and column_name = 'domanda_id' and table_name in (select table_name from information_schema.tables "
                + "where table_type = 'BASE TABLE') order by table_name", String.class)) {
            List<ObjectNode> figlie = righe(tabella, "domanda_id", modello, json);
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
                        + "current_schema() and table_name = ? and is_identity = 'NO' and is_generated = 'NEVER' order by ordinal_position",
                        String.class, tabella);
                String elenco = String.join(", ", colonne);
                boolean conId = righe.get(tabella).get(0).has("id");
                inserimenti.put(tabella, c.prepareStatement("insert into " + tabella + " (" + elenco + ") select " + elenco
                        + " from jsonb_populate_record(null::" + tabella + ", ?::jsonb)" + (conId ? " returning id" : "")));
            }
            long fine = System.nanoTime() + secondi * 1_000_000_000L;
            int copia = 0;
            while (System.nanoTime() < fine) {
                long t = System.nanoTime();
                copia++;
                long nuovoNucleo = inserisci(inserimenti.get("nucleo_familiare"), righe.get("nucleo_familiare").get(0));
                for (ObjectNode componente : righe.get("componente")) {
                    inserisci(inserimenti.get("componente"), componente.deepCopy().put("nucleo_id", nuovoNucleo));
                }
                long nuovaDomanda = inserisci(inserimenti.get("domanda"), righe.get("domanda").get(0).deepCopy()
                        .put("nucleo_id", nuovoNucleo).put("richiedente_cf", PresentazioneDomandeBenchmark.codiceFiscale(20_000_000 + copia, 0, "80A01")));
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
                ordinate[ordinate.length / 2] / 1e6, ordinate[Math.min(ordinate.length - 1, (int) (ordinate.length * 0.99))] / 1e6);
    }

    private List<ObjectNode> righe(String tabella, String colonna, long valore, ObjectMapper json) {
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

    private static long percentile(long[] ordinate, int p) {
        if (ordinate.length == 0) {
            return 0;
        }
        return ordinate[Math.min(ordinate.length - 1, (int) Math.ceil(p / 100.0 * ordinate.length) - 1)];
    }

    /** This machine's load as {@code uptime} says it: the machine is shared, so every figure carries it. */
    static String carico() {
        try {
            Process uptime = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            return new String(uptime.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "uptime non disponibile: " + e.getMessage();
        }
    }
}
