package it.piattaformacasa.assegnazione.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;

/**
 * Issue 11 and 12: the citizen's rettifica request registered at the ente's desk on the domanda's page, instead of
 * {@code POST /api/graduatorie/{id}/rettifiche} with curl. The page says where the domanda stands in each graduatoria
 * and until when a rettifica may be asked; the form goes through the API's service (same refusals, same process).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RettificaNellaConsoleTest {

    private static final String RICHIEDENTE = "BRNLCU82C10L682K";
    private static final String FIGLIA = "BRNSRA10A41L682D";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    long domanda;
    long graduatoria;
    String entro;

    /** A domanda of two members choosing Malnate's alloggio, in a provisional graduatoria published today. */
    @BeforeAll
    void unaGraduatoriaProvvisoriaPubblicataOggi() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("Avviso rettifiche nella console");
        Alloggio diMalnate = scenario.alloggiDi(CF_COMUNE_MALNATE, StatoAlloggio.LIBERO, 1).get(0);
        long avviso = scenario.aperto(List.of(diMalnate), List.of(MALNATE));
        ClientHttp.Risposta presentata = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, "{\"nucleo\":["
                + "{\"codiceFiscale\":\"" + RICHIEDENTE + "\",\"nome\":\"Luca\",\"cognome\":\"Bruni\",\"dataNascita\":\"1982-03-10\","
                + "\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0},"
                + "{\"codiceFiscale\":\"" + FIGLIA + "\",\"nome\":\"Sara\",\"cognome\":\"Bruni\",\"dataNascita\":\"2010-01-01\","
                + "\"relazione\":\"FIGLIO\",\"percentualeInvalidita\":0}],"
                + "\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"2000-01-01\",\"residenteComuneDal\":\"2005-01-01\"},"
                + "\"isee\":{\"valore\":9000,\"protocolloDsu\":\"INPS-ISEE-2026-BRN\",\"dataDsu\":\"2026-01-20\"},"
                + "\"patrimonio\":0,\"condizioni\":{\"coabitazione\":true},\"alloggi\":[" + diMalnate.getId() + "]}");
        assertThat(presentata.status()).as(presentata.body()).isEqualTo(201);
        domanda = presentata.json().get("id").asLong();
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avviso, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        Graduatoria g = graduatorie.findByAvvisoIdOrderById(avviso).get(0);
        graduatoria = g.getId();
        String approva = taskService.createTaskQuery().processDefinitionKey("graduatoria")
                .processInstanceBusinessKey(Long.toString(graduatoria)).singleResult().getId();
        http.post("/engine-rest/task/" + approva + "/claim", MALNATE, "{\"userId\":\"" + MALNATE + "\"}");
        LocalDate oggi = LocalDate.now(ZoneId.of("Europe/Rome"));
        assertThat(http.post("/engine-rest/task/" + approva + "/complete", MALNATE, "{\"variables\":{"
                + "\"numeroProvvedimento\":{\"value\":\"DET-R\"},\"dataProvvedimento\":{\"value\":\"" + oggi + "\"},"
                + "\"pubblicazione\":{\"value\":\"SITO_ENTE\"},\"dataPubblicazione\":{\"value\":\"" + oggi + "\"}}}").status())
                .isEqualTo(204);
        // the 15th day after the publication (Termini: the day of publication does not count)
        entro = oggi.plusDays(15).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    @Test
    @Order(1)
    void laPaginaDellaDomandaDiceDoveStaEFinoAQuandoSiChiedeLaRettifica() {
        String pagina = SessioneConsole.di(http, MALNATE).get("/domande/" + domanda).body();
        assertThat(pagina).contains("Nelle graduatorie", "href=\"/graduatorie/" + graduatoria + "\"", "Provvisoria",
                "Si può chiedere entro il " + entro, "Registra la richiesta di rettifica per invalidità civile",
                "value=\"" + FIGLIA + "\"", "Sara Bruni (" + FIGLIA + "), 0 % dichiarato");
        // a supervisor reads the place but registers nothing: the requests are the ente's
        String delSupervisore = SessioneConsole.di(http, SUPERVISORE).get("/domande/" + domanda).body();
        assertThat(delSupervisore).contains("Si può chiedere entro il " + entro)
                .doesNotContain("Registra la richiesta di rettifica per invalidità civile");
    }

    @Test
    @Order(2)
    void unaRichiestaSbagliataTornaAccantoAlCampoENonScriveNulla() {
        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        ClientHttp.Risposta senzaNumero = malnate.post("/domande/" + domanda + "/rettifiche",
                Map.of("graduatoriaId", Long.toString(graduatoria), "componente", FIGLIA, "percentuale", "ottanta"));
        assertThat(senzaNumero.status()).isEqualTo(400);
        assertThat(senzaNumero.body()).contains("id=\"percentuale-errore\"", "Percentuale di invalidità: un numero intero da 0 a 100",
                "aria-invalid=\"true\"", "value=\"ottanta\"");

        ClientHttp.Risposta oltreCento = malnate.post("/domande/" + domanda + "/rettifiche",
                Map.of("graduatoriaId", Long.toString(graduatoria), "componente", FIGLIA, "percentuale", "120"));
        assertThat(oltreCento.status()).isEqualTo(400);

        ClientHttp.Risposta estraneo = malnate.post("/domande/" + domanda + "/rettifiche",
                Map.of("graduatoriaId", Long.toString(graduatoria), "componente", "RSSMRA80A01H501U", "percentuale", "80"));
        assertThat(estraneo.status()).isEqualTo(400);
        assertThat(estraneo.body()).contains("id=\"componente-errore\"",
                "Componente: non è un componente del nucleo della domanda " + domanda);

        ClientHttp.Risposta senzaGraduatoria = malnate.post("/domande/" + domanda + "/rettifiche",
                Map.of("graduatoriaId", "x'; drop table domanda; --", "componente", FIGLIA, "percentuale", "80"));
        assertThat(senzaGraduatoria.status()).isEqualTo(400);
        assertThat(senzaGraduatoria.body()).contains("id=\"graduatoriaId-errore\"").doesNotContain("Exception", "SQL");

        // the Comune di Varese is not an ente the domanda chose: it does not see the domanda at all
        ClientHttp.Risposta altrui = SessioneConsole.di(http, CAPOFILA).post("/domande/" + domanda + "/rettifiche",
                Map.of("graduatoriaId", Long.toString(graduatoria), "componente", FIGLIA, "percentuale", "80"));
        assertThat(altrui.status()).isIn(403, 404);

        ClientHttp.Risposta senzaToken = http.invia(http.richiesta("/domande/" + domanda + "/rettifiche", MALNATE)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("graduatoriaId=" + graduatoria + "&componente=" + FIGLIA
                        + "&percentuale=80")).build());
        assertThat(senzaToken.status()).isIn(401, 403);

        assertThat(jdbc.queryForObject("select count(*) from rettifica_invalidita where domanda_id = ?", Integer.class, domanda))
                .isZero();
    }

    @Test
    @Order(3)
    void laRichiestaRegistrataAvviaLaDecisioneDellEnteEUnaSecondaERifiutata() {
        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        ClientHttp.Risposta registrata = malnate.post("/domande/" + domanda + "/rettifiche", Map.of("graduatoriaId",
                Long.toString(graduatoria), "componente", FIGLIA, "percentuale", "80", "accompagnamento", "true"));
        assertThat(registrata.status()).as(registrata.body()).isEqualTo(303);
        assertThat(registrata.raw().headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/domande/" + domanda + "#graduatorie"));
        String pagina = malnate.get("/domande/" + domanda).body();
        assertThat(pagina).contains("registrata (80 % per " + FIGLIA + "): l&#39;ente decide entro il",
                "silenzio assenso", "80 % chiesto il ", "Richiesta, da decidere")
                .doesNotContain("Registra la richiesta di rettifica per invalidità civile");

        // the API's list has it, as if it had come through the API; the ente's decision is waiting in Tasklist
        ClientHttp.Risposta api = http.get("/api/graduatorie/" + graduatoria + "/rettifiche", MALNATE);
        assertThat(api.json()).hasSize(1);
        assertThat(api.json().get(0).get("componente").asText()).isEqualTo(FIGLIA);
        assertThat(api.json().get(0).get("percentualeRichiesta").asInt()).isEqualTo(80);
        assertThat(api.json().get(0).get("registrataDa").asText()).isEqualTo(MALNATE);
        assertThat(taskService.createTaskQuery().processDefinitionKey("rettifica-invalidita")
                .processInstanceBusinessKey(api.json().get(0).get("id").asText()).count()).isEqualTo(1);

        ClientHttp.Risposta seconda = malnate.post("/domande/" + domanda + "/rettifiche", Map.of("graduatoriaId",
                Long.toString(graduatoria), "componente", RICHIEDENTE, "percentuale", "70"));
        assertThat(seconda.status()).isEqualTo(409);
        assertThat(seconda.body()).contains("c&#39;è già una richiesta di rettifica presso Comune di Malnate");
        assertThat(jdbc.queryForObject("select count(*) from rettifica_invalidita where domanda_id = ?", Integer.class, domanda))
                .isEqualTo(1);
    }
}
