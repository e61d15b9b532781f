package it.piattaformacasa.assegnazione;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.assegnazione.process.IstruttoriaBpmn.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.assegnazione.process.ContrattoBpmn;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * processes/istruttoria.bpmn through the API: ALER and the Comune di Varese instruct the same domande in parallel;
 * the first assignment closes the other ente's istruttoria; not admissible needs reasons; two enti assigning the same
 * nucleo at the same moment: exactly one wins, the other gets 409.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IstruttoriaTest {

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
    @Autowired
    JdbcTemplate jdbc;
    ClientHttp http;
    Map<String, Long> domande = new HashMap<>();
    List<Alloggio> diAler;
    List<Alloggio> diVarese;
    long avviso;
    long graduatoriaAler;
    long graduatoriaVarese;
    Map<String, Long> istruttorie = new HashMap<>();

    @BeforeAll
    void graduatorieDefinitive() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        // two ALER units of this test's own: the lease makes one OCCUPATO, and the demo's free units serve other tests
        diAler = alloggi.findAllById(jdbc.queryForList("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select 'IST-' || i, e.id, c.id, 'Via dell''Istruttoria ' || i, 1, 62, 3, true, false, 'LIBERO'
                  from generate_series(1, 2) i, ente_proprietario e, comune c
                 where e.codice_fiscale = ? and c.codice_istat = '012133'
                returning id""", Long.class, CF_ALER));
        assertThat(diAler).hasSize(2);
        diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 2);
        avviso = scenario.aperto(List.of(diAler.get(0), diAler.get(1), diVarese.get(0), diVarese.get(1)),
                List.of(ALER_AVVISO, ALER_AVVISO, CAPOFILA, CAPOFILA));
        presenta(avviso, "X", "BRMLCU85D12L682R", diAler.get(0).getId() + "," + diVarese.get(0).getId());
        presenta(avviso, "Y", "RTOMRC80A15L682D", Long.toString(diVarese.get(0).getId()));
        presenta(avviso, "Z", "GRCLSE95R50L682N", diAler.get(1).getId() + "," + diVarese.get(1).getId());
        presenta(avviso, "W", "SLATRS50B41L682V", Long.toString(diVarese.get(0).getId()));
        presenta(avviso, "V2", "MNTSRA88P43L682V", Long.toString(diVarese.get(0).getId()));
        // the year's reserves of both enti in Varese: the art. 15 order needs them before any assignment
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, aggiornato_il, aggiornato_da)
                select e.id, c.id, ?, 10, now(), 'test' from ente_proprietario e, comune c
                 where e.codice_fiscale in (?, ?) and c.codice_istat = '012133'
                on conflict (ente_id, comune_id, anno) do nothing""", LocalDate.now(ROMA).getYear(), CF_ALER, CF_COMUNE_VARESE);
        for (Graduatoria g : scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService, jdbc, true)) {
            if (g.getEnte().getRagioneSociale().startsWith("ALER")) {
                graduatoriaAler = g.getId();
            } else {
                graduatoriaVarese = g.getId();
            }
        }
    }

    private void presenta(long avviso, String chi, String cf, String alloggiScelti) {
        String body = "{\"nucleo\":[{\"codiceFiscale\":\"" + cf + "\",\"nome\":\"N\",\"cognome\":\"" + chi
                + "\",\"dataNascita\":\"19" + cf.substring(6, 8) + "-01-01\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}],"
                + "\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"2000-01-01\","
                + "\"residenteComuneDal\":\"2005-01-01\"},\"isee\":{\"valore\":8000"
                + ",\"protocolloDsu\":\"INPS-IST-" + chi + "\",\"dataDsu\":\"2026-01-20\"},\"patrimonio\":0,"
                + "\"condizioni\":{\"coabitazione\":true},\"alloggi\":[" + alloggiScelti + "]}";
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        domande.put(chi, risposta.json().get("id").asLong());
    }

    private ClientHttp.Risposta avvia(String utente, long graduatoria, String domanda) {
        return http.post("/api/graduatorie/" + graduatoria + "/istruttorie", utente, "{\"domandaId\":" + domande.get(domanda) + "}");
    }

    private ClientHttp.Risposta verifica(String utente, long istruttoria, String esito, Long alloggio, String note) {
        return http.post("/api/istruttorie/" + istruttoria + "/verifica", utente, "{\"esito\":\"" + esito + "\""
                + (alloggio == null ? "" : ",\"alloggioId\":" + alloggio) + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}");
    }

    /** Z may not be the next in the Comune's order (W scores more): the race is about the nucleo, so both give a reason. */
    private ClientHttp.Risposta verificaFuoriOrdine(String utente, long istruttoria, long alloggio) {
        return http.post("/api/istruttorie/" + istruttoria + "/verifica", utente, "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":"
                + alloggio + ",\"motivoFuoriOrdine\":\"prova di concorrenza\"}");
    }

    private String stato(long istruttoria) {
        return jdbc.queryForObject("select stato from istruttoria where id = ?", String.class, istruttoria);
    }

    private HistoricProcessInstance processo(long istruttoria) {
        return processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(istruttoria)).singleResult();
    }

    @BeforeEach
    void assertions() {
        BpmnAwareTests.init(processEngine);
    }

    @Test
    @Order(1)
    void dueEntiIstruisconoLaStessaDomandaEOgnunoVedeChiLaHa() {
        ClientHttp.Risposta aler = avvia(ALER_ISTRUTTORIA, graduatoriaAler, "X");
        assertThat(aler.status()).as(aler.body()).isEqualTo(201);
        istruttorie.put("X-ALER", aler.json().get("id").asLong());
        ClientHttp.Risposta varese = avvia(VARESE_ISTRUTTORIA, graduatoriaVarese, "X");
        assertThat(varese.status()).as(varese.body()).isEqualTo(201);
        istruttorie.put("X-VARESE", varese.json().get("id").asLong());

        Task task = taskService.createTaskQuery().processDefinitionKey(PROCESS_ID).processInstanceBusinessKey(Long.toString(istruttorie.get("X-ALER"))).singleResult();
        assertThat(task.getName()).isEqualTo("Verifica istruttoria – ALER Varese - Como - Monza Brianza - Busto Arsizio, Varese – "
                + "«Avviso di prova» – domanda n. " + domande.get("X"));
        assertThat(task.getAssignee()).as("«prendi in carico»: already the operator's").isEqualTo(ALER_ISTRUTTORIA);
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains("ente-" + CF_ALER + "-istruttoria");
        JsonNode chiLaHa = http.get("/api/domande/" + domande.get("X") + "/istruttorie", VARESE_ISTRUTTORIA).json();
        assertThat(chiLaHa).extracting(i -> i.get("ente").asText()).hasSize(2)
                .anySatisfy(e -> assertThat(e).startsWith("ALER")).anySatisfy(e -> assertThat(e).contains("Varese"));

        JsonNode tutte = http.get("/api/avvisi/" + avviso + "/domande?id=" + domande.get("X"), ALER_ISTRUTTORIA).json();
        assertThat(tutte.get(0).get("lavorazione").asText()).isEqualTo("IN_LAVORAZIONE");
        assertThat(tutte.get(0).get("semaforo").asText()).isEqualTo("GIALLO");
        JsonNode inLavorazione = http.get("/api/avvisi/" + avviso + "/domande/in-lavorazione?id=" + domande.get("X"),
                ALER_ISTRUTTORIA).json();
        assertThat(inLavorazione).as("ALER sees its own work only").singleElement().satisfies(l -> {
            assertThat(l.get("lavorazione").asText()).isEqualTo("ISTRUTTORIA");
            assertThat(l.get("inCaricoA").asText()).isEqualTo(ALER_ISTRUTTORIA);
            assertThat(l.get("semaforo").asText()).isEqualTo("VERDE");
        });
        assertThat(http.get("/api/avvisi/" + avviso + "/domande/in-lavorazione", SUPERVISORE).json())
                .filteredOn(l -> l.get("domandaId").asLong() == domande.get("X")).hasSize(2);

        assertThat(avvia(ALER_ISTRUTTORIA, graduatoriaAler, "X").status()).as("already in istruttoria at ALER").isEqualTo(409);
        assertThat(avvia(CAPOFILA, graduatoriaVarese, "Y").status()).as("gestione avviso is not istruttoria").isEqualTo(403);
        ClientHttp.Risposta fuori = avvia(ALER_ISTRUTTORIA, graduatoriaAler, "Y");
        assertThat(fuori.status()).as("Y did not choose ALER").isEqualTo(400);
        assertThat(fuori.json().get("errori").get(0).get("campo").asText()).isEqualTo("domandaId");
    }

    @Test
    @Order(2)
    void lAssegnazioneDiUnEnteChiudeLIstruttoriaDellAltro() {
        long aler = istruttorie.get("X-ALER");
        ClientHttp.Risposta altrui = verifica(ALER_ISTRUTTORIA, aler, "AMMISSIBILE", diVarese.get(0).getId(), null);
        assertThat(altrui.status()).as("a unit of the Comune").isEqualTo(400);
        assertThat(altrui.json().get("errori").get(0).get("campo").asText()).isEqualTo("alloggioId");
        assertThat(stato(aler)).as("rolled back with the task completion").isEqualTo("IN_CORSO");
        assertThat(taskService.createTaskQuery().processDefinitionKey(PROCESS_ID).processInstanceBusinessKey(Long.toString(aler)).count()).isOne();

        ClientHttp.Risposta assegnata = verifica(ALER_ISTRUTTORIA, aler, "AMMISSIBILE", diAler.get(0).getId(), null);

        assertThat(assegnata.status()).as(assegnata.body()).isEqualTo(200);
        assertThat(assegnata.json().get("stato").asText()).isEqualTo("ASSEGNATA");
        assertThat(jdbc.queryForObject("select alloggio_id from assegnazione where domanda_id = ?", Long.class, domande.get("X")))
                .isEqualTo(diAler.get(0).getId());
        assertThat(processo(aler).getEndActivityId()).isEqualTo(END_CONCLUSA);
        long varese = istruttorie.get("X-VARESE");
        assertThat(stato(varese)).isEqualTo("CHIUSA_ASSEGNATA_ALTROVE");
        assertThat(processo(varese).getEndActivityId()).as("ended by itself").isEqualTo(END_ASSEGNATO_ALTROVE);
        assertThat(http.get("/api/avvisi/" + avviso + "/domande/in-lavorazione?id=" + domande.get("X"), SUPERVISORE).json())
                .as("no longer in lavorazione anywhere").isEmpty();
        ClientHttp.Risposta ancora = avvia(VARESE_ISTRUTTORIA, graduatoriaVarese, "X");
        assertThat(ancora.status()).isEqualTo(409);
        assertThat(ancora.json().get("detail").asText()).contains("già un alloggio assegnato", "ALER");
    }

    @Test
    @Order(3)
    void nonAmmissibileSoloConLeMotivazioni() {
        long id = avvia(VARESE_ISTRUTTORIA, graduatoriaVarese, "Y").json().get("id").asLong();

        ClientHttp.Risposta senzaNote = verifica(VARESE_ISTRUTTORIA, id, "NON_AMMISSIBILE", null, null);
        assertThat(senzaNote.status()).isEqualTo(400);
        assertThat(senzaNote.json().get("errori").get(0).get("campo").asText()).isEqualTo("note");
        assertThat(verifica(ALER_ISTRUTTORIA, id, "NON_AMMISSIBILE", null, "x").status()).as("another ente's").isEqualTo(404);

        // the same outcome from Tasklist: the form's fields complete the engine task
        Task task = taskService.createTaskQuery().processDefinitionKey(PROCESS_ID).processInstanceBusinessKey(Long.toString(id))
                .singleResult();
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/complete", VARESE_ISTRUTTORIA,
                "{\"variables\":{\"esito\":{\"value\":\"NON_AMMISSIBILE\"},\"note\":{\"value\":\"ISEE non confermato\"}}}")
                .status()).isEqualTo(204);
        JsonNode esclusa = http.get("/api/istruttorie/" + id, VARESE_ISTRUTTORIA).json();
        assertThat(esclusa.get("stato").asText()).isEqualTo("NON_AMMISSIBILE");
        assertThat(esclusa.get("note").asText()).isEqualTo("ISEE non confermato");
        assertThat(esclusa.get("chiusaDa").asText()).isEqualTo(VARESE_ISTRUTTORIA);
        assertThat(processo(id).getEndActivityId()).isEqualTo(END_CONCLUSA);
        assertThat(verifica(VARESE_ISTRUTTORIA, id, "NON_AMMISSIBILE", null, "di nuovo").status()).isEqualTo(409);
        ClientHttp.Risposta esclusaQui = avvia(VARESE_ISTRUTTORIA, graduatoriaVarese, "Y");
        assertThat(esclusaQui.status()).as("excluded at this ente").isEqualTo(409);
        assertThat(esclusaQui.json().get("detail").asText()).contains("non ammissibile");
    }

    @Test
    @Order(4)
    void ilRicalcoloPuoSoloAbbassareIlPunteggioEPoiLaDomandaSiRiprende() {
        long id = avvia(VARESE_ISTRUTTORIA, graduatoriaVarese, "W").json().get("id").asLong();
        java.math.BigDecimal prima = jdbc.queryForObject("select coalesce(isbar_lavoro, isbar) from domanda where id = ?",
                java.math.BigDecimal.class, domande.get("W"));

        ClientHttp.Risposta alzerebbe = http.post("/api/istruttorie/" + id + "/verifica", VARESE_ISTRUTTORIA,
                "{\"esito\":\"RICALCOLO\",\"correzione\":{\"isee\":2000}}");
        assertThat(alzerebbe.status()).isEqualTo(409);
        assertThat(alzerebbe.json().get("detail").asText()).contains("possono solo scendere");
        assertThat(stato(id)).isEqualTo("IN_CORSO");
        assertThat(jdbc.queryForObject("select isee from domanda where id = ?", java.math.BigDecimal.class, domande.get("W")))
                .as("nothing written").isEqualByComparingTo("8000");

        ClientHttp.Risposta ricalcolata = http.post("/api/istruttorie/" + id + "/verifica", VARESE_ISTRUTTORIA,
                "{\"esito\":\"RICALCOLO\",\"correzione\":{\"isee\":14000,\"condizioni\":{}},\"note\":\"ISEE aggiornato\"}");
        assertThat(ricalcolata.status()).as(ricalcolata.body()).isEqualTo(200);
        assertThat(ricalcolata.json().get("stato").asText()).isEqualTo("RICALCOLATA");
        assertThat(ricalcolata.json().get("isbarPrima").decimalValue()).isEqualByComparingTo(prima);
        java.math.BigDecimal dopo = ricalcolata.json().get("isbarDopo").decimalValue();
        assertThat(dopo).isLessThan(prima);
        assertThat(jdbc.queryForObject("select isbar_lavoro from domanda where id = ?", java.math.BigDecimal.class, domande.get("W")))
                .isEqualByComparingTo(dopo);
        assertThat(processo(id).getEndActivityId()).isEqualTo(END_CONCLUSA);
        assertThat(avvia(VARESE_ISTRUTTORIA, graduatoriaVarese, "W").status()).as("taken again later").isEqualTo(201);
    }

    @Test
    @Order(5)
    void dueEntiCheAssegnanoLoStessoNucleoInsiemeUnoSoloVince() throws Exception {
        long aler = avvia(ALER_ISTRUTTORIA, graduatoriaAler, "Z").json().get("id").asLong();
        long varese = avvia(VARESE_ISTRUTTORIA, graduatoriaVarese, "Z").json().get("id").asLong();
        CountDownLatch via = new CountDownLatch(1);
        ExecutorService due = Executors.newFixedThreadPool(2);
        List<Future<ClientHttp.Risposta>> risposte = new ArrayList<>();
        risposte.add(due.submit(() -> {
            via.await();
            return verificaFuoriOrdine(ALER_ISTRUTTORIA, aler, diAler.get(1).getId());
        }));
        risposte.add(due.submit(() -> {
            via.await();
            return verificaFuoriOrdine(VARESE_ISTRUTTORIA, varese, diVarese.get(1).getId());
        }));
        via.countDown();
        List<Integer> stati = new ArrayList<>();
        for (Future<ClientHttp.Risposta> r : risposte) {
            stati.add(r.get().status());
        }
        due.shutdown();

        assertThat(stati).containsExactlyInAnyOrder(200, 409);
        ClientHttp.Risposta perdente = risposte.get(stati.indexOf(409)).get();
        assertThat(perdente.json().get("detail").asText()).contains("domanda " + domande.get("Z"));
        assertThat(jdbc.queryForObject("select count(*) from assegnazione where domanda_id = ?", Integer.class, domande.get("Z")))
                .isOne();
        assertThat(List.of(stato(aler), stato(varese))).containsExactlyInAnyOrder("ASSEGNATA", "CHIUSA_ASSEGNATA_ALTROVE");
        assertThat(taskService.createTaskQuery().processDefinitionKey(PROCESS_ID).processInstanceBusinessKeyIn(
                Long.toString(aler), Long.toString(varese)).count()).isZero();
    }

    private long assegnazioneDi(String domanda) {
        return jdbc.queryForObject("select id from assegnazione where domanda_id = ? and stato <> 'RINUNCIATA'", Long.class,
                domande.get(domanda));
    }

    private static int colonna(JsonNode tabella, String nome) {
        for (int i = 0; i < tabella.get("colonne").size(); i++) {
            if (tabella.get("colonne").get(i).asText().equals(nome)) {
                return i;
            }
        }
        throw new AssertionError("colonna " + nome + " assente");
    }

    private ClientHttp.Risposta contratto(String utente, long assegnazione, String body) {
        return http.post("/api/assegnazioni/" + assegnazione + "/contratto", utente, body);
    }

    @Test
    @Order(6)
    void ilContrattoRendeOccupatoLAlloggioEIlNucleoInquilinoEDopoTrentaGiorniLoVedonoISupervisori() {
        long assegnazione = assegnazioneDi("X");
        org.camunda.bpm.engine.runtime.ProcessInstance istanza = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ContrattoBpmn.PROCESS_ID).processInstanceBusinessKey(Long.toString(assegnazione)).singleResult();
        assertThat(istanza).isWaitingAt(ContrattoBpmn.TASK_CONFERMA);
        Task task = taskService.createTaskQuery().processInstanceId(istanza.getId()).singleResult();
        java.time.Instant assegnata = jdbc.queryForObject("select assegnata_il from assegnazione where id = ?",
                java.sql.Timestamp.class, assegnazione).toInstant();
        assertThat(task.getDueDate().toInstant()).isCloseTo(assegnata.plus(java.time.Duration.ofDays(30)),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).containsExactly("ente-" + CF_ALER);

        managementService.executeJob(managementService.createJobQuery().processInstanceId(istanza.getId())
                .activityId(ContrattoBpmn.TIMER_SCADENZA).singleResult().getId());
        assertThat(istanza).hasPassed(ContrattoBpmn.SERVICE_SEGNALA).isWaitingAt(ContrattoBpmn.TASK_CONFERMA);
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains("ente-" + CF_ALER, "supervisori");

        ClientHttp.Risposta incompleto = contratto(ALER_ISTRUTTORIA, assegnazione, "{\"esito\":\"FIRMATO\",\"numero\":\"C-1\"}");
        assertThat(incompleto.status()).isEqualTo(400);
        assertThat(incompleto.json().get("errori").findValuesAsText("campo")).contains("firmatoIl", "decorrenza", "canoneMensile",
                "registrazione");
        assertThat(contratto(VARESE_ISTRUTTORIA, assegnazione, "{\"esito\":\"RINUNCIA\",\"motivoRinuncia\":\"x\"}").status())
                .as("another ente's").isEqualTo(404);

        ClientHttp.Risposta firmato = contratto(ALER_AVVISO, assegnazione, """
                {"esito":"FIRMATO","numero":"ALER-2026-0042","firmatoIl":"2026-11-30","decorrenza":"2026-12-01",
                 "canoneMensile":135.40,"registrazione":"Agenzia Entrate Varese, serie 3T n. 4711"}""");
        assertThat(firmato.status()).as(firmato.body()).isEqualTo(200);
        assertThat(firmato.json().get("stato").asText()).isEqualTo("CONTRATTO");
        assertThat(firmato.json().get("contratto").asText()).isEqualTo("ALER-2026-0042");
        assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, diAler.get(0).getId()))
                .isEqualTo("OCCUPATO");
        // in the alloggio's history, like any change of the Anagrafe: from LIBERO to OCCUPATO, by who registered the lease
        assertThat(jdbc.queryForList("select azione || ' ' || (prima ->> 'stato') || ' → ' || (dopo ->> 'stato') || ' ' || operatore"
                + " from anagrafe_registro where alloggio_id = ? order by id", String.class, diAler.get(0).getId()))
                .containsExactly("MODIFICA LIBERO → OCCUPATO " + ALER_AVVISO);
        assertThat(jdbc.queryForObject("select n.alloggio_id from nucleo_familiare n join domanda d on d.nucleo_id = n.id "
                + "where d.id = ?", Long.class, domande.get("X"))).as("the nucleo is its tenant").isEqualTo(diAler.get(0).getId());
        assertThat(istanza).isEnded().hasPassed(ContrattoBpmn.END_REGISTRATO);
    }

    @Test
    @Order(7)
    void dueOperatoriCheLaPrendonoInCaricoInsiemeUnoSoloLaOttiene() throws Exception {
        long assegnazione = assegnazioneDi("Z");
        boolean aler = jdbc.queryForObject("select e.codice_fiscale from assegnazione a join ente_proprietario e "
                + "on e.id = a.ente_id where a.id = ?", String.class, assegnazione).equals(CF_ALER);
        List<String> operatori = aler ? List.of(ALER_AVVISO, ALER_ISTRUTTORIA) : List.of(CAPOFILA, VARESE_ISTRUTTORIA);
        String task = taskService.createTaskQuery().processDefinitionKey(ContrattoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(assegnazione)).singleResult().getId();
        String prendi = "/api/attivita/" + task + "/prendi-in-carico";
        assertThat(http.post(prendi, aler ? CAPOFILA : ALER_AVVISO, "{}").status()).as("not a candidate").isEqualTo(404);

        CountDownLatch via = new CountDownLatch(1);
        ExecutorService due = Executors.newFixedThreadPool(2);
        List<Future<ClientHttp.Risposta>> risposte = new ArrayList<>();
        for (String operatore : operatori) {
            risposte.add(due.submit(() -> {
                via.await();
                return http.post(prendi, operatore, "{}");
            }));
        }
        via.countDown();
        List<Integer> stati = new ArrayList<>();
        for (Future<ClientHttp.Risposta> r : risposte) {
            stati.add(r.get().status());
        }
        due.shutdown();

        assertThat(stati).containsExactlyInAnyOrder(204, 409);
        String vincitore = operatori.get(stati.indexOf(204));
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(vincitore);
        assertThat(risposte.get(stati.indexOf(409)).get().json().get("detail").asText())
                .contains("Conferma registrazione contratto");
        assertThat(http.post(prendi, vincitore, "{}").status()).as("taking it again changes nothing").isEqualTo(204);
        assertThat(http.post("/api/attivita/" + task + "/rilascia", operatori.get(stati.indexOf(409)), "{}").status())
                .as("only who holds it releases it").isEqualTo(409);
        assertThat(http.post("/api/attivita/" + task + "/rilascia", vincitore, "{}").status()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    }

    @Test
    @Order(8)
    void laRinunciaDelNucleoConIlMotivoLiberaLAlloggio() {
        long assegnazione = assegnazioneDi("Z");
        long alloggio = jdbc.queryForObject("select alloggio_id from assegnazione where id = ?", Long.class, assegnazione);

        ClientHttp.Risposta senzaMotivo = contratto(ALER_ISTRUTTORIA, assegnazione, "{\"esito\":\"RINUNCIA\"}");
        ClientHttp.Risposta altroEnte = contratto(VARESE_ISTRUTTORIA, assegnazione, "{\"esito\":\"RINUNCIA\"}");
        assertThat(List.of(senzaMotivo.status(), altroEnte.status())).as("400 from the owner, 404 from the other")
                .containsExactlyInAnyOrder(400, 404);
        String chi = senzaMotivo.status() == 400 ? ALER_ISTRUTTORIA : VARESE_ISTRUTTORIA;

        ClientHttp.Risposta rinuncia = contratto(chi, assegnazione, "{\"esito\":\"RINUNCIA\",\"motivoRinuncia\":\"Alloggio al quarto piano senza ascensore\"}");
        assertThat(rinuncia.status()).as(rinuncia.body()).isEqualTo(200);
        assertThat(rinuncia.json().get("stato").asText()).isEqualTo("RINUNCIATA");
        assertThat(rinuncia.json().get("rinunciaMotivo").asText()).contains("ascensore");
        assertThat(jdbc.queryForObject("select count(*) from assegnazione where alloggio_id = ? and stato <> 'RINUNCIATA'",
                Integer.class, alloggio)).as("the alloggio can be assigned again").isZero();
        assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, alloggio)).isEqualTo("LIBERO");
        long graduatoriaDellEnte = jdbc.queryForObject("select i.graduatoria_id from assegnazione a join istruttoria i "
                + "on i.id = a.istruttoria_id where a.id = ?", Long.class, assegnazione);
        assertThat(http.get("/api/graduatorie/" + graduatoriaDellEnte + "/ordine-assegnazione", SUPERVISORE).json().get("ordine"))
                .extracting(p -> p.get("domandaId").asLong()).as("art. 15 co. 4: the ente moves down the list")
                .doesNotContain(domande.get("Z"));
    }

    @Test
    @Order(9)
    void nelRipescaggioSiAssegnaAncheUnAlloggioLiberatoDopoUnoSgombero() {
        long w = jdbc.queryForObject("select id from istruttoria where domanda_id = ? and stato = 'IN_CORSO'", Long.class,
                domande.get("W"));
        long liberato = jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select 'SGOMBERO-1', e.id, c.id, 'Via dello Sgombero 1', 0, 55, 2, false, false, 'LIBERO'
                  from ente_proprietario e, comune c where e.codice_fiscale = ? and c.codice_istat = '012133'
                returning id""", Long.class, CF_COMUNE_VARESE);
        String alloggiLiberi = "/api/graduatorie/" + graduatoriaVarese + "/alloggi-liberi";
        String body = "{\"alloggioId\":" + liberato + ",\"tipologiaRiscaldamento\":\"Autonomo a gas\",\"speseAnnueUtenze\":900}";
        assertThat(http.post(alloggiLiberi, CAPOFILA, body).status()).as("only in ripescaggio").isEqualTo(409);

        String ripescaggio = "/api/graduatorie/" + graduatoriaVarese + "/ripescaggio";
        assertThat(http.post(ripescaggio, VARESE_ISTRUTTORIA, "{}").status()).as("gestione avviso only").isEqualTo(403);
        ClientHttp.Risposta avviato = http.post(ripescaggio, CAPOFILA, "{}");
        assertThat(avviato.status()).as(avviato.body()).isEqualTo(200);
        assertThat(avviato.json().get("stato").asText()).isEqualTo("RIPESCAGGIO");
        assertThat(http.post(ripescaggio, CAPOFILA, "{}").status()).as("already").isEqualTo(409);

        ClientHttp.Risposta incompleto = http.post(alloggiLiberi, CAPOFILA, "{\"alloggioId\":" + liberato + "}");
        assertThat(incompleto.status()).isEqualTo(400);
        assertThat(incompleto.json().get("errori").findValuesAsText("campo")).contains("tipologiaRiscaldamento", "speseAnnueUtenze");
        assertThat(http.post(alloggiLiberi, CAPOFILA, body).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select pubblicato_in_avviso from alloggio_in_avviso where alloggio_id = ?", Boolean.class,
                liberato)).as("not published in the avviso").isFalse();
        assertThat(http.post(alloggiLiberi, CAPOFILA, body).status()).as("already in the avviso").isEqualTo(409);

        ClientHttp.Risposta diAltroEnte = http.post("/api/istruttorie/" + w + "/verifica", VARESE_ISTRUTTORIA,
                "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":" + diAler.get(1).getId() + ",\"motivoFuoriOrdine\":\"r\"}");
        assertThat(diAltroEnte.status()).isEqualTo(400);
        ClientHttp.Risposta assegnato = http.post("/api/istruttorie/" + w + "/verifica", VARESE_ISTRUTTORIA,
                "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":" + liberato + ",\"motivoFuoriOrdine\":\"ripescaggio\"}");
        assertThat(assegnato.status()).as("a unit W never chose, in ripescaggio: " + assegnato.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select alloggio_id from assegnazione where domanda_id = ? and stato <> 'RINUNCIATA'",
                Long.class, domande.get("W"))).isEqualTo(liberato);

        // the other kind: a leftover unit published in the avviso, which V2 never chose
        long rimasto = diVarese.get(1).getId();
        assertThat(jdbc.queryForObject("select count(*) from assegnazione where alloggio_id = ? and stato <> 'RINUNCIATA'",
                Integer.class, rimasto)).as("left over after the first round").isZero();
        long v2 = avvia(VARESE_ISTRUTTORIA, graduatoriaVarese, "V2").json().get("id").asLong();
        ClientHttp.Risposta rimastoAssegnato = http.post("/api/istruttorie/" + v2 + "/verifica", VARESE_ISTRUTTORIA,
                "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":" + rimasto + ",\"motivoFuoriOrdine\":\"ripescaggio\"}");
        assertThat(rimastoAssegnato.status()).as(rimastoAssegnato.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select alloggio_id from assegnazione where domanda_id = ? and stato <> 'RINUNCIATA'",
                Long.class, domande.get("V2"))).isEqualTo(rimasto);
    }

    @Test
    @Order(10)
    void laGraduatoriaScorreFinoAllaDefinitivaDelProssimoAvvisoPoiSiChiude() {
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        Alloggio varese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        long prossimo = scenario.aperto(List.of(varese), List.of(CAPOFILA));
        presenta(prossimo, "V", "MNTSRA88P43L682V", Long.toString(varese.getId()));
        Graduatoria nuova = scenario.graduatorieApprovate(prossimo, graduatorie, graduatorieService, jdbc, false).get(0);
        assertThat(jdbc.queryForObject("select stato from graduatoria where id = ?", String.class, graduatoriaVarese))
                .as("still scrolling while the next one is provisional").isEqualTo("RIPESCAGGIO");

        graduatorieService.rendiDefinitiva(nuova.getId(), "test");

        assertThat(jdbc.queryForObject("select stato from graduatoria where id = ?", String.class, graduatoriaVarese)).isEqualTo("CHIUSA");
        assertThat(jdbc.queryForObject("select chiusa_da_graduatoria from graduatoria where id = ?", Long.class, graduatoriaVarese))
                .isEqualTo(nuova.getId());
        assertThat(jdbc.queryForObject("select stato from graduatoria where id = ?", String.class, graduatoriaAler))
                .as("another ente's graduatoria is not touched").isEqualTo("DEFINITIVA");
        assertThat(http.get("/api/graduatorie/" + graduatoriaVarese + "/ordine-assegnazione", VARESE_ISTRUTTORIA).status())
                .isEqualTo(409);
    }

    @Test
    @Order(11)
    void iReportDellAvvisoMostranoStatoDelleDomandeEDegliAlloggi() throws Exception {
        String base = "/api/avvisi/" + avviso + "/report/";
        JsonNode domandeTutte = http.get(base + "domande-in-avviso", SUPERVISORE).json();
        int stato = colonna(domandeTutte, "Stato della domanda");
        Map<Long, JsonNode> perId = new HashMap<>();
        domandeTutte.get("righe").forEach(r -> perId.put(r.get(0).asLong(), r));
        JsonNode x = perId.get(domande.get("X"));
        assertThat(x.get(stato).asText()).isEqualTo("CONTRATTO FIRMATO");
        assertThat(x.get(colonna(domandeTutte, "Ente assegnatario")).asText()).startsWith("ALER");
        assertThat(x.get(colonna(domandeTutte, "Nome")).asText()).isEqualTo("N");
        assertThat(x.get(colonna(domandeTutte, "Cognome")).asText()).isEqualTo("X");
        assertThat(x.get(colonna(domandeTutte, "Comune di residenza")).asText()).isEqualTo("Varese");
        assertThat(x.get(colonna(domandeTutte, "Alloggio 1")).asText()).isEqualTo("IST-1");
        assertThat(x.get(colonna(domandeTutte, "Alloggio 3")).isNull()).isTrue();
        assertThat(x.get(colonna(domandeTutte, "Periodo di residenza sul territorio regionale")).asText()).isEqualTo("15 anni +");
        assertThat(perId.get(domande.get("Y")).get(stato).asText()).isEqualTo("NON AMMISSIBILE PRESSO UN ENTE");
        assertThat(perId.get(domande.get("W")).get(stato).asText()).isEqualTo("ASSEGNATARIA");
        assertThat(perId.get(domande.get("W")).get(colonna(domandeTutte, "Alloggio assegnato")).asText()).isEqualTo("SGOMBERO-1");
        assertThat(perId.get(domande.get("Z")).get(stato).asText()).isEqualTo("RINUNCIA ALL'ALLOGGIO");
        JsonNode tutte = http.get("/api/avvisi/" + avviso + "/domande", SUPERVISORE).json();
        Map<Long, String> semafori = new HashMap<>();
        tutte.forEach(d -> semafori.put(d.get("id").asLong(), d.get("semaforo").asText()));
        assertThat(semafori).containsEntry(domande.get("X"), "VERDE").containsEntry(domande.get("Y"), "ROSSO")
                .containsEntry(domande.get("Z"), "ROSSO");

        assertThat(http.get(base + "domande-in-avviso", ALER_ISTRUTTORIA).json().get("righe"))
                .extracting(r -> r.get(0).asLong()).as("ALER sees the domande that chose its units")
                .containsExactlyInAnyOrder(domande.get("X"), domande.get("Z"));

        JsonNode alloggiInAvviso = http.get(base + "alloggi-in-avviso", CAPOFILA).json().get("righe");
        assertThat(alloggiInAvviso).anySatisfy(r -> {
            assertThat(r.get(1).asText()).isEqualTo("SGOMBERO-1");
            assertThat(r.get(9).asBoolean()).as("not published in the avviso").isFalse();
            assertThat(r.get(10).asBoolean()).isTrue();
            assertThat(r.get(11).asLong()).isEqualTo(domande.get("W"));
        });
        assertThat(alloggiInAvviso).allSatisfy(r -> assertThat(r.get(2).asText()).contains("Varese").doesNotStartWith("ALER"));

        assertThat(http.get(base + "domande-non-assegnatarie", SUPERVISORE).json().get("righe"))
                .extracting(r -> r.get(0).asLong()).containsExactlyInAnyOrder(domande.get("Y"), domande.get("Z"));

        java.net.http.HttpResponse<byte[]> xlsx = java.net.http.HttpClient.newHttpClient().send(
                http.richiesta(base + "domande-in-avviso?formato=xlsx", SUPERVISORE).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var foglio = workbook.getSheetAt(0);
            assertThat(foglio.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ID domanda");
            assertThat(foglio.getLastRowNum()).as("one row per domanda").isEqualTo(domandeTutte.get("righe").size());
            assertThat(foglio.getRow(1).getCell(5).getStringCellValue()).isNotBlank();
        }
        String csv = http.get(base + "domande-non-assegnatarie?formato=csv", SUPERVISORE).body();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("ID domanda;Nome;Cognome;Punteggio ISBAR;Condizione di indigenza;"
                + "Numero dei componenti;Presenza di componenti disabili");
        assertThat(csv.lines().count()).isEqualTo(3);
        assertThat(http.get(base + "sconosciuto", SUPERVISORE).status()).isEqualTo(400);
        assertThat(http.get("/api/avvisi/" + avviso + "/report/domande-in-avviso?formato=pdf", SUPERVISORE).status()).isEqualTo(400);
    }
}
