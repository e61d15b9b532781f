package it.piattaformacasa.operatori;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.avviso.process.AvvisoBpmn;

/**
 * Issue 11: the shared Tasklist filters per role, read and listed through the engine's REST API as Tasklist does
 * ({@code /filter/{id}/list} with HAL, which embeds the variables the filter shows). An operator reads the four
 * filters of everybody and finds in them its ente's tasks only; a supervisor also «Tutte le scadenze di legge», and
 * every ente's tasks.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiltriTasklistTest {

    static final String MIO_ENTE = "Le attività del mio ente";
    static final String MIE = "Prese in carico da me";
    static final String IN_SCADENZA = "In scadenza (3 giorni)";
    static final String SCADUTE = "Scadute";
    static final String DI_LEGGE = "Tutte le scadenze di legge";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    FilterService filterService;
    @Autowired
    OperatoriService operatori;

    ClientHttp http;
    final Map<String, String> filtri = new HashMap<>();
    String istanza;
    Task diMalnate;
    Task diAler;

    @BeforeAll
    void treEntiSelezionanoGliAlloggiDiUnAvviso() {
        http = new ClientHttp(port);
        for (JsonNode filtro : http.get("/engine-rest/filter?resourceType=Task", ADMIN).json()) {
            filtri.put(filtro.get("name").asText(), filtro.get("id").asText());
        }
        long avviso = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("Filtri di prova").predisposto();
        istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(avviso)).singleResult().getId();
        diMalnate = selezioneDi("ente-" + CF_COMUNE_MALNATE + "-avviso");
        diAler = selezioneDi("ente-" + CF_ALER + "-avviso");
    }

    @AfterAll
    void togliLAvviso() {
        runtimeService.deleteProcessInstanceIfExists(istanza, "fine del test", true, true, true, false);
    }

    @Test
    void ogniRuoloLeggeIFiltriDelSuoLavoro() {
        assertThat(filtri).containsKeys(MIO_ENTE, MIE, IN_SCADENZA, SCADUTE, DI_LEGGE)
                .as("the earlier names are renamed, not duplicated").doesNotContainKeys("Attività del mio ente", "Scadute o in scadenza");
        assertThat(nomiDeiFiltri(MALNATE)).contains(MIO_ENTE, MIE, IN_SCADENZA, SCADUTE).doesNotContain(DI_LEGGE);
        assertThat(nomiDeiFiltri(ANALISTA)).contains(MIO_ENTE, MIE).doesNotContain(DI_LEGGE);
        assertThat(nomiDeiFiltri(SUPERVISORE)).contains(MIO_ENTE, MIE, IN_SCADENZA, SCADUTE, DI_LEGGE);
        assertThat(http.get("/engine-rest/filter/" + filtri.get(DI_LEGGE), MALNATE).status()).isIn(403, 404);
        assertThat(http.post("/engine-rest/filter/" + filtri.get(DI_LEGGE) + "/list", MALNATE, "{}").status()).isIn(403, 404);
    }

    @Test
    void ogniFiltroHaIlSuoCriterioEOrdinaPerScadenzaMostrandoLaPratica() {
        JsonNode mioEnte = filtro(MIO_ENTE);
        assertThat(mioEnte.at("/query/candidateGroupsExpression").asText()).isEqualTo("${currentUserGroups()}");
        assertThat(mioEnte.at("/query/includeAssignedTasks").asBoolean()).isTrue();
        assertThat(filtro(MIE).at("/query/assigneeExpression").asText()).isEqualTo("${currentUser()}");
        JsonNode inScadenza = filtro(IN_SCADENZA);
        assertThat(inScadenza.at("/query/dueAfterExpression").asText()).isEqualTo("${now()}");
        assertThat(inScadenza.at("/query/dueBeforeExpression").asText()).isEqualTo("${dateTime().plusDays(3)}");
        assertThat(filtro(SCADUTE).at("/query/dueBeforeExpression").asText()).isEqualTo("${now()}");
        assertThat(filtro(DI_LEGGE).at("/query/dueAfter").isMissingNode()).as("only tasks with a due date").isFalse();

        List<Integer> priorita = new ArrayList<>();
        for (String nome : List.of(MIO_ENTE, MIE, IN_SCADENZA, SCADUTE, DI_LEGGE)) {
            JsonNode filtro = filtro(nome);
            assertThat(filtro.at("/query/sorting/0/sortBy").asText()).as(nome).isEqualTo("dueDate");
            assertThat(filtro.at("/query/sorting/0/sortOrder").asText()).as(nome).isEqualTo("asc");
            assertThat(filtro.at("/properties/variables")).as(nome).extracting(v -> v.get("name").asText() + "=" + v.get("label").asText())
                    .containsExactly("praticaScadenza=Scadenza", "praticaOggetto=Pratica", "praticaTermine=Termine",
                            "praticaEnte=Ente", "praticaComune=Comune", "praticaAvviso=Avviso");
            assertThat(filtro.at("/properties/description").asText()).as(nome).isNotBlank();
            priorita.add(filtro.at("/properties/priority").asInt());
        }
        assertThat(priorita).as("the order in Tasklist's side bar").isSorted().doesNotHaveDuplicates();
    }

    @Test
    void unOperatoreTrovaNelFiltroDelSuoEnteSoloLeSueAttivitaConIDatiDellaPratica() {
        JsonNode elenco = elenco(MIO_ENTE, MALNATE);

        assertThat(ids(elenco)).contains(diMalnate.getId()).doesNotContain(diAler.getId())
                .allSatisfy(id -> assertThat(diMalnate(id)).as("task %s in Malnate's list", id).isTrue());
        JsonNode laSua = compito(elenco, diMalnate.getId());
        assertThat(laSua.get("name").asText()).isEqualTo("Seleziona alloggi per l'avviso – Comune di Malnate, Malnate – "
                + "Avviso «Filtri di prova»");
        Map<String, String> mostrate = variabili(laSua);
        assertThat(mostrate).containsEntry("praticaEnte", "Comune di Malnate").containsEntry("praticaComune", "Malnate")
                .containsEntry("praticaAvviso", "Filtri di prova").containsKeys("praticaOggetto", "praticaScadenza")
                .containsEntry("praticaTermine", "24 ore prima dell'apertura ai cittadini");
        assertThat(mostrate.get("praticaScadenza")).matches("\\d{2}/\\d{2}/\\d{4} ore \\d{2}:\\d{2}");

        assertThat(ids(elenco(MIO_ENTE, SUPERVISORE))).as("supervisors work only what is escalated to them")
                .doesNotContain(diMalnate.getId(), diAler.getId());
    }

    @Test
    void scadenzeVicineEScaduteDelleAttivitaDelProprioEnteOgniEnteAiSupervisori() {
        Instant adesso = Instant.now();
        scadenza(diMalnate, adesso.plus(Duration.ofDays(1)));
        scadenza(diAler, adesso.plus(Duration.ofDays(2)));

        assertThat(ids(elenco(IN_SCADENZA, MALNATE))).contains(diMalnate.getId()).doesNotContain(diAler.getId())
                .allSatisfy(id -> assertThat(diMalnate(id)).isTrue());
        assertThat(ids(elenco(IN_SCADENZA, ALER_AVVISO))).contains(diAler.getId()).doesNotContain(diMalnate.getId());
        assertThat(ids(elenco(IN_SCADENZA, SUPERVISORE))).contains(diMalnate.getId(), diAler.getId());
        assertThat(ids(elenco(SCADUTE, MALNATE))).doesNotContain(diMalnate.getId());

        scadenza(diMalnate, adesso.minus(Duration.ofHours(1)));
        scadenza(diAler, adesso.minus(Duration.ofHours(2)));

        assertThat(ids(elenco(SCADUTE, MALNATE))).contains(diMalnate.getId()).doesNotContain(diAler.getId())
                .allSatisfy(id -> assertThat(diMalnate(id)).isTrue());
        assertThat(ids(elenco(IN_SCADENZA, MALNATE))).doesNotContain(diMalnate.getId());
        assertThat(ids(elenco(SCADUTE, SUPERVISORE))).contains(diMalnate.getId(), diAler.getId());
        JsonNode diLegge = elenco(DI_LEGGE, SUPERVISORE);
        assertThat(ids(diLegge)).contains(diMalnate.getId(), diAler.getId());
        List<OffsetDateTime> scadenze = new ArrayList<>();
        diLegge.at("/_embedded/task").forEach(t -> scadenze.add(OffsetDateTime.parse(t.get("due").asText(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))));
        assertThat(scadenze).as("nearest first, overdue before them").isSortedAccordingTo(OffsetDateTime::compareTo);
        assertThat(variabili(compito(diLegge, diAler.getId()))).containsEntry("praticaEnte",
                "ALER Varese - Como - Monza Brianza - Busto Arsizio");
    }

    @Test
    void unFiltroDiUnaVersionePrecedenteSiRinominaESiAllineaSenzaDuplicarsi() {
        String id = filtri.get(MIO_ENTE);
        Filter vecchio = filterService.getFilter(id);
        vecchio.setName("Attività del mio ente").setQuery(taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")).setProperties(Map.of("priority", -10));
        filterService.saveFilter(vecchio);
        try {
            operatori.allineaIdentita();
        } finally {
            // whatever happens above, the next tests find the filter as the platform defines it
            operatori.allineaIdentita();
        }

        assertThat(filterService.createFilterQuery().filterName("Attività del mio ente").count()).isZero();
        assertThat(filterService.createFilterQuery().filterName(MIO_ENTE).singleResult().getId()).as("the same filter").isEqualTo(id);
        assertThat(filtro(MIO_ENTE).at("/query/sorting/0/sortBy").asText()).isEqualTo("dueDate");
        assertThat(filtro(MIO_ENTE).at("/properties/variables")).hasSize(6);
        assertThat(nomiDeiFiltri(MALNATE)).as("its authorization stays").contains(MIO_ENTE);
        int revisione = ((FilterEntity) filterService.getFilter(id)).getRevision();
        operatori.allineaIdentita();
        assertThat(((FilterEntity) filterService.getFilter(id)).getRevision()).as("an aligned filter is not written again")
                .isEqualTo(revisione);
    }

    private List<String> nomiDeiFiltri(String utente) {
        ClientHttp.Risposta risposta = http.get("/engine-rest/filter?resourceType=Task", utente);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        List<String> nomi = new ArrayList<>();
        risposta.json().forEach(f -> nomi.add(f.get("name").asText()));
        return nomi;
    }

    private JsonNode filtro(String nome) {
        ClientHttp.Risposta risposta = http.get("/engine-rest/filter/" + filtri.get(nome), ADMIN);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        return risposta.json();
    }

    /** The filter's list as Tasklist asks for it: HAL, so the filter's variables come embedded with each task. */
    private JsonNode elenco(String filtro, String utente) {
        ClientHttp.Risposta risposta = http.invia(http.richiesta("/engine-rest/filter/" + filtri.get(filtro) + "/list", utente)
                .setHeader("Accept", "application/hal+json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(risposta.status()).as(filtro + " for " + utente + ": " + risposta.body()).isEqualTo(200);
        return risposta.json();
    }

    private static List<String> ids(JsonNode elenco) {
        List<String> ids = new ArrayList<>();
        elenco.at("/_embedded/task").forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    private static JsonNode compito(JsonNode elenco, String id) {
        for (JsonNode task : elenco.at("/_embedded/task")) {
            if (task.get("id").asText().equals(id)) {
                return task;
            }
        }
        throw new AssertionError("task " + id + " not in the list");
    }

    private static Map<String, String> variabili(JsonNode task) {
        Map<String, String> valori = new HashMap<>();
        task.at("/_embedded/variable").forEach(v -> valori.put(v.get("name").asText(), v.get("value").asText()));
        return valori;
    }

    /** A task of the Comune di Malnate: one of its groups is a candidate, or one of its operators holds it. */
    private boolean diMalnate(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        return MALNATE.equals(task.getAssignee()) || taskService.getIdentityLinksForTask(taskId).stream()
                .anyMatch(l -> l.getGroupId() != null && l.getGroupId().startsWith("ente-" + CF_COMUNE_MALNATE));
    }

    private Task selezioneDi(String gruppo) {
        return taskService.createTaskQuery().processInstanceId(istanza).taskCandidateGroup(gruppo).singleResult();
    }

    /** As an administrator would move it (the platform's own call: the guard lets only administrators do it by hand). */
    private void scadenza(Task task, Instant quando) {
        Task attuale = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        attuale.setDueDate(Date.from(quando));
        taskService.saveTask(attuale);
    }
}
