package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneWebapp;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.process.GraduatoriaBpmn;

/**
 * Issue 9, defects 1–4: what an operator can do to a task through the engine's doors (engine REST, the webapps'
 * API that Tasklist uses, the Java services). Each test is an attack that succeeded before the engine guard.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegritaAttivitaTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    JdbcTemplate jdbc;
    ClientHttp http;
    ScenarioAvviso scenario;
    long avviso;

    @BeforeAll
    void dueGraduatorieDiEntiDiversi() {
        http = new ClientHttp(port);
        scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        Alloggio aler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 3).get(2);
        Alloggio varese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 3).get(2);
        avviso = scenario.aperto(List.of(aler, varese), List.of(ALER_AVVISO, CAPOFILA));
        // resident in Varese, working in Gazzada Schianno where ALER's alloggio is (art. 9)
        String body = DomandaDiProva.unaDomanda("VRDLGU75C10L682S", aler.getId(), varese.getId())
                .lavoraA(aler.getComune().getCodiceIstat()).json();
        ClientHttp.Risposta domanda = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(domanda.status()).as(domanda.body()).isEqualTo(201);
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avviso, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        assertThat(graduatorie.findByAvvisoIdOrderById(avviso)).hasSize(2);
    }

    @AfterEach
    void nessunoAutenticato() {
        identityService.clearAuthentication();
    }

    @Test
    void completareConLIdDellaGraduatoriaDiUnAltroEnteVieneRifiutatoENonCambiaNulla() {
        Graduatoria diVarese = graduatoriaDi("Comune di Varese");
        Graduatoria diAler = graduatoriaDi("ALER");
        Task task = approvazioneDi(diVarese);
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", CAPOFILA, "{\"userId\":\"capofila\"}").status())
                .isEqualTo(204);

        for (String iniezione : List.of("\"graduatoriaId\":{\"value\":" + diAler.getId() + ",\"type\":\"Long\"}",
                "\"completataDa\":{\"value\":\"aler.avviso\"}", "\"gruppoCandidato\":{\"value\":\"ente-" + CF_ALER + "-avviso\"}")) {
            ClientHttp.Risposta risposta = http.post("/engine-rest/task/" + task.getId() + "/complete", CAPOFILA,
                    "{\"variables\":{" + iniezione + "," + approvazioneValida() + "}}");
            assertThat(risposta.status()).as(risposta.body()).isEqualTo(400);
            assertThat(risposta.body()).contains(iniezione.substring(1, iniezione.indexOf('"', 1)));
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isEqualTo(1);
        // neither graduatoria was approved by capofila (ALER's own operator may approve ALER's in another test)
        assertThat(graduatorie.findById(diAler.getId()).orElseThrow().getApprovataDa()).isNotEqualTo(CAPOFILA);
        assertThat(graduatorie.findById(diVarese.getId()).orElseThrow().getApprovataDa()).isNull();
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), GraduatoriaBpmn.VAR_GRADUATORIA_ID))
                .isEqualTo(diVarese.getId());
    }

    @Test
    void ancheLaSubmitFormDiTasklistRifiutaLIniezione() {
        Graduatoria diVarese = graduatoriaDi("Comune di Varese");
        Graduatoria diAler = graduatoriaDi("ALER");
        Task task = approvazioneDi(diVarese);
        SessioneWebapp tasklist = SessioneWebapp.accedi(http, CAPOFILA);
        tasklist.post(SessioneWebapp.API_ENGINE + "/task/" + task.getId() + "/claim", "{\"userId\":\"capofila\"}");

        ClientHttp.Risposta risposta = tasklist.post(SessioneWebapp.API_ENGINE + "/task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"graduatoriaId\":{\"value\":" + diAler.getId() + ",\"type\":\"Long\"}," + approvazioneValida() + "}}");

        assertThat(risposta.status()).as(risposta.body()).isEqualTo(400);
        assertThat(risposta.body()).contains("graduatoriaId");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(graduatorie.findById(diAler.getId()).orElseThrow().getApprovataDa()).isNotEqualTo(CAPOFILA);
    }

    @Test
    void unaVariabileCheRipeteIlValoreDellaPraticaEAmmessaEIlFormCompletaLaSuaPratica() {
        Graduatoria diAler = graduatoriaDi("ALER");
        Graduatoria diVarese = graduatoriaDi("Comune di Varese");
        Task task = approvazioneDi(diAler);
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", ALER_AVVISO, "{\"userId\":\"aler.avviso\"}").status())
                .isEqualTo(204);

        ClientHttp.Risposta risposta = http.post("/engine-rest/task/" + task.getId() + "/complete", ALER_AVVISO,
                "{\"variables\":{\"graduatoriaId\":{\"value\":" + diAler.getId() + ",\"type\":\"Integer\"}," + approvazioneValida() + "}}");

        assertThat(risposta.status()).as(risposta.body()).isEqualTo(204);
        assertThat(graduatorie.findById(diAler.getId()).orElseThrow().getApprovataDa()).isEqualTo(ALER_AVVISO);
        assertThat(graduatorie.findById(diVarese.getId()).orElseThrow().getApprovataDa()).isNull();
        // the form's values are the task's record, not process variables another step could reuse
        List<HistoricVariableInstance> registrate = historyService.createHistoricVariableInstanceQuery().taskIdIn(task.getId()).list();
        assertThat(registrate).extracting(HistoricVariableInstance::getName)
                .contains("numeroProvvedimento", "dataPubblicazione", "completataDa").doesNotContain("graduatoriaId");
        assertThat(runtimeService.getVariables(task.getProcessInstanceId()))
                .doesNotContainKeys("numeroProvvedimento", "dataPubblicazione", "pubblicazione", "completataDa");
    }

    @Test
    void leAttivitaParalleleDiEntiDiversiNonCondividonoIDatiDelForm() {
        long predisposto = scenario.predisposto();
        ProcessInstance istanza = istanzaAvviso(predisposto);
        Task diAler = selezioneDi(istanza, CF_ALER);
        Task diMalnate = selezioneDi(istanza, CF_COMUNE_MALNATE);
        Task diVarese = selezioneDi(istanza, CF_COMUNE_VARESE);

        http.post("/engine-rest/task/" + diAler.getId() + "/claim", ALER_AVVISO, "{\"userId\":\"aler.avviso\"}");
        ClientHttp.Risposta completata = http.post("/engine-rest/task/" + diAler.getId() + "/complete", ALER_AVVISO,
                "{\"variables\":{\"selezioneCompletata\":{\"value\":true,\"type\":\"Boolean\"},"
                        + "\"noteSelezione\":{\"value\":\"Nota riservata di ALER\"}}}");
        assertThat(completata.status()).as(completata.body()).isEqualTo(204);

        // Malnate's form opens empty: neither ALER's tick nor its note
        ClientHttp.Risposta modulo = http.get("/engine-rest/task/" + diMalnate.getId() + "/form-variables", MALNATE);
        assertThat(modulo.status()).isEqualTo(200);
        assertThat(modulo.json().has("noteSelezione")).as(modulo.body()).isFalse();
        assertThat(modulo.json().has("selezioneCompletata")).isFalse();
        assertThat(modulo.json().has("completataDa")).isFalse();
        SessioneWebapp tasklist = SessioneWebapp.accedi(http, MALNATE);
        assertThat(tasklist.get(SessioneWebapp.API_ENGINE + "/task/" + diMalnate.getId() + "/form-variables").body())
                .doesNotContain("Nota riservata di ALER");

        // capofila completes without a note: its task's record carries no text of ALER's
        http.post("/engine-rest/task/" + diVarese.getId() + "/claim", CAPOFILA, "{\"userId\":\"capofila\"}");
        assertThat(http.post("/engine-rest/task/" + diVarese.getId() + "/complete", CAPOFILA,
                "{\"variables\":{\"selezioneCompletata\":{\"value\":true,\"type\":\"Boolean\"}}}").status()).isEqualTo(204);
        Map<String, Object> diCapofila = registro(diVarese);
        assertThat(diCapofila).doesNotContainKey("noteSelezione").containsEntry("completataDa", CAPOFILA);
        assertThat(registro(diAler)).containsEntry("noteSelezione", "Nota riservata di ALER").containsEntry("completataDa", ALER_AVVISO);
        assertThat(runtimeService.getVariables(istanza.getId())).doesNotContainKeys("noteSelezione", "selezioneCompletata", "completataDa");
    }

    @Test
    void nessunoPrendeInCaricoUnAttivitaANomeDiUnAltro() {
        Task task = selezioneDi(istanzaAvviso(scenario.predisposto()), CF_COMUNE_VARESE);

        ClientHttp.Risposta perAltri = http.post("/engine-rest/task/" + task.getId() + "/claim", CAPOFILA, "{\"userId\":\"aler.avviso\"}");
        assertThat(perAltri.status()).as(perAltri.body()).isEqualTo(403);
        SessioneWebapp tasklist = SessioneWebapp.accedi(http, CAPOFILA);
        assertThat(tasklist.post(SessioneWebapp.API_ENGINE + "/task/" + task.getId() + "/claim", "{\"userId\":\"aler.avviso\"}")
                .status()).isEqualTo(403);
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/delegate", CAPOFILA, "{\"userId\":\"aler.avviso\"}").status())
                .isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

        // an administrator may give it to a candidate, never to someone outside the ente
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", ADMIN, "{\"userId\":\"aler.avviso\"}").status())
                .isEqualTo(403);
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/assignee", ADMIN, "{\"userId\":\"malnate\"}").status())
                .isEqualTo(403);
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", ADMIN, "{\"userId\":\"capofila\"}").status())
                .isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(CAPOFILA);

        // and whoever holds it is the only one (with the administrators) who may release it
        String collega = collegaDiCapofila();
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/unclaim", collega, "").status()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(CAPOFILA);
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/unclaim", CAPOFILA, "").status()).isEqualTo(204);
    }

    @Test
    void unJobEseguitoAManoDaChiNonPuoNonPerdeTentativi() {
        long predisposto = scenario.predisposto();
        Job apertura = jobDi(istanzaAvviso(predisposto), AvvisoBpmn.TIMER_FINE_SELEZIONE);
        int tentativi = apertura.getRetries();

        for (String utente : List.of(ANALISTA, SUPERVISORE, CAPOFILA)) {
            for (int i = 0; i < 3; i++) {
                ClientHttp.Risposta risposta = http.post("/engine-rest/job/" + apertura.getId() + "/execute", utente, "");
                assertThat(risposta.status()).as(utente + ": " + risposta.body()).isEqualTo(403);
            }
        }
        // the engine itself refuses before touching the job, whatever door the call came through
        identityService.setAuthentication(SUPERVISORE, List.of("supervisori"));
        assertThatThrownBy(() -> managementService.executeJob(apertura.getId())).hasMessageContaining("amministratore");
        identityService.clearAuthentication();

        Job dopo = managementService.createJobQuery().jobId(apertura.getId()).singleResult();
        assertThat(dopo.getRetries()).isEqualTo(tentativi);
        assertThat(dopo.getExceptionMessage()).isNull();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(dopo.getProcessInstanceId()).count()).isZero();
    }

    @Test
    void leVariabiliSiScrivonoSoloDaAmministratoreEMaiCompletandoDaJava() {
        Task task = selezioneDi(istanzaAvviso(scenario.predisposto()), CF_ALER);
        identityService.setAuthentication(ALER_AVVISO, List.of("ente-" + CF_ALER + "-avviso"));
        assertThatThrownBy(() -> taskService.setVariable(task.getId(), "avvisoId", 1L)).hasMessageContaining("amministratore");
        assertThatThrownBy(() -> taskService.setVariableLocal(task.getId(), "nome", "isbar")).hasMessageContaining("amministratore");
        assertThatThrownBy(() -> taskService.handleBpmnError(task.getId(), "X")).hasMessageContaining("amministratore");
        identityService.clearAuthentication();
        // the platform's own code obeys the form too
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("avvisoId", 999L)))
                .hasMessageContaining("avvisoId");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    /** Found by the review of this change: a claim naming nobody released a colleague's task, who could then take it. */
    @Test
    void unCollegaNonRilasciaNeCompletaLAttivitaCheUnAltroTiene() {
        Task task = selezioneDi(istanzaAvviso(scenario.predisposto()), CF_COMUNE_VARESE);
        String collega = collegaDiCapofila();
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", CAPOFILA, "{\"userId\":\"capofila\"}").status())
                .isEqualTo(204);

        ClientHttp.Risposta rilascio = http.post("/engine-rest/task/" + task.getId() + "/claim", collega, "{}");
        assertThat(rilascio.status()).as(rilascio.body()).isEqualTo(403);
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/delegate", collega, "{}").status()).isIn(400, 403);
        ClientHttp.Risposta completa = http.post("/engine-rest/task/" + task.getId() + "/complete", collega,
                "{\"variables\":{\"selezioneCompletata\":{\"value\":true,\"type\":\"Boolean\"}}}");
        assertThat(completa.status()).as(completa.body()).isEqualTo(409);
        assertThat(completa.json().get("detail").asText()).contains("capofila");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(CAPOFILA);

        // the holder releases it naming nobody, as Camunda's own claim allows
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/claim", CAPOFILA, "{}").status()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    /** Found by the review: only the names were checked, not what the form's fields held. */
    @Test
    void iCampiDelModuloHannoIlTipoIlTestoEIValoriCheIlModuloConsente() {
        Task task = selezioneDi(istanzaAvviso(scenario.predisposto()), CF_ALER);
        http.post("/engine-rest/task/" + task.getId() + "/claim", ALER_AVVISO, "{\"userId\":\"aler.avviso\"}");
        String conferma = "\"selezioneCompletata\":{\"value\":true,\"type\":\"Boolean\"}";
        for (String[] caso : List.of(
                new String[] {"\"noteSelezione\":{\"type\":\"Bytes\",\"value\":\"AAAA\"}", "noteSelezione"},
                new String[] {"\"noteSelezione\":{\"value\":\"nota\\u202e\\u0007\"}", "noteSelezione"},
                new String[] {"\"noteSelezione\":{\"value\":\"" + "x".repeat(2001) + "\"}", "noteSelezione"},
                new String[] {"\"noteSelezione\":{\"type\":\"Object\",\"value\":\"rO0ABXQAAXg=\",\"valueInfo\":{"
                        + "\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}",
                        "noteSelezione"})) {
            ClientHttp.Risposta risposta = http.post("/engine-rest/task/" + task.getId() + "/complete", ALER_AVVISO,
                    "{\"variables\":{" + conferma + "," + caso[0] + "}}");
            assertThat(risposta.status()).as(caso[0] + ": " + risposta.body()).isEqualTo(400);
            assertThat(risposta.body()).contains(caso[1]);
        }
        // a required field left out through REST: Tasklist would not let it go either
        ClientHttp.Risposta senza = http.post("/engine-rest/task/" + task.getId() + "/complete", ALER_AVVISO,
                "{\"variables\":{\"noteSelezione\":{\"value\":\"nota\"}}}");
        assertThat(senza.status()).isEqualTo(400);
        // the field by its key, the reason with the label the operator reads
        assertThat(senza.body()).contains("\"campo\":\"selezioneCompletata\"",
                "Confermo di aver inserito tutti gli alloggi dell'ente per questo avviso: obbligatorio");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        // a multi-line note is a note
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/complete", ALER_AVVISO,
                "{\"variables\":{" + conferma + ",\"noteSelezione\":{\"value\":\"riga uno\\nriga due\"}}}").status()).isEqualTo(204);
    }

    /** Found by the review: requests with values the database refuses answered 500. */
    @Test
    void valoriCheIlDatabaseRifiutaSonoErroriDiChiChiede() {
        for (String percorso : List.of("/engine-rest/task?firstResult=-5&maxResults=-3", "/engine-rest/task?nameLike=%5C",
                "/engine-rest/task?dueAfter=-99999-01-01T00:00:00.000%2B0000")) {
            ClientHttp.Risposta risposta = http.get(percorso, CAPOFILA);
            assertThat(risposta.status()).as(percorso + ": " + risposta.body()).isEqualTo(400);
        }
        assertThat(http.get("/engine-rest/task/nonesiste/deployed-form", CAPOFILA).status()).isEqualTo(404);
        ClientHttp.Risposta nul = http.invia(http.richiesta("/api/me", null).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("a\u0000b:x".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .GET().build());
        assertThat(nul.status()).isEqualTo(401);
        // OPTIONS does not describe the API to whoever asks
        ClientHttp.Risposta opzioni = http.invia(http.richiesta("/engine-rest/task", MALNATE)
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(opzioni.body()).doesNotContain("<application", "wadl");
    }

    /** Found by the review: ten wrong passwords of anybody, without logging in, locked that user for good. */
    @Test
    void nessunoBloccaPerSempreUnUtenteSbagliandoPassword(@Autowired org.camunda.bpm.engine.ProcessEngine motore) {
        var configurazione = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) motore.getProcessEngineConfiguration();
        assertThat(configurazione.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(configurazione.getLoginDelayMaxTime()).as("the growing delay stays").isPositive();
    }

    @Test
    void ventiPreseInCaricoSimultaneeDallApiHannoUnSoloVincitore() throws Exception {
        Task task = selezioneDi(istanzaAvviso(scenario.predisposto()), CF_COMUNE_MALNATE);
        List<String> colleghi = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            colleghi.add(collega("concorrente." + i, "ente-" + CF_COMUNE_MALNATE + "-avviso"));
        }
        java.util.concurrent.CountDownLatch via = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService esecutore = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<ClientHttp.Risposta>> risposte = new java.util.ArrayList<>();
            for (String collega : colleghi) {
                risposte.add(esecutore.submit(() -> {
                    via.await();
                    return http.post("/api/attivita/" + task.getId() + "/prendi-in-carico", collega, "");
                }));
            }
            via.countDown();
            Map<Integer, Integer> perStato = new java.util.TreeMap<>();
            for (var risposta : risposte) {
                ClientHttp.Risposta r = risposta.get(60, java.util.concurrent.TimeUnit.SECONDS);
                perStato.merge(r.status(), 1, Integer::sum);
                if (r.status() == 409) {
                    assertThat(r.json().get("detail").asText()).as(r.body()).containsAnyOf("presa in carico", "in carico a");
                }
            }
            assertThat(perStato).isEqualTo(Map.of(204, 1, 409, 19));
        } finally {
            esecutore.shutdownNow();
        }
        assertThat(colleghi).contains(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee());
    }

    private String approvazioneValida() {
        LocalDate oggi = LocalDate.now(ROMA);
        return "\"numeroProvvedimento\":{\"value\":\"DET-9\"},\"dataProvvedimento\":{\"value\":\"" + oggi + "\"},"
                + "\"pubblicazione\":{\"value\":\"SITO_ENTE\"},\"dataPubblicazione\":{\"value\":\"" + oggi + "\"}";
    }

    /** A second operator of the Comune di Varese's «Gestione avviso» group, for this test only. */
    private String collegaDiCapofila() {
        return collega("collega.capofila", "ente-" + CF_COMUNE_VARESE + "-avviso");
    }

    /** A Camunda user of this test only (no operatore row, as users created in Camunda Admin), member of the group. */
    private String collega(String utente, String gruppo) {
        if (identityService.createUserQuery().userId(utente).count() == 0) {
            var nuovo = identityService.newUser(utente);
            nuovo.setFirstName("Collega");
            nuovo.setLastName(utente);
            nuovo.setPassword(PASSWORD);
            identityService.saveUser(nuovo);
            identityService.createMembership(utente, gruppo);
        }
        return utente;
    }

    private Map<String, Object> registro(Task task) {
        Map<String, Object> valori = new java.util.HashMap<>();
        historyService.createHistoricVariableInstanceQuery().taskIdIn(task.getId()).list()
                .forEach(v -> valori.put(v.getName(), v.getValue()));
        return valori;
    }

    private Graduatoria graduatoriaDi(String ente) {
        return graduatorie.findByAvvisoIdOrderById(avviso).stream()
                .filter(g -> g.getEnte().getRagioneSociale().startsWith(ente)).findFirst().orElseThrow();
    }

    private Task approvazioneDi(Graduatoria graduatoria) {
        return taskService.createTaskQuery().processDefinitionKey(GraduatoriaBpmn.PROCESS_ID)
                .processInstanceBusinessKey(graduatoria.getId().toString()).taskDefinitionKey(GraduatoriaBpmn.TASK_APPROVA)
                .singleResult();
    }

    private ProcessInstance istanzaAvviso(long id) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(id)).singleResult();
    }

    private Task selezioneDi(ProcessInstance istanza, String cfEnte) {
        return taskService.createTaskQuery().processInstanceId(istanza.getId()).taskDefinitionKey(AvvisoBpmn.TASK_SELEZIONA_ALLOGGI)
                .taskCandidateGroup("ente-" + cfEnte + "-avviso").singleResult();
    }

    private Job jobDi(ProcessInstance istanza, String attivita) {
        return managementService.createJobQuery().processInstanceId(istanza.getId()).activityId(attivita).singleResult();
    }
}
