package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneWebapp;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.process.PraticaNellElenco;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Issue 9, defect 1, for every user task of every process (read from {@code processes/}, so a new task is covered the
 * day it is modelled): none of its form fields reuses a variable the platform set, and a completion that tries to
 * change any of those variables is refused — through {@code /engine-rest} and through the webapps' API that Tasklist
 * uses, by an administrator, who may do the most — with the task left open and the variable unchanged. The same for
 * the variables written on the task for Tasklist's list (issue 11: ente, comune, avviso, pratica, termine).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TutteLeAttivitaProtetteTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
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
    SessioneWebapp tasklist;
    /** Business key and variables an instance of each process starts with, as its process adapter gives them. */
    final Map<String, Map<String, Object>> avvio = new HashMap<>();
    final Map<String, String> chiave = new HashMap<>();
    final List<String> avviate = new ArrayList<>();

    record AttivitaUtente(String processo, String attivita, boolean multipla) {
        @Override
        public String toString() {
            return processo + " / " + attivita;
        }
    }

    static Stream<AttivitaUtente> attivita() throws IOException {
        List<AttivitaUtente> tutte = new ArrayList<>();
        for (Resource modello : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = modello.getInputStream()) {
                BpmnModelInstance bpmn = Bpmn.readModelFromStream(in);
                String processo = bpmn.getModelElementsByType(Process.class).iterator().next().getId();
                bpmn.getModelElementsByType(UserTask.class).forEach(t -> tutte.add(new AttivitaUtente(processo, t.getId(),
                        t.getLoopCharacteristics() != null)));
            }
        }
        assertThat(tutte).as("user tasks in processes/").hasSizeGreaterThanOrEqualTo(11);
        return tutte.stream();
    }

    @BeforeAll
    void praticheVere() {
        http = new ClientHttp(port);
        tasklist = SessioneWebapp.accedi(http, ADMIN);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        Alloggio varese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        long avviso = scenario.aperto(List.of(varese), List.of(CAPOFILA));
        String body = DomandaDiProva.json("BNCMRA66C41L682D", varese.getId());
        ClientHttp.Risposta domanda = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(domanda.status()).as(domanda.body()).isEqualTo(201);
        Graduatoria definitiva = scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService, jdbc, true).get(0);
        long ente = definitiva.getEnte().getId();

        chiave.put("avviso", Long.toString(scenario.predisposto()));
        avvio.put("avviso", Map.of("avvisoId", Long.parseLong(chiave.get("avviso"))));
        chiave.put("graduatoria", definitiva.getId().toString());
        avvio.put("graduatoria", Map.of("graduatoriaId", definitiva.getId()));
        chiave.put("istruttoria", "900001");
        avvio.put("istruttoria", Map.of("istruttoriaId", 900001L, "gruppoCandidato", "ente-" + CF_COMUNE_VARESE + "-istruttoria"));
        chiave.put("contratto", "900002");
        avvio.put("contratto", Map.of("assegnazioneId", 900002L, "gruppoCandidato", "ente-" + CF_COMUNE_VARESE,
                "scadenza", Date.from(Instant.now().plus(30, ChronoUnit.DAYS))));
        chiave.put("certificazione-anagrafe", "certificazione-anagrafe:" + CF_COMUNE_VARESE + ":2098");
        avvio.put("certificazione-anagrafe", Map.of("enteId", ente, "anno", 2098, "gruppoCandidato", "ente-" + CF_COMUNE_VARESE + "-avviso"));
        // issue 14: a request of abilitazione of the Comune di Varese
        long richiesta = jdbc.queryForObject("insert into richiesta_abilitazione (ente_id, tipo, stato, inviata_da, inviata_il)"
                + " values (?, 'ABILITAZIONE', 'NON_INVIATA', 'capofila', now()) returning id", Long.class, ente);
        chiave.put("abilitazioni", Long.toString(richiesta));
        avvio.put("abilitazioni", Map.of("richiestaId", richiesta));
        chiave.put("pubblicazione-regole", "attivita-protette");
        avvio.put("pubblicazione-regole", Map.of("nome", "attivita-protette", "versione", 1, "richiedente", ANALISTA,
                "autore", ANALISTA, "validoDal", LocalDate.now(ROMA).plusYears(50).toString()));
        // an annual plan of the demo ambito: its enti's communications are the tasks' elements (issue 13)
        ClientHttp.Risposta piano = http.post("/api/programmazione", CAPOFILA, "{\"ambito\":\"VARESE\",\"anno\":2097,"
                + "\"inizioComunicazioni\":\"" + LocalDate.now(ROMA) + "\",\"fineComunicazioni\":\"" + LocalDate.now(ROMA).plusDays(10)
                + "\"}");
        assertThat(piano.status()).as(piano.body()).isEqualTo(201);
        chiave.put("programmazione-annuale", piano.json().get("id").asText());
        avvio.put("programmazione-annuale", Map.of("pianoId", piano.json().get("id").asLong()));
        // a rettifica needs a real request: the deadline is read from it
        long perRettifica = scenario.aperto(List.of(varese), List.of(CAPOFILA));
        ClientHttp.Risposta seconda = http.post("/api/avvisi/" + perRettifica + "/domande", CAPOFILA, body);
        assertThat(seconda.status()).as(seconda.body()).isEqualTo(201);
        scenario.eseguiTimer(perRettifica, it.piattaformacasa.avviso.process.AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(perRettifica, it.piattaformacasa.avviso.process.AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        Graduatoria provvisoria = graduatorie.findByAvvisoIdOrderById(perRettifica).get(0);
        LocalDate oggi = LocalDate.now(ROMA);
        graduatorieService.approva(provvisoria.getId(), "DET-T", oggi, Graduatoria.Pubblicazione.SITO_ENTE, oggi, CAPOFILA);
        ClientHttp.Risposta rettifica = http.post("/api/graduatorie/" + provvisoria.getId() + "/rettifiche", CAPOFILA,
                "{\"domandaId\":" + seconda.json().get("id").asLong() + ",\"codiceFiscaleComponente\":\"BNCMRA66C41L682D\","
                        + "\"percentualeInvalidita\":80}");
        assertThat(rettifica.status()).as(rettifica.body()).isEqualTo(201);
        chiave.put("rettifica-invalidita", rettifica.json().get("id").asText());
        avvio.put("rettifica-invalidita", Map.of("rettificaId", rettifica.json().get("id").asLong(),
                "gruppoCandidato", "ente-" + CF_COMUNE_VARESE));
    }

    @AfterAll
    void togliLeIstanzeDiProva() {
        avviate.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "fine del test", true, true, true, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attivita")
    void nessunCompletamentoCambiaLaPratica(AttivitaUtente attivita) throws Exception {
        assertThat(avvio).as("how an instance of %s starts", attivita.processo()).containsKey(attivita.processo());
        Task task = apri(attivita);
        Map<String, Object> diSistema = new HashMap<>(runtimeService.getVariables(task.getExecutionId()));
        assertThat(diSistema).isNotEmpty();
        // what the list shows (issue 11) is written on the task by the platform, and protected the same way
        Map<String, Object> nellElenco = taskService.getVariablesLocal(task.getId());
        assertThat(nellElenco).as("variables of %s shown in Tasklist's list", attivita)
                .containsKeys(PraticaNellElenco.VAR_PRATICA, PraticaNellElenco.VAR_SCADENZA, PraticaNellElenco.VAR_TERMINE);
        diSistema.putAll(nellElenco);

        Set<String> campi = campiDelForm(task);
        assertThat(campi).as("form fields of %s", attivita).isNotEmpty().doesNotContainAnyElementsOf(diSistema.keySet());

        for (String nome : diSistema.keySet()) {
            ObjectNode corpo = JSON.createObjectNode();
            corpo.putObject("variables").putObject(nome).put("value", "un altro valore");
            ClientHttp.Risposta rest = http.post("/engine-rest/task/" + task.getId() + "/complete", ADMIN, corpo.toString());
            assertThat(rest.status()).as(attivita + " " + nome + ": " + rest.body()).isEqualTo(400);
            assertThat(rest.json().get("detail").asText()).contains(nome);
            ClientHttp.Risposta webapp = tasklist.post(SessioneWebapp.API_ENGINE + "/task/" + task.getId() + "/submit-form",
                    corpo.toString());
            assertThat(webapp.status()).as(attivita + " " + nome + " (Tasklist): " + webapp.body()).isEqualTo(400);
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isEqualTo(1);
        Map<String, Object> dopo = new HashMap<>(runtimeService.getVariables(task.getExecutionId()));
        dopo.putAll(taskService.getVariablesLocal(task.getId()));
        assertThat(confrontabili(dopo)).isEqualTo(confrontabili(diSistema));
    }

    /**
     * The variables as values that compare by content: a Json variable (Spin's SpinJsonNode, whose equals is identity,
     * read afresh each time) by its serialized text, which holds all of it; every other value as it is.
     */
    private static Map<String, Object> confrontabili(Map<String, Object> variabili) {
        Map<String, Object> valori = new HashMap<>();
        variabili.forEach((nome, valore) -> valori.put(nome,
                valore instanceof SpinJsonNode json ? "Json " + json.toString() : valore));
        return valori;
    }

    /** An open task of the activity: the instance its process adapter would start, placed before that task. */
    private Task apri(AttivitaUtente attivita) {
        String istanza = runtimeService.createProcessInstanceByKey(attivita.processo())
                .businessKey(chiave.get(attivita.processo()))
                .setVariables(avvio.get(attivita.processo()))
                // a multi-instance task starts with its body, which creates one task per element
                .startBeforeActivity(attivita.attivita() + (attivita.multipla() ? "#multiInstanceBody" : ""))
                .execute().getId();
        avviate.add(istanza);
        return taskService.createTaskQuery().processInstanceId(istanza).taskDefinitionKey(attivita.attivita()).list().get(0);
    }

    private Set<String> campiDelForm(Task task) throws IOException {
        Set<String> campi = new HashSet<>();
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            raccogli(JSON.readTree(form), campi);
        }
        return campi;
    }

    private static void raccogli(com.fasterxml.jackson.databind.JsonNode nodo, Set<String> campi) {
        for (var componente : nodo.path("components")) {
            if (componente.hasNonNull("key")) {
                campi.add(componente.get("key").asText());
            }
            raccogli(componente, campi);
        }
    }
}
