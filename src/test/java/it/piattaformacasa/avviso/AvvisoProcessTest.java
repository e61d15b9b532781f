package it.piattaformacasa.avviso;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.avviso.process.AvvisoBpmn.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;

/** processes/avviso.bpmn: predisposizione, selezione alloggi, apertura and chiusura, timers fired by name. */
@IntegrationTest
class AvvisoProcessTest {

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
    AvvisoRepository avvisi;
    @Autowired
    AlloggioRepository alloggi;
    ClientHttp http;

    @BeforeEach
    void init() {
        http = new ClientHttp(port);
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void ilCapofilaPredisponeLAvvisoELaSelezioneSiApreConUnAttivitaPerEnte() {
        JsonNode avviso = predisponi(CAPOFILA, lavorativo(5, 10), lavorativo(40, 12)).json();

        assertThat(avviso.get("stato").asText()).isEqualTo("SELEZIONE_ALLOGGI");
        assertThat(avviso.get("versioneRegole").asText()).isEqualTo("LOMBARDIA_2025_SECONDO_STEP");
        assertThat(avviso.get("massimoAlloggiPerDomanda").asInt()).isEqualTo(2);
        assertThat(avviso.get("avvertenze")).isEmpty();
        ProcessInstance istanza = istanza(avviso);
        assertThat(istanza).hasPassed(SERVICE_APRI_SELEZIONE).isWaitingAt(TASK_SELEZIONA_ALLOGGI);
        List<Task> attivita = taskService.createTaskQuery().processInstanceId(istanza.getId()).list();
        assertThat(attivita).extracting(t -> gruppoDi(t)).containsExactlyInAnyOrder(
                "ente-" + CF_COMUNE_VARESE + "-avviso", "ente-" + CF_ALER + "-avviso", "ente-" + CF_COMUNE_MALNATE + "-avviso");
        Instant fineSelezione = Instant.parse(avviso.get("fineSelezioneAlloggi").asText());
        assertThat(attivita).allSatisfy(t -> assertThat(t.getDueDate().toInstant()).isEqualTo(fineSelezione));
        assertThat(fineSelezione).isEqualTo(Instant.parse(avviso.get("apertura").asText()).minusSeconds(24 * 3600));
    }

    @Test
    void unaFinestraDiMenoDiTrentaGiorniVieneRifiutataESenzaScrivereNulla() {
        long prima = avvisi.count();
        ClientHttp.Risposta risposta = predisponi(CAPOFILA, lavorativo(5, 10), lavorativo(5, 10).plusSeconds(29L * 24 * 3600));
        assertThat(risposta.status()).isEqualTo(400);
        assertThat(risposta.json().get("errori").get(0).get("campo").asText()).isEqualTo("chiusura");
        assertThat(risposta.json().get("errori").get(0).get("messaggio").asText()).contains("almeno 30 giorni");
        assertThat(avvisi.count()).isEqualTo(prima);
    }

    @Test
    void unAperturaEntroVentiquattroOreNonLasciaTempoAgliEntiEVieneRifiutata() {
        Instant apertura = Instant.now().plusSeconds(20 * 3600);
        ClientHttp.Risposta risposta = predisponi(CAPOFILA, apertura, apertura.plusSeconds(31L * 24 * 3600));
        assertThat(risposta.status()).isEqualTo(400);
        assertThat(risposta.json().get("errori").findValuesAsText("campo")).contains("apertura");
    }

    @Test
    void aperturaEChiusuraFuoriOrarioAssistenzaDannoAvvertenzeMaNonBloccano() {
        Instant sabato = giorno(DayOfWeek.SATURDAY, 10, 10);
        Instant seraFeriale = lavorativo(45, 19);
        ClientHttp.Risposta risposta = predisponi(CAPOFILA, sabato, seraFeriale);
        assertThat(risposta.status()).isEqualTo(201);
        assertThat(risposta.json().get("avvertenze")).hasSize(2);
        assertThat(risposta.json().get("avvertenze").get(0).asText()).contains("lunedì-venerdì 9:00-16:00");
    }

    @Test
    void soloGliOperatoriDelCapofilaConGestioneAvvisoPredispongono() {
        assertThat(predisponi(ALER_AVVISO, lavorativo(5, 10), lavorativo(40, 12)).status()).isEqualTo(403);
        assertThat(predisponi(VARESE_ISTRUTTORIA, lavorativo(5, 10), lavorativo(40, 12)).status()).isEqualTo(403);
        assertThat(predisponi(null, lavorativo(5, 10), lavorativo(40, 12)).status()).isEqualTo(401);
    }

    @Test
    void lEnteInserisceUnProprioAlloggioConIDatiObbligatori() {
        long avviso = predisponi(CAPOFILA, lavorativo(5, 10), lavorativo(40, 12)).json().get("id").asLong();
        Alloggio libero = alloggioDi(CF_ALER, StatoAlloggio.LIBERO);

        ClientHttp.Risposta risposta = aggiungi(ALER_AVVISO, avviso, libero.getId(), "IMMEDIATAMENTE_ASSEGNABILE", null);

        assertThat(risposta.status()).isEqualTo(201);
        assertThat(risposta.json().get("statoInAvviso").asText()).isEqualTo("LIBERO");
        assertThat(risposta.json().get("inseritoDa").asText()).isEqualTo(ALER_AVVISO);
        JsonNode elenco = http.get("/api/avvisi/" + avviso + "/alloggi", CAPOFILA).json();
        assertThat(elenco.findValuesAsText("alloggioId")).containsExactly(libero.getId().toString());
        // a second time is a conflict, nothing is duplicated
        assertThat(aggiungi(ALER_AVVISO, avviso, libero.getId(), "IMMEDIATAMENTE_ASSEGNABILE", null).status()).isEqualTo(409);
        assertThat(http.get("/api/avvisi/" + avviso + "/alloggi", CAPOFILA).json()).hasSize(1);
    }

    @Test
    void lEnteRitiraUnProprioAlloggioSoloDuranteLaSelezione() {
        JsonNode creato = predisponi(CAPOFILA, lavorativo(5, 10), lavorativo(40, 12)).json();
        long avviso = creato.get("id").asLong();
        long libero = alloggioDi(CF_ALER, StatoAlloggio.LIBERO).getId();
        aggiungi(ALER_AVVISO, avviso, libero, "IMMEDIATAMENTE_ASSEGNABILE", null);

        assertThat(http.delete("/api/avvisi/" + avviso + "/alloggi/" + libero, ALER_ISTRUTTORIA).status()).isEqualTo(403);
        assertThat(http.delete("/api/avvisi/" + avviso + "/alloggi/" + libero, ALER_AVVISO).status()).isEqualTo(204);
        assertThat(http.get("/api/avvisi/" + avviso + "/alloggi", ALER_AVVISO).json()).isEmpty();
        assertThat(http.delete("/api/avvisi/" + avviso + "/alloggi/" + libero, ALER_AVVISO).status()).isEqualTo(404);

        aggiungi(ALER_AVVISO, avviso, libero, "IMMEDIATAMENTE_ASSEGNABILE", null);
        eseguiTimer(istanza(creato), TIMER_FINE_SELEZIONE);
        assertThat(http.delete("/api/avvisi/" + avviso + "/alloggi/" + libero, ALER_AVVISO).status()).isEqualTo(409);
        assertThat(http.get("/api/avvisi/" + avviso + "/alloggi", ALER_AVVISO).json()).hasSize(1);
    }

    @Test
    void unAlloggioAllostatoDiFattoRichiedeInterventiECosto() {
        long avviso = predisponi(CAPOFILA, lavorativo(5, 10), lavorativo(40, 12)).json().get("id").asLong();
        Alloggio sfitto = alloggioDi(CF_ALER, StatoAlloggio.SFITTO_CARENZE_MANUTENTIVE);

        ClientHttp.Risposta senza = aggiungi(ALER_AVVISO, avviso, sfitto.getId(), "STATO_DI_FATTO_INTERVENTI_CITTADINO", null);
        assertThat(senza.status()).isEqualTo(400);
        assertThat(senza.json().get("errori").findValuesAsText("campo")).containsExactly("interventi");

        ClientHttp.Risposta con = aggiungi(ALER_AVVISO, avviso, sfitto.getId(), "STATO_DI_FATTO_INTERVENTI_CITTADINO",
                "\"interventi\":\"Rifacimento impianto elettrico\",\"costoInterventi\":8500.00");
        assertThat(con.status()).isEqualTo(201);
        assertThat(con.json().get("statoInAvviso").asText()).isEqualTo("SFITTO_CARENZE_MANUTENTIVE");
        assertThat(alloggi.findById(sfitto.getId()).orElseThrow().getStato())
                .as("the Anagrafe state does not change").isEqualTo(StatoAlloggio.SFITTO_CARENZE_MANUTENTIVE);
    }

    @Test
    void richiesteMalformateRicevonoIlCampoEIlMotivoInItaliano() {
        long avviso = predisponi(CAPOFILA, lavorativo(5, 10), lavorativo(40, 12)).json().get("id").asLong();
        long libero = alloggioDi(CF_ALER, StatoAlloggio.LIBERO).getId();

        ClientHttp.Risposta tipologia = aggiungi(ALER_AVVISO, avviso, libero, "STATO_DI_FATTO", null);
        assertThat(tipologia.status()).isEqualTo(400);
        assertThat(tipologia.json().get("errori").get(0).get("campo").asText()).isEqualTo("tipologia");
        assertThat(tipologia.json().get("errori").get(0).get("messaggio").asText()).contains("ammessi", "IMMEDIATAMENTE_ASSEGNABILE");

        ClientHttp.Risposta negativa = http.post("/api/avvisi/" + avviso + "/alloggi", ALER_AVVISO, "{\"alloggioId\":" + libero
                + ",\"tipologia\":\"IMMEDIATAMENTE_ASSEGNABILE\",\"tipologiaRiscaldamento\":\"Autonomo\",\"speseAnnueUtenze\":-3}");
        assertThat(negativa.status()).isEqualTo(400);
        assertThat(negativa.json().get("errori").get(0).get("campo").asText()).isEqualTo("speseAnnueUtenze");

        ClientHttp.Risposta malformata = http.post("/api/avvisi/" + avviso + "/alloggi", ALER_AVVISO, "{\"alloggioId\": ");
        assertThat(malformata.status()).isEqualTo(400);
        assertThat(malformata.json().get("title").asText()).isEqualTo("Richiesta non leggibile");

        ClientHttp.Risposta senzaCampi = http.post("/api/avvisi", CAPOFILA, "{}");
        assertThat(senzaCampi.status()).isEqualTo(400);
        assertThat(senzaCampi.json().get("errori").findValuesAsText("campo"))
                .containsExactlyInAnyOrder("ambito", "titolo", "tipo", "apertura", "chiusura");
        assertThat(http.get("/api/avvisi/" + avviso + "/alloggi", CAPOFILA).json()).isEmpty();
    }

    @Test
    void unAlloggioOccupatoNonPuoEssereOffertoComeImmediatamenteAssegnabile() {
        long avviso = predisponi(CAPOFILA, lavorativo(5, 10), lavorativo(40, 12)).json().get("id").asLong();
        ClientHttp.Risposta risposta = aggiungi(ALER_AVVISO, avviso, alloggioDi(CF_ALER, StatoAlloggio.OCCUPATO).getId(),
                "IMMEDIATAMENTE_ASSEGNABILE", null);
        assertThat(risposta.status()).isEqualTo(400);
        assertThat(risposta.json().get("errori").findValuesAsText("campo")).containsExactly("tipologia");
    }

    @Test
    void unEnteNonInserisceGliAlloggiDiUnAltroEnte() {
        long avviso = predisponi(CAPOFILA, lavorativo(5, 10), lavorativo(40, 12)).json().get("id").asLong();
        long diAler = alloggioDi(CF_ALER, StatoAlloggio.LIBERO).getId();
        // not even visible to the Comune's operator
        assertThat(aggiungi(CAPOFILA, avviso, diAler, "IMMEDIATAMENTE_ASSEGNABILE", null).status()).isEqualTo(404);
        // visible to ALER's istruttoria operator, who lacks «Gestione Avviso»
        assertThat(aggiungi(ALER_ISTRUTTORIA, avviso, diAler, "IMMEDIATAMENTE_ASSEGNABILE", null).status()).isEqualTo(403);
        assertThat(http.get("/api/avvisi/" + avviso + "/alloggi", CAPOFILA).json()).isEmpty();
    }

    @Test
    void allaFineDellaSelezioneLeAttivitaSiChiudonoPoiLAvvisoSiApreESiChiude() {
        JsonNode creato = predisponi(CAPOFILA, lavorativo(5, 10), lavorativo(40, 12)).json();
        long avviso = creato.get("id").asLong();
        ProcessInstance istanza = istanza(creato);

        eseguiTimer(istanza, TIMER_FINE_SELEZIONE);

        assertThat(istanza).hasPassed(TIMER_FINE_SELEZIONE, SERVICE_CHIUDI_SELEZIONE).hasNotPassed(TIMER_ATTESA_FINE_SELEZIONE)
                .isWaitingAt(TIMER_APERTURA);
        assertThat(taskService.createTaskQuery().processInstanceId(istanza.getId()).count()).isZero();
        assertThat(stato(avviso)).isEqualTo(StatoAvviso.IN_ATTESA_APERTURA);
        ClientHttp.Risposta tardiva = aggiungi(ALER_AVVISO, avviso, alloggioDi(CF_ALER, StatoAlloggio.LIBERO).getId(),
                "IMMEDIATAMENTE_ASSEGNABILE", null);
        assertThat(tardiva.status()).isEqualTo(409);
        assertThat(tardiva.json().get("detail").asText()).contains("24 ore prima dell'apertura");

        eseguiTimer(istanza, TIMER_APERTURA);
        assertThat(istanza).hasPassed(SERVICE_APRI_AVVISO).isWaitingAt(TIMER_CHIUSURA);
        assertThat(stato(avviso)).isEqualTo(StatoAvviso.APERTO);

        eseguiTimer(istanza, TIMER_CHIUSURA);
        assertThat(istanza).hasPassed(SERVICE_CHIUDI_AVVISO).isWaitingAt(SERVICE_GENERA_GRADUATORIE);
        assertThat(stato(avviso)).isEqualTo(StatoAvviso.CHIUSO);

        eseguiTimer(istanza, SERVICE_GENERA_GRADUATORIE);
        assertThat(istanza).hasPassed(SERVICE_GENERA_GRADUATORIE, END_AVVISO_CHIUSO).isEnded();
    }

    @Test
    void seTuttiGliEntiConfermanoPrimaLaSelezioneRestaApertaFinoAlTermine() {
        JsonNode creato = predisponi(CAPOFILA, lavorativo(5, 10), lavorativo(40, 12)).json();
        long avviso = creato.get("id").asLong();
        ProcessInstance istanza = istanza(creato);

        for (String operatore : List.of(CAPOFILA, ALER_AVVISO, MALNATE)) {
            List<JsonNode> visibili = attivitaVisibili(operatore, istanza.getId());
            assertThat(visibili).as("tasks of %s", operatore).hasSize(1);
            String taskId = visibili.get(0).get("id").asText();
            assertThat(http.post("/engine-rest/task/" + taskId + "/claim", operatore, "{\"userId\":\"" + operatore + "\"}").status())
                    .isEqualTo(204);
            assertThat(http.post("/engine-rest/task/" + taskId + "/complete", operatore,
                    "{\"variables\":{\"selezioneCompletata\":{\"value\":true,\"type\":\"Boolean\"}}}").status()).isEqualTo(204);
        }

        assertThat(istanza).hasPassed(TASK_SELEZIONA_ALLOGGI).isWaitingAt(TIMER_ATTESA_FINE_SELEZIONE);
        assertThat(stato(avviso)).isEqualTo(StatoAvviso.SELEZIONE_ALLOGGI);
        assertThat(aggiungi(ALER_AVVISO, avviso, alloggioDi(CF_ALER, StatoAlloggio.LIBERO).getId(),
                "ASSEGNABILE_ENTRO_CHIUSURA", null).status()).isEqualTo(201);

        eseguiTimer(istanza, TIMER_ATTESA_FINE_SELEZIONE);
        assertThat(istanza).hasNotPassed(TIMER_FINE_SELEZIONE).isWaitingAt(TIMER_APERTURA);
        assertThat(stato(avviso)).isEqualTo(StatoAvviso.IN_ATTESA_APERTURA);
    }

    private ClientHttp.Risposta predisponi(String utente, Instant apertura, Instant chiusura) {
        String body = "{\"ambito\":\"VARESE\",\"titolo\":\"Avviso SAP ambito di Varese\",\"tipo\":\"ORDINARIO\","
                + "\"apertura\":\"" + apertura + "\",\"chiusura\":\"" + chiusura + "\"}";
        return http.post("/api/avvisi", utente, body);
    }

    private ClientHttp.Risposta aggiungi(String utente, long avviso, long alloggio, String tipologia, String extra) {
        String body = "{\"alloggioId\":" + alloggio + ",\"tipologia\":\"" + tipologia + "\","
                + "\"tipologiaRiscaldamento\":\"Centralizzato a metano\",\"speseAnnueUtenze\":1450.00"
                + (extra == null ? "" : "," + extra) + "}";
        return http.post("/api/avvisi/" + avviso + "/alloggi", utente, body);
    }

    private List<JsonNode> attivitaVisibili(String utente, String processInstanceId) {
        JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + processInstanceId, utente).json();
        List<JsonNode> lista = new ArrayList<>();
        tasks.forEach(lista::add);
        return lista;
    }

