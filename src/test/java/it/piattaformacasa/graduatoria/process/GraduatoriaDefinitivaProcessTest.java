package it.piattaformacasa.graduatoria.process;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.graduatoria.process.GraduatoriaDefinitivaBpmn.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaDefinitivaService;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * processes/graduatoria-definitiva.bpmn: the life of a definitive graduatoria of ALER and one of the Comune di Varese
 * in the same avviso. Ripescaggio and freed alloggi through the API, each a message the process handles in the
 * request's transaction; closure when the next avviso's graduatorie become definitive, from each waiting state; the
 * start-up alignment for graduatorie without their process, run twice.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraduatoriaDefinitivaProcessTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    GraduatoriaService graduatorieService;
    @Autowired
    GraduatoriaDefinitivaService definitive;
    @Autowired
    List<ApplicationRunner> avvii;
    @Autowired
    JdbcTemplate jdbc;
    ClientHttp http;
    ScenarioAvviso scenario;
    Alloggio diAler;
    Alloggio diVarese;
    long graduatoriaAler;
    long graduatoriaVarese;
    long successivaAler;
    long successivaVarese;

    @BeforeAll
    void dueGraduatorieDefinitive() {
        http = new ClientHttp(port);
        scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        diAler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 1).get(0);
        diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        long avviso = scenario.aperto(List.of(diAler, diVarese), List.of(ALER_AVVISO, CAPOFILA));
        ClientHttp.Risposta domanda = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA,
                DomandaDiProva.json("RSSMRA80A01L682N", diAler.getId(), diVarese.getId()));
        assertThat(domanda.status()).as(domanda.body()).isEqualTo(201);
        for (Graduatoria g : scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService, jdbc, true)) {
            if (g.getEnte().getRagioneSociale().startsWith("ALER")) {
                graduatoriaAler = g.getId();
            } else {
                graduatoriaVarese = g.getId();
            }
        }
    }

    @BeforeEach
    void assertions() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    @Order(1)
    void diventataDefinitivaLaGraduatoriaAttendeIlPrimoGiroDiAssegnazioni() {
        for (long id : List.of(graduatoriaAler, graduatoriaVarese)) {
            ProcessInstance istanza = istanza(id);
            assertThat(istanza).isWaitingAt(TASK_PRIMO_GIRO).hasPassed(START, GATEWAY_STATO).hasNotPassed(SERVICE_AVVIA_RIPESCAGGIO);
            assertThat(istanza.getBusinessKey()).isEqualTo(Long.toString(id));
            assertThat(stato(id)).isEqualTo("DEFINITIVA");
        }
    }

    @Test
    @Order(2)
    void ilRipescaggioRichiestoDallEnteCambiaStatoNelPassoDelProcesso() {
        String ripescaggio = "/api/graduatorie/" + graduatoriaVarese + "/ripescaggio";
        assertThat(http.post(ripescaggio, VARESE_ISTRUTTORIA, "{}").status()).as("gestione avviso only").isEqualTo(403);
        assertThat(http.post(ripescaggio, ALER_AVVISO, "{}").status()).as("another ente").isEqualTo(403);
        assertThat(istanza(graduatoriaVarese)).isWaitingAt(TASK_PRIMO_GIRO);

        ClientHttp.Risposta avviato = http.post(ripescaggio, CAPOFILA, "{}");

        assertThat(avviato.status()).as(avviato.body()).isEqualTo(200);
        assertThat(avviato.json().get("stato").asText()).isEqualTo("RIPESCAGGIO");
        assertThat(istanza(graduatoriaVarese)).hasPassed(TASK_PRIMO_GIRO, SERVICE_AVVIA_RIPESCAGGIO).isWaitingAt(TASK_RIPESCAGGIO);
        assertThat(stato(graduatoriaVarese)).isEqualTo("RIPESCAGGIO");
        assertThat(jdbc.queryForObject("select ripescaggio_da from graduatoria where id = ?", String.class, graduatoriaVarese))
                .isEqualTo(CAPOFILA);
        assertThat(variabileDellIstanza(graduatoriaVarese, VAR_RICHIESTO_DA)).as("transient: the graduatoria keeps who").isEmpty();

        ClientHttp.Risposta ancora = http.post(ripescaggio, CAPOFILA, "{}");
        assertThat(ancora.status()).isEqualTo(409);
        assertThat(ancora.json().get("detail").asText())
                .isEqualTo("Il ripescaggio parte da una graduatoria definitiva: la graduatoria " + graduatoriaVarese + " è RIPESCAGGIO");
        assertThat(passaggi(graduatoriaVarese, SERVICE_AVVIA_RIPESCAGGIO)).as("one switch only").hasSize(1);
        assertThat(istanza(graduatoriaAler)).as("the other ente's graduatoria").isWaitingAt(TASK_PRIMO_GIRO);
    }

    @Test
    @Order(3)
    void unAlloggioLiberatoDopoUnoSgomberoEUnEventoDelRipescaggioCheProsegue() {
        long liberato = nuovoAlloggio(CF_COMUNE_VARESE, "GDP-SGOMBERO-1");
        String corpo = "{\"alloggioId\":" + liberato + ",\"tipologiaRiscaldamento\":\"Autonomo a gas\",\"speseAnnueUtenze\":900.50}";

        ClientHttp.Risposta nelPrimoGiro = http.post("/api/graduatorie/" + graduatoriaAler + "/alloggi-liberi", ALER_AVVISO,
                "{\"alloggioId\":" + nuovoAlloggio(CF_ALER, "GDP-SGOMBERO-ALER") + ",\"tipologiaRiscaldamento\":\"Centralizzato\","
                        + "\"speseAnnueUtenze\":700}");
        assertThat(nelPrimoGiro.status()).isEqualTo(409);
        assertThat(nelPrimoGiro.json().get("detail").asText()).isEqualTo("Gli alloggi liberati dopo uno sgombero si assegnano nel "
                + "ripescaggio: la graduatoria " + graduatoriaAler + " è DEFINITIVA");
        assertThat(passaggi(graduatoriaAler, EVENTO_ALLOGGIO_LIBERATO)).isEmpty();

        ClientHttp.Risposta reso = http.post("/api/graduatorie/" + graduatoriaVarese + "/alloggi-liberi", CAPOFILA, corpo);

        assertThat(reso.status()).as(reso.body()).isEqualTo(204);
        assertThat(istanza(graduatoriaVarese)).hasPassed(EVENTO_ALLOGGIO_LIBERATO, SERVICE_METTI_A_DISPOSIZIONE,
                END_ALLOGGIO_ASSEGNABILE).isWaitingAt(TASK_RIPESCAGGIO);
        assertThat(jdbc.queryForObject("""
                select pubblicato_in_avviso from alloggio_in_avviso aa join graduatoria g on g.avviso_id = aa.avviso_id
                 where g.id = ? and aa.alloggio_id = ?""", Boolean.class, graduatoriaVarese, liberato))
                .as("in the avviso, not published").isFalse();
        assertThat(jdbc.queryForObject("select spese_annue_utenze from alloggio_in_avviso where alloggio_id = ?",
                java.math.BigDecimal.class, liberato)).isEqualByComparingTo("900.50");
        List<HistoricActivityInstance> eventi = passaggi(graduatoriaVarese, SERVICE_METTI_A_DISPOSIZIONE);
        assertThat(eventi).hasSize(1);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(istanza(graduatoriaVarese).getId())
                .variableName(VAR_ALLOGGIO_ID).list()).as("each event keeps its alloggio")
                .extracting(HistoricVariableInstance::getValue).containsExactly(liberato);
        assertThat(variabileDellIstanza(graduatoriaVarese, VAR_TIPOLOGIA_RISCALDAMENTO)).as("the data stay in the avviso").isEmpty();

        // refused in the process step (the unit is ALER's): the request and the event roll back together
        ClientHttp.Risposta altrui = http.post("/api/graduatorie/" + graduatoriaVarese + "/alloggi-liberi", CAPOFILA,
                "{\"alloggioId\":" + diAler.getId() + ",\"tipologiaRiscaldamento\":\"Autonomo\",\"speseAnnueUtenze\":100}");
        assertThat(altrui.status()).isEqualTo(400);
        assertThat(altrui.body()).contains("non è dell'ente in questo comune");
        ClientHttp.Risposta doppio = http.post("/api/graduatorie/" + graduatoriaVarese + "/alloggi-liberi", CAPOFILA, corpo);
        assertThat(doppio.status()).isEqualTo(409);
        assertThat(doppio.json().get("detail").asText()).isEqualTo("L'alloggio " + liberato + " è già in questo avviso");
        assertThat(passaggi(graduatoriaVarese, EVENTO_ALLOGGIO_LIBERATO)).as("refused events leave no trace").hasSize(1);

        long secondo = nuovoAlloggio(CF_COMUNE_VARESE, "GDP-SGOMBERO-2");
        assertThat(http.post("/api/graduatorie/" + graduatoriaVarese + "/alloggi-liberi", CAPOFILA,
                "{\"alloggioId\":" + secondo + ",\"tipologiaRiscaldamento\":\"Autonomo\",\"speseAnnueUtenze\":800}").status())
                .isEqualTo(204);
        assertThat(passaggi(graduatoriaVarese, END_ALLOGGIO_ASSEGNABILE)).hasSize(2);
        assertThat(istanza(graduatoriaVarese)).isWaitingAt(TASK_RIPESCAGGIO);
    }

    @Test
    @Order(4)
    void laDefinitivaDellAvvisoSuccessivoChiudeLeGraduatoriePrecedentiConUnMessaggio() {
        String aler = istanza(graduatoriaAler).getId();
        String varese = istanza(graduatoriaVarese).getId();
        long prossimo = scenario.aperto(List.of(diAler, diVarese), List.of(ALER_AVVISO, CAPOFILA));
        assertThat(http.post("/api/avvisi/" + prossimo + "/domande", CAPOFILA,
                DomandaDiProva.json("RSSMRA80A01L682N", diAler.getId(), diVarese.getId())).status()).isEqualTo(201);
        List<Graduatoria> nuove = scenario.graduatorieApprovate(prossimo, graduatorie, graduatorieService, jdbc, false);
        for (Graduatoria g : nuove) {
            if (g.getEnte().getRagioneSociale().startsWith("ALER")) {
                successivaAler = g.getId();
            } else {
                successivaVarese = g.getId();
            }
        }
        assertThat(istanza(graduatoriaVarese)).as("still scrolling while the next one is provisional").isWaitingAt(TASK_RIPESCAGGIO);

        graduatorieService.rendiDefinitiva(successivaVarese, "test");

        HistoricProcessInstance chiusaVarese = historyService.createHistoricProcessInstanceQuery().processInstanceId(varese).singleResult();
        assertThat(chiusaVarese.getEndActivityId()).isEqualTo(END_CHIUSA_PER_SCORRIMENTO);
        assertThat(attivita(varese)).contains(TASK_RIPESCAGGIO, SERVICE_CHIUDI).doesNotContain(EVENTO_SCORRIMENTO_NEL_PRIMO_GIRO);
        assertThat(stato(graduatoriaVarese)).isEqualTo("CHIUSA");
        assertThat(jdbc.queryForObject("select chiusa_da_graduatoria from graduatoria where id = ?", Long.class, graduatoriaVarese))
                .isEqualTo(successivaVarese);
        assertThat(istanza(graduatoriaAler)).as("another ente's graduatoria is not touched").isWaitingAt(TASK_PRIMO_GIRO);
        assertThat(istanza(successivaVarese)).isWaitingAt(TASK_PRIMO_GIRO);

        graduatorieService.rendiDefinitiva(successivaAler, "test");

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(aler).singleResult().getEndActivityId())
                .isEqualTo(END_CHIUSA_PER_SCORRIMENTO);
        assertThat(attivita(aler)).as("closed from the first round").contains(EVENTO_SCORRIMENTO_NEL_PRIMO_GIRO, SERVICE_CHIUDI)
                .doesNotContain(SERVICE_AVVIA_RIPESCAGGIO);
        assertThat(stato(graduatoriaAler)).isEqualTo("CHIUSA");
        assertThat(jdbc.queryForObject("select chiusa_da_graduatoria from graduatoria where id = ?", Long.class, graduatoriaAler))
                .isEqualTo(successivaAler);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(aler)
                .variableName(VAR_CHIUSA_DA_GRADUATORIA).singleResult().getValue()).isEqualTo(successivaAler);

        ClientHttp.Risposta chiusa = http.post("/api/graduatorie/" + graduatoriaAler + "/ripescaggio", ALER_AVVISO, "{}");
        assertThat(chiusa.status()).isEqualTo(409);
        assertThat(chiusa.json().get("detail").asText()).endsWith("la graduatoria " + graduatoriaAler + " è CHIUSA");
        assertThat(inCorso(graduatoriaAler) + inCorso(graduatoriaVarese)).isZero();
    }

    @Test
    @Order(5)
    void alRiavvioOgniGraduatoriaInUsoHaIlSuoProcessoUnaVoltaSola() throws Exception {
        assertThat(http.post("/api/graduatorie/" + successivaVarese + "/ripescaggio", CAPOFILA, "{}").status()).isEqualTo(200);
        // data from before the process existed: graduatorie in use without an instance
        for (long id : List.of(successivaAler, successivaVarese)) {
            runtimeService.deleteProcessInstance(istanza(id).getId(), "graduatoria di prima del processo");
        }
        ApplicationRunner allineamento = avvii.stream()
                .filter(r -> r.getClass().getSimpleName().equals("AllineamentoGraduatorieDefinitive")).findFirst().orElseThrow();

        allineamento.run(null);

        assertThat(istanza(successivaAler)).isWaitingAt(TASK_PRIMO_GIRO).hasNotPassed(SERVICE_AVVIA_RIPESCAGGIO);
        assertThat(istanza(successivaVarese)).as("begins where its state says").isWaitingAt(TASK_RIPESCAGGIO)
                .hasPassed(GATEWAY_STATO).hasNotPassed(TASK_PRIMO_GIRO, SERVICE_AVVIA_RIPESCAGGIO);
        assertThat(stato(successivaVarese)).isEqualTo("RIPESCAGGIO");

        assertThat(definitive.avviaProcessiMancanti()).as("a second start starts nothing").isZero();
        allineamento.run(null);
        for (long id : List.of(successivaAler, successivaVarese)) {
            assertThat(inCorso(id)).isEqualTo(1);
        }
        assertThat(inCorso(graduatoriaAler) + inCorso(graduatoriaVarese)).as("closed graduatorie get none").isZero();
        assertThat(jdbc.queryForObject("select count(*) from graduatoria where stato in ('DEFINITIVA', 'RIPESCAGGIO')", Long.class))
                .as("every graduatoria in use has its process").isEqualTo(runtimeService.createProcessInstanceQuery()
                        .processDefinitionKey(PROCESS_ID).count());

        // the freed-alloggio event works on the realigned instance as on any other
        long liberato = nuovoAlloggio(CF_COMUNE_VARESE, "GDP-SGOMBERO-3");
        assertThat(http.post("/api/graduatorie/" + successivaVarese + "/alloggi-liberi", CAPOFILA,
                "{\"alloggioId\":" + liberato + ",\"tipologiaRiscaldamento\":\"Autonomo\",\"speseAnnueUtenze\":600}").status())
                .isEqualTo(204);
        assertThat(istanza(successivaVarese)).hasPassed(SERVICE_METTI_A_DISPOSIZIONE).isWaitingAt(TASK_RIPESCAGGIO);
    }

    @Test
    @Order(6)
    void unaRichiestaSuUnaGraduatoriaRimastaSenzaProcessoLoAvviaPrimaDelMessaggio() {
        runtimeService.deleteProcessInstance(istanza(successivaAler).getId(), "graduatoria di prima del processo");

        ClientHttp.Risposta avviato = http.post("/api/graduatorie/" + successivaAler + "/ripescaggio", ALER_AVVISO, "{}");

        assertThat(avviato.status()).as(avviato.body()).isEqualTo(200);
        assertThat(istanza(successivaAler)).hasPassed(START, TASK_PRIMO_GIRO, SERVICE_AVVIA_RIPESCAGGIO).isWaitingAt(TASK_RIPESCAGGIO);
        assertThat(inCorso(successivaAler)).isEqualTo(1);
        assertThat(stato(successivaAler)).isEqualTo("RIPESCAGGIO");
    }

    private ProcessInstance istanza(long graduatoria) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(graduatoria)).singleResult();
    }

    private long inCorso(long graduatoria) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(graduatoria)).count();
    }

    private String stato(long graduatoria) {
        return jdbc.queryForObject("select stato from graduatoria where id = ?", String.class, graduatoria);
    }

    private List<HistoricActivityInstance> passaggi(long graduatoria, String attivita) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(istanza(graduatoria).getId())
                .activityId(attivita).list();
    }

    private List<String> attivita(String istanza) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(istanza).list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    private List<HistoricVariableInstance> variabileDellIstanza(long graduatoria, String nome) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(istanza(graduatoria).getId())
                .variableName(nome).list();
    }

    private long nuovoAlloggio(String cfEnte, String codice) {
        return jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select ?, e.id, c.id, 'Via dello Sgombero 2', 0, 55, 2, false, false, 'LIBERO'
                  from ente_proprietario e, comune c where e.codice_fiscale = ? and c.codice_istat = '012133'
                returning id""", Long.class, codice, cfEnte);
    }
}
