package it.piattaformacasa.integrita;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Issue 9, «no 5xx on bad input»: every line of {@code corpus-ostile.txt} is a request that must fail. Each one starts
 * from a valid request of its kind (a «bersaglio»: domanda, avviso, alloggio in avviso, rettifica, istruttoria, verifica,
 * contratto, riserve, regole…) and breaks it in one way. For each: the expected 4xx, never a 5xx; for a 400 the field
 * in {@code errori} with an Italian reason; no SQL, class name or stack trace in the body; and the row count of every
 * table Flyway owns unchanged (nothing half-written).
 *
 * <p>Format of a line: {@code bersaglio | modifiche | stato | campo}. Modifiche, joined by {@code &&}:
 * {@code /json/pointer = <json>} sets a value ({@code /lista/-} appends), {@code /json/pointer -} removes it,
 * {@code corpo = <testo>} replaces the whole body, {@code url = <percorso>}, {@code utente = <nome>},
 * {@code metodo = <GET|POST|PUT|DELETE>}, {@code header <Nome> = <valore>}, {@code xml <da> => <a>} edits the DMN of
 * the «regola» bersaglio, {@code nessuna} sends it unchanged. Placeholders: {@code ${nome}} (ids made in the set-up,
 * see {@link #valori}), {@code ${lungo:N}} (N letters), {@code ${car:XXXX}} (the character with that hex code),
 * {@code ${giorni:N}} (today plus N days), {@code ${vuoto}} (nothing).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusOstileTest {

    /**
     * The test's own JSON: numbers as written in the corpus (1e-400 is not 0.0, 74.0 is not 74) and every character
     * that is not printable ASCII sent as a JSON escape (backslash, u, four hex digits), so a lone surrogate reaches the
     * server as such.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();
    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final String FILE = "corpus-ostile.txt";

    /** What must never reach a client: SQL, Java class names, stack traces. */
    private static final Pattern FUGA = Pattern.compile("(?i)(exception|\\bjava\\.|\\borg\\.[a-z]|\\bcom\\.fasterxml|"
            + "it\\.piattaformacasa\\.|\\bsql|\\bselect\\s|\\binsert\\s+into|\\bupdate\\s+\\w+\\s+set|violates|"
            + "\\bERROR:|\\bat\\s+[a-z]+\\.[a-z]+\\.|\\bconstraint\\b|hibernate|jdbc|postgres)");
    /** An English reason where an Italian one is due (Bean Validation and Jackson defaults are English). */
    private static final Pattern INGLESE = Pattern.compile("(?i)\\b(must|should|cannot|invalid|required|value|field|"
            + "the|is|not|null|size|between)\\b");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggiRepository;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    GraduatoriaService graduatorieService;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    final Map<String, String> valori = new LinkedHashMap<>();
    final Map<String, Bersaglio> bersagli = new LinkedHashMap<>();
    List<String> tabelle;

    /** A valid request of one kind: the corpus breaks it one way per line. */
    record Bersaglio(String metodo, String utente, String url, String corpo, String tipo) {
    }

    record Caso(int riga, String testo, String bersaglio, List<String> modifiche, int stato, String campo) {
        @Override
        public String toString() {
            return "riga " + riga + ": " + testo;
        }
    }

    @BeforeAll
    void scenario() throws IOException {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggiRepository);
        List<Alloggio> aler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 3);
        Alloggio varese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        Alloggio malnate = scenario.alloggiDi(CF_COMUNE_MALNATE, StatoAlloggio.LIBERO, 1).get(0);
        long enteAler = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_ALER);
        long enteVarese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class,
                CF_COMUNE_VARESE);
        long enteMalnate = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class,
                CF_COMUNE_MALNATE);

        // an avviso whose graduatorie exist: ALER's provisional one published today (rettifiche open), the Comune's
        // definitive, with an istruttoria in progress and an assignment waiting for its contratto
        long chiuso = scenario.aperto(List.of(aler.get(0), varese), List.of(ALER_AVVISO, CAPOFILA));
        long domandaA = presenta(chiuso, "RTOMRC80A15L682D", aler.get(0).getId() + "," + varese.getId());
        long domandaB = presenta(chiuso, "BRMLCU85D12L682R", Long.toString(varese.getId()));
        long domandaC = presenta(chiuso, "GRCLSE95R50L682N", Long.toString(varese.getId()));
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, aggiornato_il, aggiornato_da)
                select ?, c.id, ?, 10, now(), 'test' from comune c where c.codice_istat = '012133'
                on conflict (ente_id, comune_id, anno) do nothing""", enteVarese, LocalDate.now(ROMA).getYear());
        scenario.eseguiTimer(chiuso, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(chiuso, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        // Varese's is published 20 days ago (its window over): generated before that, as the date rules require
        ScenarioAvviso.generateGiorniFa(jdbc, chiuso, 21);
        long provvisoriaAler = 0;
        long definitivaVarese = 0;
        for (Graduatoria g : graduatorie.findByAvvisoIdOrderById(chiuso)) {
            boolean diAler = g.getEnte().getId() == enteAler;
            LocalDate pubblicata = diAler ? LocalDate.now(ROMA) : LocalDate.now(ROMA).minusDays(20);
            graduatorieService.approva(g.getId(), "PROV-" + g.getId(), pubblicata, Graduatoria.Pubblicazione.SITO_ENTE,
                    pubblicata, "test");
            if (diAler) {
                provvisoriaAler = g.getId();
            } else {
                graduatorieService.rendiDefinitiva(g.getId(), "test");
                definitivaVarese = g.getId();
            }
        }
        ClientHttp.Risposta inCorso = http.post("/api/graduatorie/" + definitivaVarese + "/istruttorie", VARESE_ISTRUTTORIA,
                "{\"domandaId\":" + domandaB + "}");
        assertThat(inCorso.status()).as(inCorso.body()).isEqualTo(201);
        ClientHttp.Risposta daAssegnare = http.post("/api/graduatorie/" + definitivaVarese + "/istruttorie",
                VARESE_ISTRUTTORIA, "{\"domandaId\":" + domandaC + "}");
        assertThat(daAssegnare.status()).as(daAssegnare.body()).isEqualTo(201);
        ClientHttp.Risposta assegnata = http.post("/api/istruttorie/" + daAssegnare.json().get("id").asLong() + "/verifica",
                VARESE_ISTRUTTORIA, "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":" + varese.getId()
                        + ",\"motivoFuoriOrdine\":\"corpus di prova\"}");
        assertThat(assegnata.status()).as(assegnata.body()).isEqualTo(200);
        long assegnazione = jdbc.queryForObject("select id from assegnazione where domanda_id = ?", Long.class, domandaC);

        // an avviso open to domande, with one domanda already there; an avviso in selezione alloggi
        long aperto = scenario.aperto(List.of(aler.get(0), aler.get(1), varese), List.of(ALER_AVVISO, ALER_AVVISO, CAPOFILA));
        long esistente = presenta(aperto, "RTOMRC80A15L682D", Long.toString(aler.get(0).getId()));
        long selezione = scenario.predisposto();

        valori.putAll(Map.ofEntries(
                Map.entry("avvisoAperto", Long.toString(aperto)),
                Map.entry("avvisoChiuso", Long.toString(chiuso)),
                Map.entry("avvisoInSelezione", Long.toString(selezione)),
                Map.entry("alloggioAler1", aler.get(0).getId().toString()),
                Map.entry("alloggioAler2", aler.get(1).getId().toString()),
                Map.entry("alloggioAlerNonOfferto", aler.get(2).getId().toString()),
                Map.entry("alloggioVarese", varese.getId().toString()),
                Map.entry("alloggioMalnate", malnate.getId().toString()),
                Map.entry("enteAler", Long.toString(enteAler)),
                Map.entry("enteVarese", Long.toString(enteVarese)),
                Map.entry("enteMalnate", Long.toString(enteMalnate)),
                Map.entry("graduatoriaProvvisoria", Long.toString(provvisoriaAler)),
                Map.entry("graduatoriaDefinitiva", Long.toString(definitivaVarese)),
                Map.entry("domandaA", Long.toString(domandaA)),
                Map.entry("domandaB", Long.toString(domandaB)),
                Map.entry("domandaC", Long.toString(domandaC)),
                Map.entry("domandaEsistente", Long.toString(esistente)),
                Map.entry("istruttoria", inCorso.json().get("id").asText()),
                Map.entry("assegnazione", Long.toString(assegnazione)),
                Map.entry("anno", Integer.toString(LocalDate.now(ROMA).getYear()))));

        bersagli.put("domanda", new Bersaglio("POST", CAPOFILA, "/api/avvisi/${avvisoAperto}/domande", """
                {"nucleo":[
                   {"codiceFiscale":"BRMLCU85D12L682R","nome":"Luca","cognome":"Brambilla","dataNascita":"1985-04-12",
                    "relazione":"RICHIEDENTE","percentualeInvalidita":0},
                   {"codiceFiscale":"MNTSRA88P43L682V","nome":"Sara","cognome":"Monti","dataNascita":"1988-09-03",
                    "relazione":"CONIUGE","percentualeInvalidita":74},
                   {"codiceFiscale":"BRMGRG16E20L682I","nome":"Giorgio","cognome":"Brambilla","dataNascita":"2016-05-20",
                    "relazione":"FIGLIO","percentualeInvalidita":0}],
                 "residenza":{"codiceIstatComune":"012133","residenteLombardiaDal":"2005-03-01","residenteComuneDal":"2012-06-15"},
                 
                 "isee":{"valore":5200.00,"protocolloDsu":"INPS-ISEE-2026-00012345A-00","dataDsu":"2026-02-10"},
                 "patrimonio":12000.00,"titolareAlloggioAdeguato":false,"attestazioneServiziSociali":false,
                 "condizioni":{"sovraffollamento":true},"alloggi":[${alloggioVarese},${alloggioAler1}]}""", "json"));
        bersagli.put("avviso", new Bersaglio("POST", CAPOFILA, "/api/avvisi", "{\"ambito\":\"VARESE\",\"titolo\":\"Avviso del "
                + "corpus\",\"tipo\":\"ORDINARIO\",\"apertura\":\"" + ScenarioAvviso.lavorativo(5, 10) + "\",\"chiusura\":\""
                + ScenarioAvviso.lavorativo(40, 12) + "\"}", "json"));
        bersagli.put("alloggio", new Bersaglio("POST", ALER_AVVISO, "/api/avvisi/${avvisoInSelezione}/alloggi", """
                {"alloggioId":${alloggioAler1},"tipologia":"IMMEDIATAMENTE_ASSEGNABILE",
                 "tipologiaRiscaldamento":"Centralizzato a metano","speseAnnueUtenze":1450.00}""", "json"));
        bersagli.put("rettifica", new Bersaglio("POST", ALER_AVVISO, "/api/graduatorie/${graduatoriaProvvisoria}/rettifiche", """
                {"domandaId":${domandaA},"codiceFiscaleComponente":"RTOMRC80A15L682D","percentualeInvalidita":80,
                 "indennitaAccompagnamento":false,"handicapGrave":false}""", "json"));
        bersagli.put("istruttoria", new Bersaglio("POST", VARESE_ISTRUTTORIA,
                "/api/graduatorie/${graduatoriaDefinitiva}/istruttorie", "{\"domandaId\":${domandaA}}", "json"));
        bersagli.put("verifica", new Bersaglio("POST", VARESE_ISTRUTTORIA, "/api/istruttorie/${istruttoria}/verifica",
                "{\"esito\":\"NON_AMMISSIBILE\",\"note\":\"Documentazione incompleta\"}", "json"));
        bersagli.put("contratto", new Bersaglio("POST", VARESE_ISTRUTTORIA, "/api/assegnazioni/${assegnazione}/contratto", """
                {"esito":"FIRMATO","numero":"VA-2027-0001","firmatoIl":"${giorni:0}","decorrenza":"${giorni:1}",
                 "canoneMensile":250.00,"registrazione":"Agenzia delle Entrate di Varese, serie 3T n. 1234"}""", "json"));
        bersagli.put("riserve", new Bersaglio("PUT", ALER_AVVISO, "/api/enti/${enteAler}/riserve/${anno}/012133", """
                {"alloggiDisponibili":10,"percentualeCategorie":10,"categorie":["ANZIANI"],
                 "percentualeForzePolizia":5,"percentualePoliziaLocale":5}""", "json"));
        bersagli.put("prefettura", new Bersaglio("POST", ALER_AVVISO, "/api/enti/${enteAler}/lista-prefettura/${anno}", """
                [{"codiceFiscale":"RTOMRC80A15L682D","corpo":"POLIZIA_DI_STATO","protocollo":"PREF-VA-2026-17"}]""", "json"));
        bersagli.put("rivalutazione", new Bersaglio("POST", SUPERVISORE, "/api/avvisi/${avvisoInSelezione}/rivalutazione",
                "{\"versioni\":{\"isbar\":1},\"motivo\":\"Sentenza del TAR\"}", "json"));
        bersagli.put("casi", new Bersaglio("POST", ANALISTA, "/api/regole/isbar/versioni/1/casi", """
                [{"descrizione":"Caso del corpus","input":{"anniResidenzaLombardia":20},"atteso":{"ISBAR":6.5}}]""", "json"));
        bersagli.put("approvazione", new Bersaglio("POST", ANALISTA_REVISORE, "/api/regole/isbar/versioni/1/approvazione",
                "{\"esito\":\"APPROVATA\",\"nota\":\"Confrontato con il BURL\"}", "json"));
        bersagli.put("simulazione", new Bersaglio("POST", ANALISTA, "/api/avvisi/${avvisoAperto}/simulazione",
                "{\"nome\":\"isbar\",\"versione\":1,\"limite\":10}", "json"));
        // the DMN of isbar version 1 exactly as the platform serves it: re-uploading it unchanged must be refused (409)
        bersagli.put("regola", new Bersaglio("POST", ANALISTA,
                "/api/regole/isbar?motivo=Prova%20del%20corpus&validoDal=2030-01-01",
                http.get("/api/regole/isbar/versioni/1", ANALISTA).body(), "xml"));
        bersagli.put("lettura", new Bersaglio("GET", CAPOFILA, "/api/avvisi?ambito=VARESE", null, "json"));
        // seed 004: an administrator gives the Como reader its own scope again (unchanged: the lines break it)
        bersagli.put("solaLettura", new Bersaglio("PUT", ADMIN, "/api/operatori/" + LETTORE_COMO + "/lettura",
                "{\"ruolo\":\"LETTORE_PROVINCIALE\",\"provincia\":\"CO\"}", "json"));

        tabelle = jdbc.queryForList("""
                select table_name from information_schema.tables
                 where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'act\\_%'
                 order by table_name""", String.class);
        assertThat(tabelle).as("the domain tables Flyway owns").contains("domanda", "avviso", "regola_versione", "contratto");
    }

    private long presenta(long avviso, String cf, String alloggi) {
        String body = "{\"nucleo\":[{\"codiceFiscale\":\"" + cf + "\",\"nome\":\"N\",\"cognome\":\"C\",\"dataNascita\":\"19"
                + cf.substring(6, 8) + "-01-01\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}],"
                + "\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"2000-01-01\","
                + "\"residenteComuneDal\":\"2005-01-01\"},\"isee\":{\"valore\":8000,"
                + "\"protocolloDsu\":\"INPS-CORPUS-" + cf + "\",\"dataDsu\":\"2026-01-20\"},\"patrimonio\":0,"
                + "\"condizioni\":{\"coabitazione\":true},\"alloggi\":[" + alloggi + "]}";
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        return risposta.json().get("id").asLong();
    }

    Stream<Arguments> corpus() throws IOException {
        return casi().stream().map(Arguments::of);
    }

    static List<Caso> casi() throws IOException {
        List<Caso> casi = new ArrayList<>();
        try (InputStream in = CorpusOstileTest.class.getClassLoader().getResourceAsStream(FILE)) {
            assertThat(in).as(FILE).isNotNull();
            String[] righe = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < righe.length; i++) {
                String riga = righe[i].strip();
                if (riga.isEmpty() || riga.startsWith("#")) {
                    continue;
                }
                String[] colonne = riga.split(" \\| ", -1);
                assertThat(colonne).as("riga %d: bersaglio | modifiche | stato | campo", i + 1).hasSize(4);
                casi.add(new Caso(i + 1, riga, colonne[0].strip(), List.of(colonne[1].split(" && ")),
                        Integer.parseInt(colonne[2].strip()), colonne[3].strip()));
            }
        }
        return casi;
    }

    @Test
    void ilCorpusHaAlmenoCentocinquantaRichiesteSuTuttiIBersagli() throws IOException {
        List<Caso> casi = casi();
        assertThat(casi).hasSizeGreaterThanOrEqualTo(150);
        assertThat(casi).extracting(Caso::bersaglio).contains("domanda", "avviso", "alloggio", "rettifica", "istruttoria",
                "verifica", "contratto", "riserve", "regola");
        assertThat(casi).allSatisfy(c -> assertThat(bersagli).containsKey(c.bersaglio()));
        assertThat(casi).allSatisfy(c -> assertThat(c.stato()).isBetween(400, 499));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void unaRichiestaOstileVieneRifiutataConUnErroreChiaroESenzaScrivereNulla(Caso caso) throws IOException {
        Map<String, Long> prima = righe();

        ClientHttp.Risposta risposta = http.invia(richiesta(caso));

        String corpo = risposta.body();
        assertThat(risposta.status()).as("stato per %s: %s", caso, corpo).isEqualTo(caso.stato());
        assertThat(corpo).as("nessun dettaglio tecnico nel corpo").doesNotContainPattern(FUGA);
        if (caso.stato() == 400) {
            JsonNode errori = risposta.json().path("errori");
            assertThat(errori.isArray() && !errori.isEmpty()).as("errori con il campo: %s", corpo).isTrue();
            assertThat(errori.findValuesAsText("campo")).as(corpo).contains(caso.campo());
            for (JsonNode errore : errori) {
                assertThat(errore.path("messaggio").asText()).as("motivo: %s", corpo).isNotBlank();
                if (!caso.bersaglio().equals("regola")) {
                    // a DMN upload's errors give file, line and decision in Italian, then KIE's own diagnostic as it is
                    assertThat(errore.path("messaggio").asText()).as("motivo in italiano: %s", corpo).doesNotContainPattern(INGLESE);
                }
            }
        }
        assertThat(righe()).as("nessuna riga scritta o cancellata da %s", caso).isEqualTo(prima);
    }

    private Map<String, Long> righe() {
        Map<String, Long> conteggi = new LinkedHashMap<>();
        String query = String.join(" union all ", tabelle.stream()
                .map(t -> "select '" + t + "' as tabella, count(*) as righe from " + t).toList());
        jdbc.query(query, rs -> {
            conteggi.put(rs.getString(1), rs.getLong(2));
        });
        return conteggi;
    }

    private HttpRequest richiesta(Caso caso) throws IOException {
        Bersaglio base = bersagli.get(caso.bersaglio());
        String metodo = base.metodo();
        String utente = base.utente();
        String url = base.url();
        String corpo = base.corpo() == null ? null : espandi(base.corpo());
        JsonNode json = corpo != null && base.tipo().equals("json") ? JSON.readTree(corpo) : null;
        Map<String, String> intestazioni = new LinkedHashMap<>();
        for (String modifica : caso.modifiche()) {
            String m = modifica.strip();
            if (m.equals("nessuna")) {
                continue;
            } else if (m.startsWith("url = ")) {
                url = m.substring(6);
            } else if (m.startsWith("utente = ")) {
                utente = m.substring(9);
            } else if (m.startsWith("metodo = ")) {
                metodo = m.substring(9);
            } else if (m.startsWith("corpo = ")) {
                corpo = espandi(m.substring(8));
                json = null;
            } else if (m.startsWith("header ")) {
                String[] h = m.substring(7).split(" = ", 2);
                intestazioni.put(h[0], espandi(h[1]));
            } else if (m.startsWith("xml ")) {
                String[] sostituzione = m.substring(4).split(" => ", 2);
                String da = espandi(sostituzione[0]);
                assertThat(corpo).as("il DMN contiene %s", da).contains(da);
                corpo = corpo.replaceFirst(Pattern.quote(da), Matcher.quoteReplacement(espandi(sostituzione[1])));
            } else if (m.startsWith("/") && m.endsWith(" -")) {
                rimuovi(json, m.substring(0, m.length() - 2));
            } else if (m.startsWith("/") && m.contains(" = ")) {
                String[] assegnazione = m.split(" = ", 2);
                imposta(json, assegnazione[0], JSON.readTree(espandi(assegnazione[1])));
            } else {
                throw new IllegalArgumentException("modifica sconosciuta: " + m);
            }
        }
        String testo = json != null ? JSON.writeValueAsString(json) : corpo;
        HttpRequest.Builder builder = http.richiesta(espandi(url), utente)
                .header("Content-Type", base.tipo().equals("xml") ? "application/xml" : "application/json");
        intestazioni.forEach(builder::setHeader);
        return builder.method(metodo, testo == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(testo, StandardCharsets.UTF_8)).build();
    }

    private static void imposta(JsonNode radice, String percorso, JsonNode valore) {
        JsonPointer puntatore = JsonPointer.compile(percorso);
        JsonNode padre = radice.at(puntatore.head());
        String ultimo = puntatore.last().getMatchingProperty();
        if (padre instanceof ArrayNode lista) {
            if (ultimo.equals("-")) {
                lista.add(valore);
            } else {
                lista.set(Integer.parseInt(ultimo), valore);
            }
        } else {
            assertThat(padre).as("%s nel corpo", percorso).isInstanceOf(ObjectNode.class);
            ((ObjectNode) padre).set(ultimo, valore);
        }
    }

    private static void rimuovi(JsonNode radice, String percorso) {
        JsonPointer puntatore = JsonPointer.compile(percorso);
        JsonNode padre = radice.at(puntatore.head());
        if (padre instanceof ArrayNode lista) {
            lista.remove(Integer.parseInt(puntatore.last().getMatchingProperty()));
        } else {
            ((ObjectNode) padre).remove(puntatore.last().getMatchingProperty());
        }
    }

    private static final Pattern SEGNAPOSTO = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9]*)(?::([0-9A-Fa-f-]+))?}");

    private String espandi(String testo) {
        Matcher m = SEGNAPOSTO.matcher(testo);
        StringBuilder risultato = new StringBuilder();
        while (m.find()) {
            String sostituto = switch (m.group(1)) {
                case "lungo" -> "x".repeat(Integer.parseInt(m.group(2)));
                case "car" -> new String(Character.toChars(HexFormat.fromHexDigits(m.group(2))));
                case "giorni" -> LocalDate.now(ROMA).plusDays(Long.parseLong(m.group(2))).toString();
                case "vuoto" -> "";
                default -> {
                    assertThat(valori).as("segnaposto ${%s}", m.group(1)).containsKey(m.group(1));
                    yield valori.get(m.group(1));
                }
            };
            m.appendReplacement(risultato, Matcher.quoteReplacement(sostituto));
        }
        return m.appendTail(risultato).toString();
    }
}
