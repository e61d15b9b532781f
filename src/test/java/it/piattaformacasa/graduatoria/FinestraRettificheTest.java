package it.piattaformacasa.graduatoria;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.OrologioDiProva;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.graduatoria.process.GraduatoriaBpmn;
import it.piattaformacasa.graduatoria.process.RettificaBpmn;

/**
 * The 15 days for rettifiche per invalidità civile are whole days in Rome, counted from the publication as recorded
 * (art. 12, seed 000; art. 2963 c.c.): a request at 23:59 of the 15th day is in time, one at midnight is not, and the
 * graduatoria becomes DEFINITIVA only from that midnight. The window chosen here contains a daylight-saving change.
 * Engine and application clocks are moved together ({@link OrologioDiProva}).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinestraRettificheTest {

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
    ClientHttp http;
    Map<String, Long> domande = new HashMap<>();
    long diAler;
    long diVarese;
    /** Publication day: five days before the next change of daylight-saving time, so the window contains it. */
    LocalDate pubblicazione;

    @BeforeAll
    void graduatorieGenerateOggi() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        Alloggio aler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 1).get(0);
        Alloggio varese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        long avviso = scenario.aperto(List.of(aler, varese), List.of(ALER_AVVISO, CAPOFILA));
        presenta(avviso, "A", "RTOMRC80A15L682D", aler.getId() + "," + varese.getId());
        presenta(avviso, "B", "BRMLCU85D12L682R", Long.toString(aler.getId()));
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avviso, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        for (Graduatoria g : graduatorie.findByAvvisoIdOrderById(avviso)) {
            if (g.getEnte().getCodiceFiscale().valore().equals(CF_ALER)) {
                diAler = g.getId();
            } else {
                diVarese = g.getId();
            }
        }
        ZoneOffsetTransition cambioOra = ROMA.getRules().nextTransition(Instant.now().plus(Duration.ofDays(7)));
        pubblicazione = cambioOra.getInstant().atZone(ROMA).toLocalDate().minusDays(5);
    }

    private void presenta(long avviso, String chi, String cf, String alloggiScelti) {
        String body = "{\"nucleo\":[{\"codiceFiscale\":\"" + cf + "\",\"nome\":\"N\",\"cognome\":\"" + chi + "\",\"dataNascita\":\"19"
                + cf.substring(6, 8) + "-01-01\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}],"
                + "\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"2000-01-01\",\"residenteComuneDal\":\"2005-01-01\"},"
                + "\"isee\":{\"valore\":6000,\"protocolloDsu\":\"INPS-" + chi + "\",\"dataDsu\":\"2026-01-20\"},"
                + "\"patrimonio\":0,\"condizioni\":{\"coabitazione\":true},\"alloggi\":[" + alloggiScelti + "]}";
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        domande.put(chi, risposta.json().get("id").asLong());
    }

    @BeforeEach
    void assertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void tempoReale() {
        OrologioDiProva.ripristina();
    }

    @Test
    @Order(1)
    void unaPubblicazioneFuturaVieneRifiutataNominandoIlCampoELAttivitaRestaAperta() {
        Task task = approvazione(diAler, ALER_AVVISO);
        LocalDate oggi = LocalDate.now(ROMA);
        ClientHttp.Risposta futura = completaApprovazione(task, ALER_AVVISO, oggi, oggi.plusDays(1));
        assertThat(futura.status()).as(futura.body()).isEqualTo(400);
        // the field by its key, the reason with the form's label
        assertThat(futura.body()).contains("\"campo\":\"dataPubblicazione\"", "Data di pubblicazione: la data di pubblicazione ("
                + ItalianFormats.data(oggi.plusDays(1)) + ") non può essere futura").doesNotContain("dataProvvedimento", "Data del provvedimento:");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void pubblicataPrimaDelCambioDOraLaFinestraFinisceAllaMezzanotteDelQuindicesimoGiornoInOraItaliana() {
        OrologioDiProva.fermaA(pubblicazione.atTime(10, 0).atZone(ROMA).toInstant());
        for (long graduatoria : List.of(diAler, diVarese)) {
            String operatore = graduatoria == diAler ? ALER_AVVISO : CAPOFILA;
            ClientHttp.Risposta ok = completaApprovazione(approvazione(graduatoria, operatore), operatore, pubblicazione, pubblicazione);
            assertThat(ok.status()).as(ok.body()).isEqualTo(204);
        }

        Instant atteso = pubblicazione.plusDays(16).atStartOfDay(ROMA).toInstant();
        assertThat(timerFinestra(diVarese).getDuedate().toInstant()).isEqualTo(atteso);
        assertThat(Duration.between(pubblicazione.atStartOfDay(ROMA).toInstant(), atteso))
                .as("a daylight-saving change lies in the window: not 16 × 24 hours").isNotEqualTo(Duration.ofDays(16));
    }

    @Test
    @Order(3)
    void alleVentitreECinquantanoveDelQuindicesimoGiornoLaRichiestaEAmmessaELaGraduatoriaNonEAncoraDefinitiva() {
        LocalDate quindicesimo = pubblicazione.plusDays(15);
        OrologioDiProva.fermaA(quindicesimo.atTime(LocalTime.of(23, 59)).atZone(ROMA).toInstant());

        ClientHttp.Risposta inTempo = richiedi(diAler, domande.get("B"), "BRMLCU85D12L682R");
        assertThat(inTempo.status()).as(inTempo.body()).isEqualTo(201);
        // the ente's 15 days to decide follow the same rule: until the end of the 15th day after the request
        ProcessInstance rettifica = runtimeService.createProcessInstanceQuery().processDefinitionKey(RettificaBpmn.PROCESS_ID)
                .processInstanceBusinessKey(inTempo.json().get("id").asText()).singleResult();
        Instant decisioneEntro = quindicesimo.plusDays(16).atStartOfDay(ROMA).toInstant();
        assertThat(taskService.createTaskQuery().processInstanceId(rettifica.getId()).singleResult().getDueDate().toInstant())
                .isEqualTo(decisioneEntro);
        assertThat(managementService.createJobQuery().processInstanceId(rettifica.getId())
                .activityId(RettificaBpmn.TIMER_SILENZIO_ASSENSO).singleResult().getDuedate().toInstant()).isEqualTo(decisioneEntro);

        assertThat(managementService.createJobQuery().processInstanceId(istanza(diVarese).getId())
                .activityId(GraduatoriaBpmn.TIMER_FINE_FINESTRA_RETTIFICHE).executable().count())
                .as("the window's timer is not yet due").isZero();
        assertThatThrownBy(() -> graduatorieService.rendiDefinitiva(diVarese, "test"))
                .hasMessageContaining("può diventare definitiva dal " + ItalianFormats.data(pubblicazione.plusDays(16)));
        assertThat(graduatorie.findById(diVarese).orElseThrow().getStato()).isEqualTo(Graduatoria.Stato.PROVVISORIA);
    }

    @Test
    @Order(4)
    void dallaMezzanotteLaRichiestaEFuoriTermineELaGraduatoriaPuoDiventareDefinitiva() {
        LocalDate sedicesimo = pubblicazione.plusDays(16);
        OrologioDiProva.fermaA(sedicesimo.atStartOfDay(ROMA).toInstant());

        ClientHttp.Risposta tardiva = richiedi(diAler, domande.get("A"), "RTOMRC80A15L682D");
        assertThat(tardiva.status()).as(tardiva.body()).isEqualTo(409);
        assertThat(tardiva.json().get("detail").asText()).contains("fuori termine",
                "ultimo giorno " + ItalianFormats.data(pubblicazione.plusDays(15)));

        ProcessInstance istanza = istanza(diVarese);
        var finestra = managementService.createJobQuery().processInstanceId(istanza.getId())
                .activityId(GraduatoriaBpmn.TIMER_FINE_FINESTRA_RETTIFICHE).executable().singleResult();
        assertThat(finestra).as("due at midnight").isNotNull();
        managementService.executeJob(finestra.getId());
        assertThat(istanza).isWaitingAt(GraduatoriaBpmn.TASK_RENDI_DEFINITIVA);
        Task rendi = taskService.createTaskQuery().processInstanceId(istanza.getId()).singleResult();
        http.post("/engine-rest/task/" + rendi.getId() + "/claim", CAPOFILA, "{\"userId\":\"capofila\"}");
        assertThat(http.post("/engine-rest/task/" + rendi.getId() + "/complete", CAPOFILA,
                "{\"variables\":{\"confermaDefinitiva\":{\"value\":true,\"type\":\"Boolean\"}}}").status()).isEqualTo(204);
        assertThat(graduatorie.findById(diVarese).orElseThrow().getStato()).isEqualTo(Graduatoria.Stato.DEFINITIVA);

        ClientHttp.Risposta suDefinitiva = richiedi(diVarese, domande.get("A"), "RTOMRC80A15L682D");
        assertThat(suDefinitiva.status()).isEqualTo(409);
    }

    private ClientHttp.Risposta richiedi(long graduatoria, long domanda, String componente) {
        String operatore = graduatoria == diAler ? ALER_ISTRUTTORIA : VARESE_ISTRUTTORIA;
        return http.post("/api/graduatorie/" + graduatoria + "/rettifiche", operatore, "{\"domandaId\":" + domanda
                + ",\"codiceFiscaleComponente\":\"" + componente + "\",\"percentualeInvalidita\":80}");
    }

    private Task approvazione(long graduatoria, String operatore) {
        Task task = taskService.createTaskQuery().processInstanceId(istanza(graduatoria).getId())
                .taskDefinitionKey(GraduatoriaBpmn.TASK_APPROVA).singleResult();
        if (task.getAssignee() == null) {
            http.post("/engine-rest/task/" + task.getId() + "/claim", operatore, "{\"userId\":\"" + operatore + "\"}");
        }
        return task;
    }

    private ClientHttp.Risposta completaApprovazione(Task task, String operatore, LocalDate provvedimento, LocalDate pubblicata) {
        return http.post("/engine-rest/task/" + task.getId() + "/complete", operatore, "{\"variables\":{"
                + "\"numeroProvvedimento\":{\"value\":\"DET-" + task.getId().hashCode() + "\"},"
                + "\"dataProvvedimento\":{\"value\":\"" + provvedimento + "\"},\"pubblicazione\":{\"value\":\"ALBO_PRETORIO\"},"
                + "\"dataPubblicazione\":{\"value\":\"" + pubblicata + "\"}}}");
    }

    private org.camunda.bpm.engine.runtime.Job timerFinestra(long graduatoria) {
        return managementService.createJobQuery().processInstanceId(istanza(graduatoria).getId())
                .activityId(GraduatoriaBpmn.TIMER_FINE_FINESTRA_RETTIFICHE).singleResult();
    }

    private ProcessInstance istanza(long graduatoria) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(GraduatoriaBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(graduatoria)).singleResult();
    }
}
