package it.piattaformacasa.graduatoria;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.graduatoria.process.GraduatoriaBpmn.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.OrologioDiProva;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.common.ItalianFormats;

/** processes/graduatoria.bpmn: «Approva graduatoria provvisoria» within 5 days, escalation without cancelling. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprovazioneGraduatoriaTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
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
    Instant chiusura;

    @BeforeAll
    void dueGraduatorieDaApprovare() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        Alloggio aler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 1).get(0);
        Alloggio varese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        avviso = scenario.aperto(List.of(aler, varese), List.of(ALER_AVVISO, CAPOFILA));
        chiusura = Instant.parse(http.get("/api/avvisi/" + avviso, CAPOFILA).json().get("chiusura").asText());
        String body = "{\"nucleo\":[{\"codiceFiscale\":\"RTOMRC80A15L682D\",\"nome\":\"Marco\",\"cognome\":\"Rota\","
                + "\"dataNascita\":\"1980-01-15\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}],"
                + "\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"2000-01-01\",\"residenteComuneDal\":\"2005-01-01\"},"
                + "\"isee\":{\"valore\":7000,\"protocolloDsu\":\"INPS-ISEE-2026-RTO\",\"dataDsu\":\"2026-01-20\"},"
                + "\"patrimonio\":0,\"condizioni\":{\"coabitazione\":true},\"alloggi\":[" + aler.getId() + "," + varese.getId() + "]}";
        assertThat(http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body).status()).isEqualTo(201);
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avviso, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
    }

    @BeforeEach
    void assertions() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    @Order(1)
    void ogniGraduatoriaHaLaSuaAttivitaDiApprovazioneConScadenzaACinqueGiorni() {
        List<Graduatoria> generate = graduatorie.findByAvvisoIdOrderById(avviso);
        assertThat(generate).hasSize(2);
        for (Graduatoria g : generate) {
            Task task = taskDi(g.getId());
            assertThat(task.getName()).isEqualTo("Approva graduatoria provvisoria – " + g.getEnte().getRagioneSociale() + ", "
                    + g.getComune().getNome() + " – «Avviso di prova»");
            assertThat(task.getDueDate().toInstant()).isEqualTo(chiusura.plus(Graduatoria.TERMINE_APPROVAZIONE));
            assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                    .containsExactly("ente-" + g.getEnte().getCodiceFiscale().valore() + "-avviso");
        }
    }

    @Test
    @Order(2)
    void lOperatoreDellEnteRegistraProvvedimentoEPubblicazione() {
        Graduatoria diAler = graduatoriaDi("ALER");
        ProcessInstance istanza = istanza(diAler.getId());
        Task task = taskDi(diAler.getId());
        assertThat(http.get("/engine-rest/task?processInstanceId=" + task.getProcessInstanceId(), CAPOFILA).json()).isEmpty();
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", ALER_AVVISO, "{\"userId\":\"aler.avviso\"}").status())
                .isEqualTo(204);

        // a publication before the provvedimento is refused and the task stays open
        ClientHttp.Risposta errata = completa(task, "2026/145", oggi(), "SITO_ENTE", oggi().minusDays(1));
        assertThat(errata.status()).isEqualTo(400);
        assertThat(errata.body()).contains("dataPubblicazione", "non può essere anteriore al provvedimento");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        // backdated two months: the 15-day rettifica window would be over before the graduatoria existed
        ClientHttp.Risposta retrodatata = completa(task, "2026/145", oggi().minusMonths(2), "SITO_ENTE", oggi().minusMonths(2));
        assertThat(retrodatata.status()).as(retrodatata.body()).isEqualTo(400);
        // each field by its key, the reason with its label as the form shows it
        assertThat(retrodatata.body()).contains("\"campo\":\"dataProvvedimento\"", "\"campo\":\"dataPubblicazione\"",
                "Data del provvedimento: la data del provvedimento", "Data di pubblicazione: la data di pubblicazione",
                "non può precedere la generazione della graduatoria");
        assertThat(istanza).isWaitingAt(TASK_APPROVA);
        assertThat(graduatorie.findById(diAler.getId()).orElseThrow().getApprovataIl()).isNull();

        ClientHttp.Risposta ok = completa(task, "2026/145", oggi(), "SITO_ENTE", oggi());
        assertThat(ok.status()).as(ok.body()).isEqualTo(204);
        assertThat(istanza).hasPassed(SERVICE_REGISTRA_APPROVAZIONE).hasNotPassed(SERVICE_SOLLECITA)
                .isWaitingAt(TIMER_FINE_FINESTRA_RETTIFICHE);
        JsonNode letta = http.get("/api/graduatorie/" + diAler.getId(), ALER_ISTRUTTORIA).json().get("graduatoria");
        assertThat(letta.get("provvedimentoNumero").asText()).isEqualTo("2026/145");
        assertThat(letta.get("pubblicazione").asText()).isEqualTo("SITO_ENTE");
        assertThat(letta.get("approvataDa").asText()).isEqualTo(ALER_AVVISO);
    }

    @Test
    @Order(3)
    void scadutoIlTermineLAttivitaRestaAllEnteEVieneSegnalataAiSupervisori() {
        Graduatoria diVarese = graduatoriaDi("Comune di Varese");
        ProcessInstance istanza = istanza(diVarese.getId());
        Job timer = managementService.createJobQuery().processInstanceId(istanza.getId())
                .activityId(TIMER_SCADENZA_APPROVAZIONE).singleResult();
        managementService.executeJob(timer.getId());

        assertThat(istanza).hasPassed(SERVICE_SOLLECITA, END_SOLLECITO).isWaitingAt(TASK_APPROVA);
        Task task = taskDi(diVarese.getId());
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains("ente-" + CF_COMUNE_VARESE + "-avviso", "supervisori");
        assertThat(graduatorie.findById(diVarese.getId()).orElseThrow().getSollecitataIl()).isNotNull();

        // the list comes in pages (issue 17): read them all
        JsonNode questa = null;
        for (int pagina = 0; questa == null; pagina++) {
            JsonNode scadenze = http.get("/api/scadenze?dimensione=200&pagina=" + pagina, SUPERVISORE).json();
            if (scadenze.get("elementi").isEmpty()) {
                break;
            }
            for (JsonNode s : scadenze.get("elementi")) {
                if (task.getId().equals(s.path("taskId").asText())) {
                    questa = s;
                }
            }
        }
        assertThat(questa).as("the escalated task is in the supervisors' list").isNotNull();
        assertThat(questa.get("segnalata").asBoolean()).isTrue();
        assertThat(questa.get("businessKey").asText()).isEqualTo(diVarese.getId().toString());
        assertThat(http.get("/api/scadenze", CAPOFILA).status()).isEqualTo(403);

        // the ente can still approve, late
        http.post("/engine-rest/task/" + task.getId() + "/claim", CAPOFILA, "{\"userId\":\"capofila\"}");
        assertThat(completa(task, "DET-88", oggi(), "ENTRAMBI", oggi()).status()).isEqualTo(204);
        assertThat(istanza).hasPassed(SERVICE_REGISTRA_APPROVAZIONE).isWaitingAt(TIMER_FINE_FINESTRA_RETTIFICHE);

        // published today: the graduatoria cannot become definitive before the 15th day after has ended, neither by
        // the process nor directly
        Job finestra = managementService.createJobQuery().processInstanceId(istanza.getId())
                .activityId(TIMER_FINE_FINESTRA_RETTIFICHE).singleResult();
        assertThat(finestra.getDuedate().toInstant()).isEqualTo(oggi().plusDays(16).atStartOfDay(ROMA).toInstant());
        assertThat(taskService.createTaskQuery().processInstanceId(istanza.getId()).taskDefinitionKey(TASK_RENDI_DEFINITIVA).count()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> graduatorieService.rendiDefinitiva(diVarese.getId(), "capofila"))
                .hasMessageContaining("può diventare definitiva dal " + ItalianFormats.data(oggi().plusDays(16)));
    }

    @Test
    @Order(4)
    void dopoQuindiciGiorniLEnteLaRendeDefinitivaConIPunteggiDiLavoroELaPubblica() {
        Graduatoria diAler = graduatoriaDi("ALER");
        ProcessInstance istanza = istanza(diAler.getId());
        long domanda = jdbc.queryForObject("select domanda_id from graduatoria_riga where graduatoria_id = ?", Long.class, diAler.getId());
        // an accepted rettifica per invalidità civile changed the working score only
        jdbc.update("update domanda set isbar_lavoro = isbar + 4, punti_familiare_lavoro = punti_familiare + 4 where id = ?", domanda);
        BigDecimal pubblicato = jdbc.queryForObject("select isbar from graduatoria_riga where graduatoria_id = ?", BigDecimal.class, diAler.getId());

        // the 15th day after the publication (today) has ended: engine and application clocks at that midnight
        LocalDate pubblicata = graduatorie.findById(diAler.getId()).orElseThrow().getPubblicataIl();
        LocalDate giorno16 = pubblicata.plusDays(16);
        OrologioDiProva.fermaA(giorno16.atStartOfDay(ROMA).toInstant());
        Job finestra = managementService.createJobQuery().processInstanceId(istanza.getId())
                .activityId(TIMER_FINE_FINESTRA_RETTIFICHE).executable().singleResult();
        assertThat(finestra).as("the window's timer is due").isNotNull();
        managementService.executeJob(finestra.getId());
        assertThat(istanza).isWaitingAt(TASK_RENDI_DEFINITIVA);
        Task rendi = taskService.createTaskQuery().processInstanceId(istanza.getId()).singleResult();
        http.post("/engine-rest/task/" + rendi.getId() + "/claim", ALER_AVVISO, "{\"userId\":\"aler.avviso\"}");
        assertThat(http.post("/engine-rest/task/" + rendi.getId() + "/complete", ALER_AVVISO,
                "{\"variables\":{\"confermaDefinitiva\":{\"value\":true,\"type\":\"Boolean\"}}}").status()).isEqualTo(204);

        assertThat(istanza).hasPassed(SERVICE_RENDI_DEFINITIVA).isWaitingAt(TASK_PUBBLICA_DEFINITIVA);
        JsonNode letta = http.get("/api/graduatorie/" + diAler.getId(), ALER_AVVISO).json();
        assertThat(letta.get("graduatoria").get("stato").asText()).isEqualTo("DEFINITIVA");
        assertThat(letta.get("righe").get(0).get("isbar").decimalValue()).isEqualByComparingTo(pubblicato.add(new BigDecimal(4)));
        assertThat(jdbc.queryForObject("select count(*) from generazione_graduatorie where graduatoria_id = ? and tipo = 'DEFINITIVA'",
                Integer.class, diAler.getId())).isEqualTo(1);
        Task pubblica = taskService.createTaskQuery().processInstanceId(istanza.getId()).singleResult();
        Instant definitivaIl = Instant.parse(letta.get("graduatoria").get("definitivaIl").asText());
        // the engine keeps due dates to the millisecond, PostgreSQL to the microsecond
        assertThat(pubblica.getDueDate().toInstant()).isEqualTo(definitivaIl.plus(Graduatoria.TERMINE_PUBBLICAZIONE_DEFINITIVA)
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        http.post("/engine-rest/task/" + pubblica.getId() + "/claim", ALER_AVVISO, "{\"userId\":\"aler.avviso\"}");
        assertThat(http.post("/engine-rest/task/" + pubblica.getId() + "/complete", ALER_AVVISO, "{\"variables\":{"
                + "\"pubblicazioneDefinitiva\":{\"value\":\"ENTRAMBI\"},\"dataPubblicazioneDefinitiva\":{\"value\":\""
                + giorno16 + "\"}}}").status()).isEqualTo(204);
        assertThat(istanza).hasPassed(SERVICE_REGISTRA_PUBBLICAZIONE, END_DEFINITIVA_PUBBLICATA).isEnded();
        assertThat(http.get("/api/graduatorie/" + diAler.getId(), ALER_AVVISO).json().get("graduatoria")
                .get("pubblicazioneDefinitiva").asText()).isEqualTo("ENTRAMBI");
    }

    @AfterEach
    void tempoReale() {
        OrologioDiProva.ripristina();
    }

    private static LocalDate oggi() {
        return LocalDate.now(ROMA);
    }

    private ClientHttp.Risposta completa(Task task, String numero, LocalDate data, String pubblicazione, LocalDate pubblicataIl) {
        String utente = taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
        return http.post("/engine-rest/task/" + task.getId() + "/complete", utente, "{\"variables\":{"
                + "\"numeroProvvedimento\":{\"value\":\"" + numero + "\"},\"dataProvvedimento\":{\"value\":\"" + data + "\"},"
                + "\"pubblicazione\":{\"value\":\"" + pubblicazione + "\"},\"dataPubblicazione\":{\"value\":\"" + pubblicataIl + "\"}}}");
    }

    private Graduatoria graduatoriaDi(String ente) {
        return graduatorie.findByAvvisoIdOrderById(avviso).stream()
                .filter(g -> g.getEnte().getRagioneSociale().startsWith(ente)).findFirst().orElseThrow();
    }

    private ProcessInstance istanza(long graduatoria) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(graduatoria)).singleResult();
    }

    private Task taskDi(long graduatoria) {
        return taskService.createTaskQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(graduatoria)).singleResult();
    }
}
