package it.piattaformacasa.graduatoria;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.graduatoria.process.GraduatoriaBpmn.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.process.AvvisoBpmn;

/** processes/graduatoria.bpmn: «Approva graduatoria provvisoria» within 5 days, escalation without cancelling. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprovazioneGraduatoriaTest {

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
                + "\"lavoroInLombardia\":true,\"isee\":{\"valore\":7000,\"protocolloDsu\":\"INPS-ISEE-2026-RTO\",\"dataDsu\":\"2026-01-20\"},"
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
            assertThat(task.getName()).isEqualTo("Approva graduatoria provvisoria");
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
        ClientHttp.Risposta errata = completa(task, "2026/145", LocalDate.now().minusDays(1), "SITO_ENTE", LocalDate.now().minusDays(3));
        assertThat(errata.status()).isGreaterThanOrEqualTo(400);
        assertThat(errata.body()).contains("non anteriore al provvedimento");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        ClientHttp.Risposta ok = completa(task, "2026/145", LocalDate.now().minusDays(1), "SITO_ENTE", LocalDate.now());
        assertThat(ok.status()).as(ok.body()).isEqualTo(204);
        assertThat(istanza).hasPassed(SERVICE_REGISTRA_APPROVAZIONE, END_APPROVATA).hasNotPassed(SERVICE_SOLLECITA).isEnded();
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

        JsonNode scadenze = http.get("/api/scadenze", SUPERVISORE).json();
        JsonNode questa = null;
        for (JsonNode s : scadenze) {
            if (s.get("taskId").asText().equals(task.getId())) {
                questa = s;
            }
        }
        assertThat(questa).as("the escalated task is in the supervisors' list").isNotNull();
        assertThat(questa.get("segnalata").asBoolean()).isTrue();
        assertThat(questa.get("businessKey").asText()).isEqualTo(diVarese.getId().toString());
        assertThat(http.get("/api/scadenze", CAPOFILA).status()).isEqualTo(403);

        // the ente can still approve, late
        http.post("/engine-rest/task/" + task.getId() + "/claim", CAPOFILA, "{\"userId\":\"capofila\"}");
        assertThat(completa(task, "DET-88", LocalDate.now(), "ENTRAMBI", LocalDate.now()).status()).isEqualTo(204);
        assertThat(istanza).hasPassed(END_APPROVATA).isEnded();
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
