package it.piattaformacasa.graduatoria;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.graduatoria.process.RettificaBpmn.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

/** processes/rettifica-invalidita.bpmn: 15-day window, one request per ente, decision or silence-assent. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RettificaInvaliditaTest {

    private static final String CONIUGE_DI_B = "MNTSRA88P43L682V";
    private static final String CONIUGE_DI_A = "SLATRS50B41L682V";
    private static final String RICHIEDENTE_C = "GRCLSE95R50L682N";

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
    Map<String, Long> domande = new HashMap<>();
    long avviso;
    long diAler;
    long diVarese;

    @BeforeAll
    void graduatoriePubblicate() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        Alloggio aler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 1).get(0);
        Alloggio varese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        avviso = scenario.aperto(List.of(aler, varese), List.of(ALER_AVVISO, CAPOFILA));
        presenta(avviso, "A", "RTOMRC80A15L682D", CONIUGE_DI_A, "2500", aler.getId() + "," + varese.getId());
        presenta(avviso, "B", "BRMLCU85D12L682R", CONIUGE_DI_B, "9000", Long.toString(aler.getId()));
        presenta(avviso, "C", RICHIEDENTE_C, null, "12000", Long.toString(aler.getId()));
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avviso, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        for (Graduatoria g : graduatorie.findByAvvisoIdOrderById(avviso)) {
            boolean isAler = g.getEnte().getRagioneSociale().startsWith("ALER");
            if (isAler) {
                diAler = g.getId();
            } else {
                diVarese = g.getId();
            }
            // both published today: the window is open until the end of the 15th day after
            LocalDate pubblicata = LocalDate.now(ZoneId.of("Europe/Rome"));
            graduatorieService.approva(g.getId(), "PROV-" + g.getId(), pubblicata, Graduatoria.Pubblicazione.SITO_ENTE, pubblicata, "test");
        }
    }

    private void presenta(long avviso, String chi, String cf, String coniuge, String isee, String alloggiScelti) {
        String nucleo = "{\"codiceFiscale\":\"" + cf + "\",\"nome\":\"N\",\"cognome\":\"" + chi + "\",\"dataNascita\":\"19"
                + cf.substring(6, 8) + "-01-01\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}"
                + (coniuge == null ? "" : ",{\"codiceFiscale\":\"" + coniuge + "\",\"nome\":\"M\",\"cognome\":\"" + chi
                + "\",\"dataNascita\":\"1970-01-01\",\"relazione\":\"CONIUGE\",\"percentualeInvalidita\":0}");
        String body = "{\"nucleo\":[" + nucleo + "],\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":"
                + "\"2000-01-01\",\"residenteComuneDal\":\"2005-01-01\"},\"isee\":{\"valore\":" + isee
                + ",\"protocolloDsu\":\"INPS-" + chi + "\",\"dataDsu\":\"2026-01-20\"},\"patrimonio\":0,"
                + "\"condizioni\":{\"coabitazione\":true},\"alloggi\":[" + alloggiScelti + "]}";
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        domande.put(chi, risposta.json().get("id").asLong());
    }

    private ClientHttp.Risposta richiedi(String utente, long graduatoria, long domanda, String componente, int percentuale) {
        return http.post("/api/graduatorie/" + graduatoria + "/rettifiche", utente, "{\"domandaId\":" + domanda
                + ",\"codiceFiscaleComponente\":\"" + componente + "\",\"percentualeInvalidita\":" + percentuale
                + ",\"indennitaAccompagnamento\":" + (percentuale == 100) + "}");
    }

    @BeforeEach
    void assertions() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    @Order(1)
    void richiesteFuoriTermineDiAltriEntiOSuDatiInesistentiVengonoRifiutate() {
        // the Comune's request arrives when the 15th day after the publication has ended
        ZoneId roma = ZoneId.of("Europe/Rome");
        OrologioDiProva.fermaA(LocalDate.now(roma).plusDays(16).atStartOfDay(roma).toInstant());
        ClientHttp.Risposta tardiva;
        try {
            tardiva = richiedi(CAPOFILA, diVarese, domande.get("A"), CONIUGE_DI_A, 80);
        } finally {
            OrologioDiProva.ripristina();
        }
        assertThat(tardiva.status()).isEqualTo(409);
        assertThat(tardiva.json().get("detail").asText()).contains("fuori termine", "15 giorni");
        assertThat(richiedi(CAPOFILA, diAler, domande.get("B"), CONIUGE_DI_B, 80).status()).isEqualTo(403);
        ClientHttp.Risposta nonInGraduatoria = richiedi(ALER_ISTRUTTORIA, diAler, 999_999L, CONIUGE_DI_B, 80);
        assertThat(nonInGraduatoria.status()).isEqualTo(400);
        assertThat(nonInGraduatoria.json().get("errori").get(0).get("campo").asText()).isEqualTo("domandaId");
        ClientHttp.Risposta estraneo = richiedi(ALER_ISTRUTTORIA, diAler, domande.get("B"), CONIUGE_DI_A, 80);
        assertThat(estraneo.status()).isEqualTo(400);
        assertThat(estraneo.json().get("errori").get(0).get("campo").asText()).isEqualTo("codiceFiscaleComponente");
        assertThat(jdbc.queryForObject("select count(*) from rettifica_invalidita where graduatoria_id in (?, ?)",
                Integer.class, diAler, diVarese)).isZero();
    }

    @Test
    @Order(2)
    void lEnteAccoglieLaRettificaECambiaSoloIlPunteggioDiLavoro() {
        BigDecimal pubblicato = isbarInGraduatoria(domande.get("B"));
        JsonNode richiesta = richiedi(ALER_ISTRUTTORIA, diAler, domande.get("B"), CONIUGE_DI_B, 100).json();
        ProcessInstance istanza = istanza(richiesta.get("id").asLong());
        assertThat(istanza).isWaitingAt(TASK_RETTIFICA);
        Task task = taskService.createTaskQuery().processInstanceId(istanza.getId()).singleResult();
        assertThat(task.getName()).startsWith("Rettifica punteggio per invalidità civile – ALER ").endsWith(" – domanda n. " + domande.get("B"));
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("ente-" + CF_ALER);
        assertThat(task.getDueDate().toInstant()).isEqualTo(LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(16)
                .atStartOfDay(ZoneId.of("Europe/Rome")).toInstant());

        String inLavorazione = "/api/avvisi/" + avviso + "/domande/in-lavorazione";
        JsonNode daPrendere = http.get(inLavorazione + "?id=" + domande.get("B"), ALER_ISTRUTTORIA).json();
        assertThat(daPrendere).hasSize(1);
        assertThat(daPrendere.get(0).get("lavorazione").asText()).isEqualTo("RETTIFICA_INVALIDITA");
        assertThat(daPrendere.get(0).get("lavorazioneId").asLong()).isEqualTo(richiesta.get("id").asLong());
        assertThat(daPrendere.get(0).get("scadenza").asText()).isEqualTo(LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(15).toString());
        assertThat(daPrendere.get(0).get("semaforo").asText()).isEqualTo("VERDE");
        assertThat(daPrendere.get(0).get("inCaricoA").isNull()).as("nobody has taken it yet").isTrue();
        assertThat(http.get(inLavorazione, CAPOFILA).json()).as("the Comune di Varese has no work on it").isEmpty();
        assertThat(http.get(inLavorazione, SUPERVISORE).json()).extracting(n -> n.get("domandaId").asLong())
                .contains(domande.get("B"));

        http.post("/engine-rest/task/" + task.getId() + "/claim", ALER_ISTRUTTORIA, "{\"userId\":\"aler.istruttoria\"}");
        assertThat(http.get(inLavorazione, ALER_AVVISO).json().get(0).get("inCaricoA").asText()).isEqualTo(ALER_ISTRUTTORIA);
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/complete", ALER_ISTRUTTORIA,
                "{\"variables\":{\"esito\":{\"value\":\"ACCOLTA\"}}}").status()).isEqualTo(204);
        assertThat(http.get(inLavorazione + "?id=" + domande.get("B"), ALER_ISTRUTTORIA).json()).as("decided: no longer open").isEmpty();

        assertThat(istanza).hasPassed(SERVICE_REGISTRA_DECISIONE, END_DECISA).isEnded();
        JsonNode decisa = http.get("/api/graduatorie/" + diAler + "/rettifiche", ALER_AVVISO).json().get(0);
        assertThat(decisa.get("stato").asText()).isEqualTo("ACCOLTA");
        assertThat(decisa.get("decisaDa").asText()).isEqualTo(ALER_ISTRUTTORIA);
        assertThat(decisa.get("isbarDiLavoro").decimalValue()).isGreaterThan(pubblicato);
        assertThat(isbarInGraduatoria(domande.get("B"))).as("the provisional graduatoria keeps the published score")
                .isEqualByComparingTo(pubblicato);
        assertThat(jdbc.queryForObject("select isbar from domanda where id = ?", BigDecimal.class, domande.get("B")))
                .isEqualByComparingTo(pubblicato);
        assertThat(jdbc.queryForObject("select isbar_lavoro from domanda where id = ?", BigDecimal.class, domande.get("B")))
                .isEqualByComparingTo(decisa.get("isbarDiLavoro").decimalValue());
        assertThat(richiedi(ALER_ISTRUTTORIA, diAler, domande.get("B"), CONIUGE_DI_B, 74).status())
                .as("one request per ente and domanda").isEqualTo(409);
    }

    @Test
    @Order(3)
    void unaRettificaRespintaRichiedeLaMotivazione() {
        JsonNode richiesta = richiedi(ALER_AVVISO, diAler, domande.get("C"), RICHIEDENTE_C, 70).json();
        ProcessInstance istanza = istanza(richiesta.get("id").asLong());
        Task task = taskService.createTaskQuery().processInstanceId(istanza.getId()).singleResult();
        http.post("/engine-rest/task/" + task.getId() + "/claim", ALER_AVVISO, "{\"userId\":\"aler.avviso\"}");

        // while it is undecided the graduatoria cannot become definitive
        assertThatThrownBy(() -> graduatorieService.rendiDefinitiva(diAler, "test")).hasMessageContaining("da decidere");

        ClientHttp.Risposta senzaNote = http.post("/engine-rest/task/" + task.getId() + "/complete", ALER_AVVISO,
                "{\"variables\":{\"esito\":{\"value\":\"RESPINTA\"}}}");
        assertThat(senzaNote.status()).isGreaterThanOrEqualTo(400);
        assertThat(senzaNote.body()).contains("motivazione");
        assertThat(istanza).isWaitingAt(TASK_RETTIFICA);

        assertThat(http.post("/engine-rest/task/" + task.getId() + "/complete", ALER_AVVISO,
                "{\"variables\":{\"esito\":{\"value\":\"RESPINTA\"},\"note\":{\"value\":\"Verbale INPS successivo alla chiusura\"}}}")
                .status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select stato from rettifica_invalidita where id = ?", String.class,
                richiesta.get("id").asLong())).isEqualTo("RESPINTA");
        assertThat(jdbc.queryForObject("select isbar_lavoro from domanda where id = ?", BigDecimal.class, domande.get("C"))).isNull();
    }

    @Test
    @Order(4)
    void senzaDecisioneEntroQuindiciGiorniLaRichiestaEAccoltaPerSilenzioAssenso() {
        JsonNode richiesta = richiedi(ALER_AVVISO, diAler, domande.get("A"), CONIUGE_DI_A, 100).json();
        ProcessInstance istanza = istanza(richiesta.get("id").asLong());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(istanza.getId())
                .activityId(TIMER_SILENZIO_ASSENSO).singleResult().getId());

        assertThat(istanza).hasPassed(SERVICE_SILENZIO_ASSENSO, END_SILENZIO_ASSENSO).hasNotPassed(SERVICE_REGISTRA_DECISIONE).isEnded();
        Map<String, Object> rettifica = jdbc.queryForMap("select stato, isbar_prima, isbar_dopo from rettifica_invalidita where id = ?",
                richiesta.get("id").asLong());
        assertThat(rettifica.get("stato")).isEqualTo("ACCOLTA_SILENZIO_ASSENSO");
        assertThat((BigDecimal) rettifica.get("isbar_dopo")).isGreaterThan((BigDecimal) rettifica.get("isbar_prima"));
    }

    private BigDecimal isbarInGraduatoria(long domanda) {
        return jdbc.queryForObject("select isbar from graduatoria_riga where graduatoria_id = ? and domanda_id = ?",
                BigDecimal.class, diAler, domanda);
    }

    private ProcessInstance istanza(long rettifica) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(rettifica)).singleResult();
    }
}
