package it.piattaformacasa.graduatoria.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Issue 12, the run records of an avviso's generations in the console ({@code /avvisi/{id}/generazioni}): supervisors
 * and administrators see each generation with its rules, parameters and digests, and «Riesegui» shows whether the
 * ranking is reproduced from what was recorded, the digests side by side and the first positions that differ; a
 * record kept without its inputs is the service's 409 as a message on the page. The re-run writes nothing. The others
 * are refused as by {@code GET /api/avvisi/{id}/generazioni}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenerazioniPagineTest {

    private static final DateTimeFormatter ROMA = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Rome"));

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    GraduatoriaService graduatorieService;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    long avviso;
    long graduatoria;
    long provvisorie;
    long definitiva;

    /** Two domande on one alloggio of the Comune di Varese, their graduatoria made definitive: two run records. */
    @BeforeAll
    void unAvvisoConLeGraduatorieDefinitive() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("Avviso delle generazioni nella console");
        Alloggio diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        avviso = scenario.aperto(List.of(diVarese), List.of(CAPOFILA));
        presenta("GNRPRM", 2_500, diVarese.getId());
        presenta("GNRSCN", 12_000, diVarese.getId());
        List<Graduatoria> definitive = scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService, jdbc, true);
        assertThat(definitive).hasSize(1);
        graduatoria = definitive.get(0).getId();
        provvisorie = jdbc.queryForObject("select id from generazione_graduatorie where avviso_id = ? and tipo = 'PROVVISORIE'",
                Long.class, avviso);
        definitiva = jdbc.queryForObject("select id from generazione_graduatorie where avviso_id = ? and tipo = 'DEFINITIVA'",
                Long.class, avviso);
    }

    private void presenta(String lettere, int isee, long alloggio) {
        String cf = CodiceFiscale.conControllo(lettere + "80A01L682");
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, "{\"nucleo\":[{\"codiceFiscale\":\""
                + cf + "\",\"nome\":\"Nome\",\"cognome\":\"Cognome\",\"dataNascita\":\"1980-01-01\",\"relazione\":\"RICHIEDENTE\","
                + "\"percentualeInvalidita\":0}],\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"2000-01-01\","
                + "\"residenteComuneDal\":\"2005-01-01\"},\"isee\":{\"valore\":" + isee + ",\"protocolloDsu\":\"INPS-GEN-" + lettere
                + "\",\"dataDsu\":\"2026-01-20\"},\"patrimonio\":0,\"condizioni\":{\"coabitazione\":true},\"alloggi\":[" + alloggio + "]}");
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
    }

    @Test
    @Order(1)
    void supervisoriEAmministratoriVedonoOgniGenerazioneConRegoleParametriEImpronte() {
        for (String chi : List.of(SUPERVISORE, ADMIN)) {
            ClientHttp.Risposta risposta = SessioneConsole.di(http, chi).get("/avvisi/" + avviso + "/generazioni");
            assertThat(risposta.status()).as(chi).isEqualTo(200);
            String pagina = testo(risposta);
            assertThat(pagina).as(chi).contains("Generazioni delle graduatorie dell'avviso n. " + avviso,
                    "Avviso delle generazioni nella console", "n. " + provvisorie, "Graduatorie provvisorie", "n. " + definitiva,
                    "Graduatoria definitiva", "href=\"/graduatorie/" + graduatoria + "\"", "Comune di Varese – Varese",
                    quando(provvisorie), quando(definitiva), "Secondo step del r.r. 2/2025",
                    "isbar v. " + versione("isbar"), "requisiti-economici v. " + versione("requisiti-economici"),
                    "Criterio finale: domanda presentata prima", "Riserve per categorie (art. 14): sì",
                    digest(provvisorie, "digest_input"), digest(provvisorie, "digest_risultato"),
                    digest(definitiva, "digest_input"), digest(definitiva, "digest_risultato"),
                    "action=\"/avvisi/" + avviso + "/generazioni/" + provvisorie + "/riesecuzione\"",
                    "aria-label=\"Riesegui la generazione n. " + definitiva + "\"", "name=\"_csrf\"")
                    .doesNotContain("LOMBARDIA_2025", "PRESENTAZIONE_PRECEDENTE", "Riprodotta");
        }
        // the avviso's page and the graduatoria's lead there, for them only
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        assertThat(supervisore.get("/avvisi/" + avviso).body()).contains("href=\"/avvisi/" + avviso + "/generazioni\"");
        assertThat(testo(supervisore.get("/graduatorie/" + graduatoria))).contains("Apri le generazioni e riesegui",
                "href=\"/avvisi/" + avviso + "/generazioni\"", "Passo normativo", "Secondo step del r.r. 2/2025")
                .doesNotContain("LOMBARDIA_2025");
        assertThat(SessioneConsole.di(http, CAPOFILA).get("/avvisi/" + avviso).body()).doesNotContain("/generazioni");
    }

    @Test
    @Order(2)
    void gliOperatoriEGliAnalistiNonVedonoLeGenerazioniNeLeRieseguono() {
        for (String chi : List.of(CAPOFILA, VARESE_ISTRUTTORIA, MALNATE, ANALISTA)) {
            SessioneConsole sessione = SessioneConsole.di(http, chi);
            assertThat(sessione.get("/avvisi/" + avviso + "/generazioni").status()).as(chi).isEqualTo(403);
            assertThat(sessione.post("/avvisi/" + avviso + "/generazioni/" + provvisorie + "/riesecuzione", Map.of()).status())
                    .as(chi).isEqualTo(403);
            assertThat(http.get("/api/avvisi/" + avviso + "/generazioni", chi).status()).as(chi + " in the API").isEqualTo(403);
        }
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        assertThat(supervisore.get("/avvisi/999999999/generazioni").status()).isEqualTo(404);
        assertThat(supervisore.get("/avvisi/abc/generazioni").status()).isEqualTo(404);
        // a generation of another avviso, or none, under this one: not there
        long altra = jdbc.queryForObject("select min(id) from generazione_graduatorie where avviso_id <> ?", Long.class, avviso);
        assertThat(supervisore.post("/avvisi/" + avviso + "/generazioni/" + altra + "/riesecuzione", Map.of()).status()).isEqualTo(404);
        assertThat(supervisore.post("/avvisi/" + avviso + "/generazioni/999999999/riesecuzione", Map.of()).status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void rieseguireRiproduceLaGenerazioneESenzaScrivereNulla() {
        Map<String, Object> prima = impronta();

        ClientHttp.Risposta risposta = SessioneConsole.di(http, SUPERVISORE)
                .post("/avvisi/" + avviso + "/generazioni/" + provvisorie + "/riesecuzione", Map.of());

        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        String pagina = testo(risposta);
        assertThat(pagina).contains("Riesecuzione della generazione n. " + provvisorie, "Riprodotta: sì",
                "La graduatoria ricalcolata dai dati registrati coincide con quella scritta", "Impronte registrate e ricalcolate",
                digest(provvisorie, "digest_input"), digest(provvisorie, "digest_risultato"),
                // the list stays below, to re-run another
                "Generazioni registrate", "n. " + definitiva)
                .doesNotContain("Riprodotta: no", "Prime posizioni diverse");
        assertThat(impronta()).as("a re-run writes nothing").isEqualTo(prima);
        // the API answers the same for the same record
        JsonNode api = http.post("/api/generazioni/" + provvisorie + "/riesecuzione", SUPERVISORE, "").json();
        assertThat(api.get("riprodotta").asBoolean()).isTrue();
        assertThat(pagina).contains(api.get("digestInputRicalcolato").asText().substring(0, 12) + "…");

        ClientHttp.Risposta amministratore = SessioneConsole.di(http, ADMIN)
                .post("/avvisi/" + avviso + "/generazioni/" + definitiva + "/riesecuzione", Map.of());
        assertThat(amministratore.status()).isEqualTo(200);
        assertThat(testo(amministratore)).contains("Riesecuzione della generazione n. " + definitiva, "Riprodotta: sì");
        assertThat(impronta()).isEqualTo(prima);
    }

    @Test
    @Order(4)
    void unRisultatoRegistratoManomessoNonSiRiproduceEMostraLePosizioniDiverse() {
        // the recorded ranking of the provisional graduatoria rewritten with its two domande swapped, and its digest
        // changed: as if someone had altered the written result after the generation
        List<Long> ordine = java.util.Arrays.stream(jdbc.queryForObject(
                "select array_to_string(domande, ',') from generazione_risultato where generazione_id = ?", String.class,
                provvisorie).split(",")).map(Long::valueOf).toList();
        assertThat(ordine).hasSize(2);
        String digestRegistrato = jdbc.queryForObject("select digest_risultato from generazione_graduatorie where id = ?",
                String.class, provvisorie);
        jdbc.update("update generazione_risultato set domande = array[domande[2], domande[1]] where generazione_id = ?", provvisorie);
        jdbc.update("update generazione_graduatorie set digest_risultato = ? where id = ?", "0".repeat(64), provvisorie);
        try {
            ClientHttp.Risposta risposta = SessioneConsole.di(http, SUPERVISORE)
                    .post("/avvisi/" + avviso + "/generazioni/" + provvisorie + "/riesecuzione", Map.of());

            assertThat(risposta.status()).isEqualTo(200);
            String pagina = testo(risposta);
            assertThat(pagina).contains("Riprodotta: no", "non coincide con quella scritta", "000000000000…",
                    digestRegistrato.substring(0, 12) + "…", "Prime posizioni diverse (al più 10)", "Domanda registrata",
                    "Domanda ricalcolata");
            String differenze = pagina.substring(pagina.indexOf("id=\"differenze\""));
            differenze = differenze.substring(0, differenze.indexOf("</table>")).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
            assertThat(differenze).contains("Comune di Varese – Varese 1 n. " + ordine.get(1) + " n. " + ordine.get(0),
                    "Comune di Varese – Varese 2 n. " + ordine.get(0) + " n. " + ordine.get(1));
            // the digests' rows say which one differs, in words
            String impronte = pagina.substring(pagina.indexOf("id=\"impronte\""));
            impronte = impronte.substring(0, impronte.indexOf("</table>")).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
            assertThat(impronte).contains("Dati di ingresso " + digest(provvisorie, "digest_input") + " "
                    + digest(provvisorie, "digest_input") + " sì").contains(" no");
        } finally {
            jdbc.update("update generazione_risultato set domande = array[domande[2], domande[1]] where generazione_id = ?", provvisorie);
            jdbc.update("update generazione_graduatorie set digest_risultato = ? where id = ?", digestRegistrato, provvisorie);
        }
        assertThat(testo(SessioneConsole.di(http, SUPERVISORE).post("/avvisi/" + avviso + "/generazioni/" + provvisorie
                + "/riesecuzione", Map.of()))).contains("Riprodotta: sì");
    }

    @Test
    @Order(5)
    void unaGenerazioneRegistrataSenzaInputSiSpiegaSullaPaginaConIl409() {
        // as written before the inputs were kept: no reserve parameter, no inputs, no ranking
        long vecchia = jdbc.queryForObject("""
                insert into generazione_graduatorie (avviso_id, tipo, graduatoria_id, versione_regole, criterio_finale,
                    digest_input, digest_risultato, numero_domande, numero_graduatorie, durata_ms, eseguita_il)
                select avviso_id, 'DEFINITIVA', ?, versione_regole, criterio_finale, digest_input, digest_risultato,
                       numero_domande, 1, durata_ms, eseguita_il
                  from generazione_graduatorie where id = ? returning id""", Long.class, graduatoria, definitiva);
        try {
            SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
            String elenco = testo(supervisore.get("/avvisi/" + avviso + "/generazioni"));
            assertThat(elenco).contains("n. " + vecchia, "Registrata senza i dati di ingresso", "versioni non registrate",
                    "Riserve per categorie (art. 14): non registrate")
                    .doesNotContain("action=\"/avvisi/" + avviso + "/generazioni/" + vecchia + "/riesecuzione\"");

            ClientHttp.Risposta risposta = supervisore.post("/avvisi/" + avviso + "/generazioni/" + vecchia + "/riesecuzione",
                    Map.of());

            assertThat(risposta.status()).isEqualTo(409);
            assertThat(testo(risposta)).contains("Generazione non rieseguita", "La generazione " + vecchia + " è stata registrata "
                    + "prima che se ne conservassero gli input: non si può rieseguire", "Generazioni registrate")
                    .doesNotContain("Riprodotta", "Operazione non possibile");
            assertThat(http.post("/api/generazioni/" + vecchia + "/riesecuzione", SUPERVISORE, "").status()).isEqualTo(409);
        } finally {
            jdbc.update("delete from generazione_graduatorie where id = ?", vecchia);
        }
    }

    /** What a re-run must leave as it was: the avviso's records, rankings and graduatoria rows. */
    private Map<String, Object> impronta() {
        return jdbc.queryForMap("""
                select (select count(*) from generazione_graduatorie where avviso_id = ?) as generazioni,
                       (select string_agg(digest_input || digest_risultato, ',' order by id) from generazione_graduatorie
                         where avviso_id = ?) as digest,
                       (select string_agg(domande::text, ';' order by generazione_id) from generazione_risultato r
                          join generazione_graduatorie g on g.id = r.generazione_id where g.avviso_id = ?) as risultati,
                       (select string_agg(domanda_id || ':' || posizione, ',' order by posizione) from graduatoria_riga
                         where graduatoria_id = ?) as righe""", avviso, avviso, avviso, graduatoria);
    }

    private String quando(long generazione) {
        return ROMA.format(jdbc.queryForObject("select eseguita_il from generazione_graduatorie where id = ?", Timestamp.class,
                generazione).toInstant());
    }

    private String digest(long generazione, String colonna) {
        return jdbc.queryForObject("select " + colonna + " from generazione_graduatorie where id = ?", String.class, generazione)
                .substring(0, 12) + "…";
    }

    private int versione(String regole) {
        return jdbc.queryForObject("select versione from avviso_regole where avviso_id = ? and nome = ?", Integer.class, avviso,
                regole);
    }

    private static String testo(ClientHttp.Risposta risposta) {
        return HtmlUtils.htmlUnescape(risposta.body());
    }
}