    private ProcessInstance istanza(JsonNode avviso) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(avviso.get("id").asText()).singleResult();
    }

    /** Executes the job waiting at the named activity (a timer, or an async continuation). */
    private void eseguiTimer(ProcessInstance istanza, String timer) {
        Job job = managementService.createJobQuery().processInstanceId(istanza.getId()).activityId(timer).singleResult();
        assertThat(job).as("timer job %s", timer).isNotNull();
        managementService.executeJob(job.getId());
    }

    private StatoAvviso stato(long avviso) {
        return avvisi.findById(avviso).orElseThrow().getStato();
    }

    private String gruppoDi(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).findFirst().orElseThrow();
    }

    private Alloggio alloggioDi(String cfEnte, StatoAlloggio stato) {
        return alloggi.findAll((root, q, cb) -> cb.and(cb.equal(root.get("stato"), stato),
                        cb.equal(root.get("ente").get("codiceFiscale"), CodiceFiscale.of(cfEnte))),
                PageRequest.of(0, 1, Sort.by("id"))).getContent().get(0);
    }

    /** A working day at least {@code giorni} days from now, at {@code ora}:00 in Rome. */
    private static Instant lavorativo(int giorni, int ora) {
        ZonedDateTime giorno = ZonedDateTime.now(ROMA).plusDays(giorni).with(LocalTime.of(ora, 0));
        while (giorno.getDayOfWeek() == DayOfWeek.SATURDAY || giorno.getDayOfWeek() == DayOfWeek.SUNDAY) {
            giorno = giorno.plusDays(1);
        }
        return giorno.toInstant();
    }

    private static Instant giorno(DayOfWeek giornoSettimana, int almenoTraGiorni, int ora) {
        ZonedDateTime giorno = ZonedDateTime.now(ROMA).plusDays(almenoTraGiorni).with(LocalTime.of(ora, 0));
        while (giorno.getDayOfWeek() != giornoSettimana) {
            giorno = giorno.plusDays(1);
        }
        return giorno.toInstant();
    }
}
