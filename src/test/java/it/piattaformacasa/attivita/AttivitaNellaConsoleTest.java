package it.piattaformacasa.attivita;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.common.process.PraticaNellElenco;

/**
 * Issue 12: a case page lists the case's open tasks — those the person may take or holds; every task for a supervisor
 * — and «Prendi in carico» from it takes the task as Tasklist does, on the API's terms, then opens it in Tasklist.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttivitaNellaConsoleTest {

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
    AttivitaProcesso processo;

    ClientHttp http;
    long avviso;
    String pagina;

    @BeforeAll
    void unAvvisoInSelezione() {
        http = new ClientHttp(port);
        avviso = new ScenarioAvviso(http, runtimeService, managementService, alloggi).predisposto();
        pagina = "/avvisi/" + avviso;
    }

    @AfterAll
    void togli() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID).processInstanceBusinessKey(Long.toString(avviso))
                .list().forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "fine del test"));
    }

    @Test
    void lOperatoreVedeLeSueAttivitaDellaPraticaIlSupervisoreTutte() {
        assertThat(processo.aperteDellaPagina(pagina, CAPOFILA, false)).extracting(AttivitaProcesso.AttivitaAperta::nome)
                .singleElement().asString().startsWith("Seleziona alloggi per l'avviso – Comune di Varese");
        assertThat(processo.aperteDellaPagina(pagina, SUPERVISORE, true)).extracting(AttivitaProcesso.AttivitaAperta::nome)
                .hasSize(3).anyMatch(n -> n.contains("Comune di Malnate")).anyMatch(n -> n.contains("ALER"));
        assertThat(processo.aperteDellaPagina("/avvisi/0", SUPERVISORE, true)).isEmpty();
    }

    @Test
    void prendereInCaricoDallaConsoleAssegnaLAttivitaEApreTasklist() {
        Task diMalnate = selezioneDi("00331030122");
        ClientHttp.Risposta presa = SessioneConsole.di(http, MALNATE).post("/attivita/" + diMalnate.getId() + "/prendi-in-carico", Map.of());
        assertThat(presa.status()).isEqualTo(302);
        assertThat(presa.raw().headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/camunda/app/tasklist/default/#/?task=" + diMalnate.getId()));
        assertThat(taskService.createTaskQuery().taskId(diMalnate.getId()).singleResult().getAssignee()).isEqualTo(MALNATE);
    }

    @Test
    void lAttivitaDiUnAltroEnteNonSiPrendeEIlRifiutoEUnaPaginaItaliana() {
        Task diAler = selezioneDi("00215400128");
        ClientHttp.Risposta rifiutata = SessioneConsole.di(http, MALNATE).post("/attivita/" + diAler.getId() + "/prendi-in-carico", Map.of());
        assertThat(rifiutata.status()).isEqualTo(404);
        assertThat(rifiutata.body()).contains("<html lang=\"it\"", "Non trovato", "non trovata");
        assertThat(taskService.createTaskQuery().taskId(diAler.getId()).singleResult().getAssignee()).isNull();
    }

    @Test
    void senzaIlTokenCsrfNienteCambia() {
        Task diVarese = selezioneDi("00441340122");
        ClientHttp.Risposta senza = SessioneConsole.di(http, CAPOFILA).post("/attivita/" + diVarese.getId() + "/prendi-in-carico",
                Map.of("_csrf", "falso"));
        assertThat(senza.status()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(diVarese.getId()).singleResult().getAssignee()).isNull();
    }

    private Task selezioneDi(String codiceFiscaleEnte) {
        return taskService.createTaskQuery().taskVariableValueEquals(PraticaNellElenco.VAR_PAGINA, pagina)
                .taskCandidateGroup("ente-" + codiceFiscaleEnte + "-avviso").singleResult();
    }
}
