package it.piattaformacasa.operatori;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.anagrafe.process.CertificazioneAnagrafeBpmn;

/**
 * The demo data asks each ente to certify its Anagrafe for 2026: one «Certifica dati anagrafe» task per ente,
 * for the ente's GESTIONE_AVVISO group. Each operator must see and claim only its own ente's task.
 */
@IntegrationTest
class VisibilitaAttivitaTest {

    private static final int ANNO_DEMO = 2026;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    ClientHttp http;

    @BeforeEach
    void client() {
        http = new ClientHttp(port);
    }

    @Test
    void lOperatoreDelComuneVedeSoloLAttivitaDelProprioEnte() {
        assertThat(attivitaVisibiliA(CAPOFILA)).containsExactly(taskDi(CF_COMUNE_VARESE).getId());
        assertThat(attivitaVisibiliA(ALER_AVVISO)).containsExactly(taskDi(CF_ALER).getId());
    }

    @Test
    void unOperatoreDiIstruttoriaNonVedeLeAttivitaDiGestioneAvviso() {
        assertThat(attivitaVisibiliA(VARESE_ISTRUTTORIA)).isEmpty();
    }

    @Test
    void ilSupervisoreVedeLeAttivitaDiTuttiGliEnti() {
        assertThat(attivitaVisibiliA(SUPERVISORE))
                .contains(taskDi(CF_COMUNE_VARESE).getId(), taskDi(CF_ALER).getId(), taskDi(CF_COMUNE_MALNATE).getId());
    }

    @Test
    void unOperatoreNonPuoPrendereInCaricoLAttivitaDiUnAltroEnte() {
        Task diAler = taskDi(CF_ALER);
        ClientHttp.Risposta risposta = http.post("/engine-rest/task/" + diAler.getId() + "/claim", CAPOFILA,
                "{\"userId\":\"" + CAPOFILA + "\"}");
        assertThat(risposta.status()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(diAler.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void lOperatoreDellEntePrendeInCaricoLaPropriaAttivita() {
        Task diMalnate = taskDi(CF_COMUNE_MALNATE);
        ClientHttp.Risposta risposta = http.post("/engine-rest/task/" + diMalnate.getId() + "/claim", MALNATE,
                "{\"userId\":\"" + MALNATE + "\"}");
        assertThat(risposta.status()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(diMalnate.getId()).singleResult().getAssignee()).isEqualTo(MALNATE);
        taskService.setAssignee(diMalnate.getId(), null);
    }

    @Test
    void nelMotoreLaQueryDelleAttivitaRispettaLeAutorizzazioni() {
        long tutte = taskService.createTaskQuery().processDefinitionKey(CertificazioneAnagrafeBpmn.PROCESS_ID).count();
        List<Task> visibili;
        identityService.setAuthentication(ALER_AVVISO, List.copyOf(new ArrayList<>(gruppiDi(ALER_AVVISO))));
        try {
            visibili = taskService.createTaskQuery().processDefinitionKey(CertificazioneAnagrafeBpmn.PROCESS_ID).list();
        } finally {
            identityService.clearAuthentication();
        }
        // ALER's certifications only (an annual plan asks one per year, so there may be more than the demo's)
        assertThat(visibili).extracting(Task::getId).contains(taskDi(CF_ALER).getId());
        assertThat(visibili).extracting(t -> runtimeService.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                .singleResult().getBusinessKey()).allMatch(chiave -> chiave.contains(":" + CF_ALER + ":"));
        assertThat(tutte).as("the other enti's certifications exist and stay hidden").isGreaterThan(visibili.size());
    }

    private List<String> gruppiDi(String utente) {
        return identityService.createGroupQuery().groupMember(utente).list().stream().map(g -> g.getId()).toList();
    }

    private List<String> attivitaVisibiliA(String utente) {
        ClientHttp.Risposta risposta = http.get("/engine-rest/task?processDefinitionKey="
                + CertificazioneAnagrafeBpmn.PROCESS_ID + "&processInstanceBusinessKeyLike=%25%3A" + ANNO_DEMO, utente);
        assertThat(risposta.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode task : risposta.json()) {
            ids.add(task.get("id").asText());
        }
        return ids;
    }

    private Task taskDi(String cfEnte) {
        return taskService.createTaskQuery()
                .processInstanceBusinessKey(CertificazioneAnagrafeBpmn.businessKey(cfEnte, ANNO_DEMO))
                .singleResult();
    }
}
