package it.piattaformacasa.anagrafe;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.anagrafe.process.CertificazioneAnagrafeBpmn.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.common.CodiceFiscale;

@IntegrationTest
class CertificazioneAnagrafeProcessTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    EnteProprietarioRepository enti;
    @Autowired
    CertificazioneAnagrafeRepository certificazioni;
    ClientHttp http;

    @BeforeEach
    void init() {
        http = new ClientHttp(port);
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void lOperatoreDellEnteCertificaIDatiEIlRiepilogoVieneRegistrato() {
        long aler = enteId(CF_ALER);
        ClientHttp.Risposta avvio = http.post("/api/enti/" + aler + "/certificazioni", ALER_AVVISO, "{\"anno\":2027}");
        assertThat(avvio.status()).isEqualTo(201);

        ProcessInstance istanza = istanza(CF_ALER, 2027);
        assertThat(istanza).isWaitingAt(TASK_CERTIFICA);
        Task task = taskService.createTaskQuery().processInstanceId(istanza.getId()).singleResult();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("ente-" + CF_ALER + "-avviso");

        assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", ALER_AVVISO,
                "{\"userId\":\"" + ALER_AVVISO + "\"}").status()).isEqualTo(204);
        ClientHttp.Risposta completa = http.post("/engine-rest/task/" + task.getId() + "/complete", ALER_AVVISO,
                "{\"variables\":{\"esito\":{\"value\":\"DATI_AGGIORNATI\"},\"note\":{\"value\":\"Verificati a novembre\"}}}");
        assertThat(completa.status()).isEqualTo(204);

        assertThat(istanza).hasPassed(TASK_CERTIFICA, SERVICE_REGISTRA, END_CERTIFICATA).isEnded();
        CertificazioneAnagrafe registrata = certificazioni.findByEnteIdAndAnno(aler, 2027).orElseThrow();
        assertThat(registrata.getEsito()).isEqualTo(CertificazioneAnagrafe.Esito.DATI_AGGIORNATI);
        assertThat(registrata.getCertificataDa()).isEqualTo(ALER_AVVISO);
        assertThat(registrata.getNumeroAlloggi()).isEqualTo(20);
        assertThat(registrata.getNumeroFabbricati()).isEqualTo(4);
        assertThat(registrata.getAlloggiPerStato().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(20);

        ClientHttp.Risposta elenco = http.get("/api/enti/" + aler + "/certificazioni", ALER_AVVISO);
        assertThat(elenco.json().get(0).get("anno").asInt()).isEqualTo(2027);
    }

    @Test
    void unaSecondaRichiestaPerLoStessoAnnoVieneRifiutataConConflitto() {
        long malnate = enteId(CF_COMUNE_MALNATE);
        assertThat(http.post("/api/enti/" + malnate + "/certificazioni", MALNATE, "{\"anno\":2028}").status()).isEqualTo(201);
        ClientHttp.Risposta seconda = http.post("/api/enti/" + malnate + "/certificazioni", MALNATE, "{\"anno\":2028}");
        assertThat(seconda.status()).isEqualTo(409);
        assertThat(seconda.json().get("detail").asText()).contains("già richiesta");
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey(CF_COMUNE_MALNATE, 2028)).count()).isEqualTo(1);
    }

    @Test
    void dichiarareNessunAlloggioConAlloggiInAnagrafeNonCompletaLAttivita() {
        long malnate = enteId(CF_COMUNE_MALNATE);
        http.post("/api/enti/" + malnate + "/certificazioni", MALNATE, "{\"anno\":2029}");
        ProcessInstance istanza = istanza(CF_COMUNE_MALNATE, 2029);
        Task task = taskService.createTaskQuery().processInstanceId(istanza.getId()).singleResult();
        http.post("/engine-rest/task/" + task.getId() + "/claim", MALNATE, "{\"userId\":\"" + MALNATE + "\"}");

        ClientHttp.Risposta completa = http.post("/engine-rest/task/" + task.getId() + "/complete", MALNATE,
                "{\"variables\":{\"esito\":{\"value\":\"NESSUN_ALLOGGIO\"}}}");

        assertThat(completa.status()).isGreaterThanOrEqualTo(400);
        assertThat(completa.body()).contains("non può dichiarare di non possederne");
        assertThat(istanza).isWaitingAt(TASK_CERTIFICA);
        assertThat(certificazioni.findByEnteIdAndAnno(malnate, 2029)).isEmpty();
    }

    @Test
    void unOperatoreDiUnAltroEnteNonPuoRichiedereLaCertificazione() {
        ClientHttp.Risposta risposta = http.post("/api/enti/" + enteId(CF_ALER) + "/certificazioni", CAPOFILA, "{\"anno\":2030}");
        assertThat(risposta.status()).isEqualTo(404);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(CF_ALER, 2030)).count()).isZero();
    }

    @Test
    void unAnnoNonValidoRestituisceIlCampoEIlMotivo() {
        ClientHttp.Risposta risposta = http.post("/api/enti/" + enteId(CF_ALER) + "/certificazioni", ALER_AVVISO, "{\"anno\":1990}");
        assertThat(risposta.status()).isEqualTo(400);
        assertThat(risposta.json().get("errori").get(0).get("campo").asText()).isEqualTo("anno");
        assertThat(risposta.json().get("errori").get(0).get("messaggio").asText()).isEqualTo("l'anno deve essere dal 2017");
    }

    private long enteId(String cf) {
        return enti.findByCodiceFiscale(CodiceFiscale.of(cf)).orElseThrow().getId();
    }

    private ProcessInstance istanza(String cf, int anno) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(cf, anno)).singleResult();
    }
}
