package it.piattaformacasa.avviso;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.avviso.process.AvvisoBpmn.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;

/**
 * «Seleziona alloggi per l'avviso» carries the work (issue 11): the task shows the ente's eligible alloggi, the
 * operator adds rows in the form, and completing it inserts them through the service the API uses — all or none.
 */
@IntegrationTest
class SelezioneAlloggiNelModuloTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    AlloggioInAvvisoRepository inAvviso;

    ClientHttp http;
    ScenarioAvviso scenario;

    @BeforeEach
    void init() {
        http = new ClientHttp(port);
        scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
    }

    @Test
    void ilModuloOffreSoloGliAlloggiSelezionabiliDellEnteEQuelliGiaInseriti() throws Exception {
        long avviso = scenario.predisposto();
        Task diAler = taskDi(avviso, CF_ALER);

        Set<Long> attesi = alloggiDi(CF_ALER, StatoAlloggio.LIBERO, StatoAlloggio.SFITTO_CARENZE_MANUTENTIVE);
        assertThat(attesi).as("the demo gives ALER free and sfitti units").hasSizeGreaterThan(2);
        assertThat(opzioni(diAler)).isEqualTo(attesi);
        JsonNode tabella = json(diAler, VAR_ALLOGGI_DELL_ENTE);
        assertThat(tabella).hasSize(attesi.size());
        assertThat(tabella.get(0).fieldNames()).toIterable()
                .contains("codiceUi", "comune", "indirizzo", "superficieUtile", "vani", "statoInAnagrafe");
        assertThat(tabella.findValuesAsText("statoInAnagrafe")).containsOnly("libero", "sfitto per carenze manutentive");
        assertThat(json(diAler, VAR_ALLOGGI_INSERITI)).isEmpty();
        // the Comune di Varese's task offers its own units only
        Set<Long> diVarese = opzioni(taskDi(avviso, CF_COMUNE_VARESE));
        assertThat(diVarese).isEqualTo(alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, StatoAlloggio.SFITTO_CARENZE_MANUTENTIVE))
                .doesNotContainAnyElementsOf(attesi);

        // added through the API meanwhile: whoever takes the task in charge sees it among the inserted, not the offered
        long libero = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 1).get(0).getId();
        assertThat(http.post("/api/avvisi/" + avviso + "/alloggi", ALER_AVVISO, "{\"alloggioId\":" + libero
                + ",\"tipologia\":\"IMMEDIATAMENTE_ASSEGNABILE\",\"tipologiaRiscaldamento\":\"Autonomo\",\"speseAnnueUtenze\":900}")
                .status()).isEqualTo(201);
        assertThat(http.post("/engine-rest/task/" + diAler.getId() + "/claim", ALER_AVVISO, "{\"userId\":\"aler.avviso\"}").status())
                .isEqualTo(204);
        assertThat(opzioni(diAler)).doesNotContain(libero).hasSize(attesi.size() - 1);
        assertThat(json(diAler, VAR_ALLOGGI_INSERITI).findValuesAsText("speseAnnueUtenze")).containsExactly("900,00 €");
    }

    @Test
    void completandoIlModuloLEnteInserisceGliAlloggiConTipologiaRiscaldamentoECosti() throws Exception {
        long avviso = scenario.predisposto();
        Task diAler = presoInCarico(avviso);
        Alloggio libero = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 1).get(0);
        Alloggio sfitto = scenario.alloggiDi(CF_ALER, StatoAlloggio.SFITTO_CARENZE_MANUTENTIVE, 1).get(0);

        ClientHttp.Risposta risposta = completa(diAler, List.of(
                riga(libero.getId(), "IMMEDIATAMENTE_ASSEGNABILE", "Centralizzato a metano", 1450.5),
                riga(sfitto.getId(), "STATO_DI_FATTO_INTERVENTI_ENTE", "Autonomo a gas", 980)
                        .put("interventi", "Rifacimento impianto elettrico e bagno").put("costoInterventi", 18500)).toString());

        assertThat(risposta.status()).as(risposta.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(diAler.getId()).count()).isZero();
        JsonNode inseriti = http.get("/api/avvisi/" + avviso + "/alloggi", ALER_AVVISO).json();
        assertThat(inseriti).hasSize(2);
        JsonNode primo = inseriti.get(0);
        assertThat(primo.get("alloggioId").asLong()).isEqualTo(libero.getId());
        assertThat(primo.get("tipologia").asText()).isEqualTo("IMMEDIATAMENTE_ASSEGNABILE");
        assertThat(primo.get("tipologiaRiscaldamento").asText()).isEqualTo("Centralizzato a metano");
        assertThat(primo.get("speseAnnueUtenze").decimalValue()).isEqualByComparingTo("1450.50");
        assertThat(primo.get("interventi").isNull()).isTrue();
        assertThat(primo.get("inseritoDa").asText()).isEqualTo(ALER_AVVISO);
        JsonNode secondo = inseriti.get(1);
        assertThat(secondo.get("alloggioId").asLong()).isEqualTo(sfitto.getId());
        assertThat(secondo.get("statoInAvviso").asText()).isEqualTo("SFITTO_CARENZE_MANUTENTIVE");
        assertThat(secondo.get("interventi").asText()).isEqualTo("Rifacimento impianto elettrico e bagno");
        assertThat(secondo.get("costoInterventi").decimalValue()).isEqualByComparingTo("18500");
    }

    @Test
    void unaRigaRifiutataFermaTuttoIlCompletamentoConUn400CheNominaIlCampo() throws Exception {
        long avviso = scenario.predisposto();
        Task diAler = presoInCarico(avviso);
        Alloggio libero = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 1).get(0);
        Alloggio sfitto = scenario.alloggiDi(CF_ALER, StatoAlloggio.SFITTO_CARENZE_MANUTENTIVE, 1).get(0);
        Alloggio diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        Alloggio occupatoDiAler = scenario.alloggiDi(CF_ALER, StatoAlloggio.OCCUPATO, 1).get(0);
        ObjectNode valida = riga(libero.getId(), "IMMEDIATAMENTE_ASSEGNABILE", "Centralizzato", 1200);

        // another ente's unit, or one of ALER's that is not eligible: not among the task's options
        for (Alloggio estraneo : List.of(diVarese, occupatoDiAler)) {
            ClientHttp.Risposta risposta = completa(diAler,
                    List.of(valida, riga(estraneo.getId(), "ASSEGNABILE_ENTRO_CHIUSURA", "Centralizzato", 800)).toString());
            assertThat(risposta.status()).as(risposta.body()).isEqualTo(400);
            assertThat(risposta.json().get("detail").asText()).contains("riga 2, Alloggio", "valore non ammesso");
        }
        // stato di fatto without the cost of the works: the service's rule, named by row and field
        ClientHttp.Risposta senzaCosto = completa(diAler, List.of(valida,
                riga(sfitto.getId(), "STATO_DI_FATTO_INTERVENTI_CITTADINO", "Autonomo", 600).put("interventi", "Infissi")).toString());
        assertThat(senzaCosto.status()).as(senzaCosto.body()).isEqualTo(400);
        assertThat(senzaCosto.json().get("errori").findValuesAsText("campo")).containsExactly("alloggiDaInserire[1].interventi");
        assertThat(senzaCosto.json().get("detail").asText()).contains("riga 2", sfitto.getCodiceUi(), "costo stimato");
        // a free unit offered as stato di fatto: its Anagrafe state does not fit
        ClientHttp.Risposta statoSbagliato = completa(diAler, List.of(riga(libero.getId(), "STATO_DI_FATTO_INTERVENTI_ENTE",
                "Autonomo", 600).put("interventi", "Nessuno").put("costoInterventi", 0)).toString());
        assertThat(statoSbagliato.status()).as(statoSbagliato.body()).isEqualTo(400);
        assertThat(statoSbagliato.json().get("errori").findValuesAsText("campo")).containsExactly("alloggiDaInserire[0].tipologia");
        // required fields of a row, a field the form does not have, malformed Json, not a list
        ClientHttp.Risposta senzaRiscaldamento = completa(diAler, "[{\"alloggioId\":" + libero.getId()
                + ",\"tipologia\":\"IMMEDIATAMENTE_ASSEGNABILE\",\"speseAnnueUtenze\":10,\"inseritoDa\":\"x\"}]");
        assertThat(senzaRiscaldamento.status()).isEqualTo(400);
        assertThat(senzaRiscaldamento.json().get("detail").asText()).contains(
                "riga 1, Tipologia riscaldamento: obbligatorio", "riga 1, inseritoDa: campo non previsto");
        for (String rotto : List.of("[{\"alloggioId\":", "{\"alloggioId\":1}", "[1, 2]")) {
            ClientHttp.Risposta risposta = completa(diAler, rotto);
            assertThat(risposta.status()).as(rotto + " → " + risposta.body()).isEqualTo(400);
            // the refusal names the field as the form labels it
            assertThat(risposta.json().get("detail").asText()).contains("Alloggi da inserire in avviso").doesNotContain("alloggiDaInserire");
        }

        assertThat(taskService.createTaskQuery().taskId(diAler.getId()).count()).as("the task stays open").isEqualTo(1);
        assertThat(inAvviso.findByAvvisoIdOrderById(avviso)).as("nothing was written").isEmpty();
    }

    @Test
    void lEnteSenzaAlloggiDaOffrireConfermaSoltanto() {
        long avviso = scenario.predisposto();
        Task diAler = presoInCarico(avviso);
        ClientHttp.Risposta risposta = http.post("/engine-rest/task/" + diAler.getId() + "/complete", ALER_AVVISO,
                "{\"variables\":{\"selezioneCompletata\":{\"value\":true},\"alloggiDaInserire\":{\"type\":\"Json\",\"value\":\"[]\"}}}");
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(204);
        assertThat(inAvviso.findByAvvisoIdOrderById(avviso)).isEmpty();
    }

    private Task presoInCarico(long avviso) {
        Task diAler = taskDi(avviso, CF_ALER);
        assertThat(http.post("/engine-rest/task/" + diAler.getId() + "/claim", ALER_AVVISO, "{\"userId\":\"aler.avviso\"}").status())
                .isEqualTo(204);
        return diAler;
    }

    private ClientHttp.Risposta completa(Task task, String righe) {
        ObjectNode variabili = JSON.createObjectNode();
        variabili.putObject("selezioneCompletata").put("value", true);
        variabili.putObject("alloggiDaInserire").put("type", "Json").put("value", righe);
        ObjectNode corpo = JSON.createObjectNode();
        corpo.set("variables", variabili);
        return http.post("/engine-rest/task/" + task.getId() + "/complete", ALER_AVVISO, corpo.toString());
    }

    private static ObjectNode riga(long alloggio, String tipologia, String riscaldamento, double spese) {
        return JSON.createObjectNode().put("alloggioId", alloggio).put("tipologia", tipologia)
                .put("tipologiaRiscaldamento", riscaldamento).put("speseAnnueUtenze", spese);
    }

    private Task taskDi(long avviso, String cf) {
        String istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(avviso)).singleResult().getId();
        return taskService.createTaskQuery().processInstanceId(istanza).taskCandidateGroup("ente-" + cf + "-avviso").singleResult();
    }

    private JsonNode json(Task task, String variabile) throws Exception {
        SerializableValue valore = taskService.getVariableLocalTyped(task.getId(), variabile, false);
        assertThat(valore.getType().getName()).isEqualTo("json");
        return JSON.readTree(valore.getValueSerialized());
    }

    private Set<Long> opzioni(Task task) throws Exception {
        Set<Long> ids = new java.util.TreeSet<>();
        for (JsonNode opzione : json(task, VAR_ALLOGGI_SELEZIONABILI)) {
            assertThat(opzione.get("label").asText()).isNotBlank();
            ids.add(opzione.get("value").asLong());
        }
        return ids;
    }

    private Set<Long> alloggiDi(String cf, StatoAlloggio... stati) {
        List<Alloggio> trovati = new ArrayList<>();
        for (StatoAlloggio stato : stati) {
            trovati.addAll(scenario.alloggiDi(cf, stato, 1000));
        }
        return trovati.stream().map(Alloggio::getId).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
