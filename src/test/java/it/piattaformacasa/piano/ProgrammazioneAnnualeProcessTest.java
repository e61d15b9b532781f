package it.piattaformacasa.piano;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;

/**
 * Issue 13, seed 001: the annual plan of the demo ambito VARESE as a process, its timers fired by name. Each test uses a
 * reference year of its own (one plan per ambito and year), far from the years other tests set reserves for.
 */
@IntegrationTest
class ProgrammazioneAnnualeProcessTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    static final String ISTAT_VARESE = "012133";
    static final String ISTAT_MALNATE = "012096";
    static final String ISTAT_CASCIAGO = "012038";

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
    JdbcTemplate jdbc;
    ClientHttp http;
    final LocalDate oggi = LocalDate.now(ROMA);

    @BeforeEach
    void init() {
        http = new ClientHttp(port);
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void ilPianoApprovatoDiventaLeRiserveDellAnnoDiOgniEnteEComune() {
        int anno = 2081;
        assertThat(http.post("/api/programmazione", MALNATE, nuovo(anno)).status()).as("solo il capofila").isEqualTo(403);
        long piano = predisponi(anno);
        ProcessInstance istanza = istanza(piano);
        assertThat(istanza).isWaitingAt(TIMER_INIZIO_COMUNICAZIONI);
        assertThat(scheda(piano, CAPOFILA).get("piano").get("stato").asText()).isEqualTo("PREDISPOSTO");

        eseguiTimer(piano, TIMER_INIZIO_COMUNICAZIONI);
        assertThat(istanza).hasPassed(SERVICE_APRI_COMUNICAZIONI).isWaitingAt(TASK_COMUNICA);
        // one task per ente and comune: the two Comuni for themselves, ALER in each comune where it owns fabbricati
        List<Task> attivita = taskService.createTaskQuery().processInstanceId(istanza.getId()).taskDefinitionKey(TASK_COMUNICA)
                .list();
        assertThat(attivita).extracting(Task::getName).contains(
                "Comunica offerta abitativa – Comune di Malnate, Malnate – Piano annuale " + anno,
                "Comunica offerta abitativa – Comune di Varese, Varese – Piano annuale " + anno)
                .anySatisfy(n -> assertThat(n).startsWith("Comunica offerta abitativa – ALER").endsWith("Casciago – Piano annuale " + anno));
        Task diMalnate = attivita.stream().filter(t -> t.getName().contains("Comune di Malnate")).findFirst().orElseThrow();
        assertThat(taskService.getIdentityLinksForTask(diMalnate.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("ente-" + CF_COMUNE_MALNATE + "-avviso");
        assertThat(diMalnate.getDueDate().toInstant()).isEqualTo(oggi.plusDays(11).atStartOfDay(ROMA).toInstant());
        // seed 001, fase 3: each ente certifies its Anagrafe — the existing certification, requested once per ente
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("certificazione-anagrafe")
                .processInstanceBusinessKey("certificazione-anagrafe:" + CF_COMUNE_MALNATE + ":" + anno).count()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("certificazione-anagrafe")
                .processInstanceBusinessKey("certificazione-anagrafe:" + CF_ALER + ":" + anno).count()).isEqualTo(1);

        JsonNode scheda = scheda(piano, CAPOFILA);
        long malnate = comunicazione(scheda, "Comune di Malnate", "Malnate");
        long varese = comunicazione(scheda, "Comune di Varese", "Varese");
        long alerCasciago = comunicazione(scheda, "ALER", "Casciago");
        // Malnate for itself: 37 units, 5 % elderly and 5 % disabled, 10 % Forze di Polizia, indigenti 25 %
        ClientHttp.Risposta inviata = put("/api/programmazione/" + piano + "/comunicazioni/" + malnate, MALNATE, """
                {"alloggiDisponibili":37,"alloggiTurnOver":20,"alloggiCarenzaManutentiva":5,"alloggiAssegnatiAnnoPrecedente":9,
                 "sogliaAnziani":5,"sogliaDisabili":5,"sogliaForzePolizia":10,"sogliaIndigenti":25}""");
        assertThat(inviata.status()).as(inviata.body()).isEqualTo(200);
        assertThat(inviata.json().get("ricevutaIl").isNull()).isFalse();
        assertThat(put("/api/programmazione/" + piano + "/comunicazioni/" + varese, MALNATE, "{\"alloggiDisponibili\":1}").status())
                .as("un altro ente non invia per Varese").isEqualTo(403);
        ClientHttp.Risposta seconda = put("/api/programmazione/" + piano + "/comunicazioni/" + malnate, MALNATE,
                "{\"alloggiDisponibili\":1}");
        assertThat(seconda.status()).isEqualTo(409);
        assertThat(seconda.json().get("detail").asText()).contains("già stata inviata");
        // ALER: the social categories are for Comuni only (400, nothing written, the task stays open)
        ClientHttp.Risposta conCategorie = put("/api/programmazione/" + piano + "/comunicazioni/" + alerCasciago, ALER_AVVISO,
                "{\"alloggiDisponibili\":12,\"sogliaAnziani\":5}");
        assertThat(conCategorie.status()).isEqualTo(400);
        assertThat(conCategorie.json().get("errori").get(0).get("campo").asText()).isEqualTo("sogliaAnziani");
        assertThat(jdbc.queryForObject("select ricevuta_il is null from comunicazione_annuale where id = ?", Boolean.class,
                alerCasciago)).isTrue();
        assertThat(put("/api/programmazione/" + piano + "/comunicazioni/" + alerCasciago, ALER_AVVISO,
                "{\"alloggiDisponibili\":12,\"alloggiTurnOver\":12}").status()).isEqualTo(200);
        assertThat(http.post("/api/programmazione/" + piano + "/approvazione", CAPOFILA,
                "{\"numeroDelibera\":\"12\",\"dataDelibera\":\"" + oggi + "\"}").status()).as("finestra ancora aperta").isEqualTo(409);

        eseguiTimer(piano, TIMER_FINE_COMUNICAZIONI);
        assertThat(istanza).hasPassed(TIMER_FINE_COMUNICAZIONI, SERVICE_CHIUDI_COMUNICAZIONI).isWaitingAt(TASK_APPROVA);
        scheda = scheda(piano, CAPOFILA);
        assertThat(scheda.get("piano").get("stato").asText()).isEqualTo("CHIUSO");
        assertThat(riga(scheda, varese).get("inRitardo").asBoolean()).as("Varese non ha inviato").isTrue();
        assertThat(riga(scheda, malnate).get("inRitardo").asBoolean()).isFalse();
        // supervisors see every plan with the enti late
        JsonNode elenco = http.get("/api/programmazione?anno=" + anno, SUPERVISORE).json();
        assertThat(elenco.get(0).get("entiInRitardo").toString()).contains("Comune di Varese (Varese)")
                .doesNotContain("Comune di Malnate");
        // a late ente needs the capofila to reopen
        ClientHttp.Risposta tardiva = put("/api/programmazione/" + piano + "/comunicazioni/" + varese, CAPOFILA,
                "{\"alloggiDisponibili\":3}");
        assertThat(tardiva.status()).isEqualTo(409);
        assertThat(tardiva.json().get("detail").asText()).contains("riapre");

        ClientHttp.Risposta futura = http.post("/api/programmazione/" + piano + "/approvazione", CAPOFILA,
                "{\"numeroDelibera\":\"12/" + anno + "\",\"dataDelibera\":\"" + oggi.plusDays(1) + "\"}");
        assertThat(futura.status()).isEqualTo(400);
        assertThat(futura.json().get("errori").get(0).get("campo").asText()).isEqualTo("dataDelibera");
        assertThat(istanza).isWaitingAt(TASK_APPROVA);
        assertThat(http.post("/api/programmazione/" + piano + "/approvazione", MALNATE,
                "{\"numeroDelibera\":\"12\",\"dataDelibera\":\"" + oggi + "\"}").status()).isEqualTo(403);

        ClientHttp.Risposta approvato = http.post("/api/programmazione/" + piano + "/approvazione", CAPOFILA,
                "{\"numeroDelibera\":\"12/" + anno + "\",\"dataDelibera\":\"" + oggi + "\"}");
        assertThat(approvato.status()).as(approvato.body()).isEqualTo(200);
        assertThat(approvato.json().get("stato").asText()).isEqualTo("APPROVATO");
        assertThat(istanza).hasPassed(TASK_APPROVA, SERVICE_APPROVA).isWaitingAt(GATEWAY_PIANO_IN_VIGORE);
        assertThat(managementService.createJobQuery().processInstanceId(istanza.getId()).activityId(TIMER_FINE_ANNO).singleResult()
                .getDuedate().toInstant()).isEqualTo(LocalDate.of(anno + 1, 1, 1).atStartOfDay(ROMA).toInstant());

        // the plan's thresholds are Malnate's reserves for the year: 37 units, indigenti 25 % → 10, categories 10 % → 4
        // (3,7 rounded from 0,5 up), Forze di Polizia 10 % → 4 (rounded up); written by the capofila with the plan
        Map<String, Object> riserva = jdbc.queryForMap("""
                select r.alloggi_disponibili, r.soglia_indigenti_comune, r.percentuale_categorie, r.categorie::text as categorie,
                       r.percentuale_forze_polizia, r.aggiornato_da, r.piano_annuale_id
                  from piano_riserve r join comune c on c.id = r.comune_id join ente_proprietario e on e.id = r.ente_id
                 where e.codice_fiscale = ? and c.codice_istat = ? and r.anno = ?""", CF_COMUNE_MALNATE, ISTAT_MALNATE, anno);
        assertThat(riserva.get("alloggi_disponibili")).isEqualTo(37);
        assertThat(riserva.get("aggiornato_da")).isEqualTo(CAPOFILA);
        assertThat(((Number) riserva.get("piano_annuale_id")).longValue()).isEqualTo(piano);
        assertThat(riserva.get("categorie").toString()).contains("ANZIANI", "DISABILI");
        JsonNode quote = http.get("/api/enti/" + enteId(CF_COMUNE_MALNATE) + "/riserve/" + anno, MALNATE).json().get(0);
        assertThat(quote.get("riserve").get("indigenti").asInt()).isEqualTo(10);
        assertThat(quote.get("riserve").get("categorie").asInt()).isEqualTo(4);
        assertThat(quote.get("riserve").get("forzePolizia").asInt()).isEqualTo(4);
        JsonNode aler = http.get("/api/enti/" + enteId(CF_ALER) + "/riserve/" + anno, ALER_AVVISO).json();
        assertThat(aler).hasSize(1);
        assertThat(aler.get(0).get("comune").asText()).isEqualTo("Casciago");
        // 12 units at 20 % → 2,4 → 3
        assertThat(aler.get(0).get("riserve").get("indigenti").asInt()).isEqualTo(3);
        assertThat(http.get("/api/enti/" + enteId(CF_COMUNE_VARESE) + "/riserve/" + anno, CAPOFILA).json()).as("Varese non ha inviato")
                .isEmpty();
        // the reserves of an approved plan change by reopening it, not by a second typing
        ClientHttp.Risposta aMano = put("/api/enti/" + enteId(CF_COMUNE_MALNATE) + "/riserve/" + anno + "/" + ISTAT_MALNATE, MALNATE,
                "{\"alloggiDisponibili\":40}");
        assertThat(aMano.status()).isEqualTo(409);
        assertThat(aMano.json().get("detail").asText()).contains("piano annuale n. " + piano);
        assertThat(scheda(piano, CAPOFILA).get("registro").toString()).contains("APPROVATO", "RISERVE_IMPOSTATE",
                "Delibera dell'Assemblea dei sindaci n. 12/" + anno);
        assertThat(http.post("/api/programmazione/" + piano + "/annullamento", CAPOFILA, "").status()).isEqualTo(409);
    }

    @Test
    void unaComunicazioneInRitardoEUnaModificaDopoLApprovazionePassanoPerUnaRiapertura() {
        int anno = 2082;
        long piano = predisponi(anno);
        ProcessInstance istanza = istanza(piano);
        eseguiTimer(piano, TIMER_INIZIO_COMUNICAZIONI);
        JsonNode scheda = scheda(piano, CAPOFILA);
        long malnate = comunicazione(scheda, "Comune di Malnate", "Malnate");
        long varese = comunicazione(scheda, "Comune di Varese", "Varese");
        assertThat(put("/api/programmazione/" + piano + "/comunicazioni/" + malnate, MALNATE, "{\"alloggiDisponibili\":20}").status())
                .isEqualTo(200);
        eseguiTimer(piano, TIMER_FINE_COMUNICAZIONI);

        // the capofila reopens the closed window for the late Comune di Varese
        ClientHttp.Risposta riaperto = http.post("/api/programmazione/" + piano + "/riapertura", CAPOFILA,
                "{\"fineComunicazioni\":\"" + oggi.plusDays(5) + "\"}");
        assertThat(riaperto.status()).as(riaperto.body()).isEqualTo(200);
        assertThat(riaperto.json().get("stato").asText()).isEqualTo("APERTO");
        assertThat(istanza).hasPassed(SERVICE_RIAPRI).isWaitingAt(TASK_COMUNICA);
        assertThat(put("/api/programmazione/" + piano + "/comunicazioni/" + varese, CAPOFILA,
                "{\"alloggiDisponibili\":8,\"sogliaIndigenti\":30}").status()).isEqualTo(200);
        eseguiTimer(piano, TIMER_FINE_COMUNICAZIONI);
        approva(piano, "3/" + anno);
        assertThat(alloggiDisponibili(CF_COMUNE_VARESE, ISTAT_VARESE, anno)).isEqualTo(8);

        // a change after approval is a reopening: the plan goes back to the enti and is approved again
        ClientHttp.Risposta dopo = http.post("/api/programmazione/" + piano + "/riapertura", CAPOFILA,
                "{\"fineComunicazioni\":\"" + oggi.plusDays(3) + "\"}");
        assertThat(dopo.status()).as(dopo.body()).isEqualTo(200);
        assertThat(istanza).hasPassed(EVENT_RIAPERTURA).isWaitingAt(TASK_COMUNICA);
        assertThat(put("/api/programmazione/" + piano + "/comunicazioni/" + malnate, MALNATE, "{\"alloggiDisponibili\":30}").status())
                .isEqualTo(200);
        eseguiTimer(piano, TIMER_FINE_COMUNICAZIONI);
        approva(piano, "7/" + anno);
        assertThat(alloggiDisponibili(CF_COMUNE_MALNATE, ISTAT_MALNATE, anno)).isEqualTo(30);
        assertThat(alloggiDisponibili(CF_COMUNE_VARESE, ISTAT_VARESE, anno)).as("Varese's communication stays").isEqualTo(8);
        JsonNode registro = scheda(piano, SUPERVISORE).get("registro");
        assertThat(registro.toString()).contains("Piano approvato riaperto", "Finestra riaperta", "Delibera dell'Assemblea dei sindaci n. 7/" + anno);
        assertThat(registro.findValuesAsText("chi")).contains(CAPOFILA, MALNATE);
    }

    @Test
    void quandoTuttiHannoInviatoLaFinestraRestaApertaFinoAllaSuaFine() {
        int anno = 2083;
        long piano = predisponi(anno);
        ProcessInstance istanza = istanza(piano);
        eseguiTimer(piano, TIMER_INIZIO_COMUNICAZIONI);
        for (JsonNode c : scheda(piano, CAPOFILA).get("comunicazioni")) {
            String utente = c.get("ente").asText().startsWith("ALER") ? ALER_AVVISO
                    : c.get("ente").asText().contains("Malnate") ? MALNATE : CAPOFILA;
            assertThat(put("/api/programmazione/" + piano + "/comunicazioni/" + c.get("id").asLong(), utente,
                    "{\"alloggiDisponibili\":2}").status()).isEqualTo(200);
        }
        assertThat(istanza).hasPassed(TASK_COMUNICA).isWaitingAt(TIMER_ATTESA_FINE_COMUNICAZIONI);
        assertThat(scheda(piano, CAPOFILA).get("piano").get("stato").asText()).isEqualTo("APERTO");
        eseguiTimer(piano, TIMER_ATTESA_FINE_COMUNICAZIONI);
        assertThat(istanza).hasNotPassed(TIMER_FINE_COMUNICAZIONI).isWaitingAt(TASK_APPROVA);
        Task decisione = taskService.createTaskQuery().processInstanceId(istanza.getId()).singleResult();
        assertThat(decisione.getName()).isEqualTo("Approva piano annuale – Comune di Varese, Varese – Piano annuale " + anno);
        assertThat(taskService.getIdentityLinksForTask(decisione.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("ambito-varese-capofila");
        assertThat(scheda(piano, CAPOFILA).get("comunicazioni").findValuesAsText("inRitardo")).containsOnly("false");
    }

    @Test
    void unPianoAnnullatoTerminaELasciaSpazioAUnNuovoPianoDelloStessoAnno() {
        int anno = 2084;
        long piano = predisponi(anno);
        ProcessInstance istanza = istanza(piano);
        assertThat(http.post("/api/programmazione", CAPOFILA, nuovo(anno)).status()).as("uno per ambito e anno").isEqualTo(409);
        // «Salva» before the window moves its start timer
        ClientHttp.Risposta salvato = put("/api/programmazione/" + piano, CAPOFILA, "{\"inizioComunicazioni\":\"" + oggi.plusDays(2)
                + "\",\"fineComunicazioni\":\"" + oggi.plusDays(9) + "\"}");
        assertThat(salvato.status()).as(salvato.body()).isEqualTo(200);
        Job inizio = managementService.createJobQuery().processInstanceId(istanza.getId()).activityId(TIMER_INIZIO_COMUNICAZIONI)
                .singleResult();
        assertThat(inizio.getDuedate().toInstant()).isEqualTo(oggi.plusDays(2).atStartOfDay(ROMA).toInstant());

        ClientHttp.Risposta annullato = http.post("/api/programmazione/" + piano + "/annullamento", CAPOFILA, "");
        assertThat(annullato.status()).as(annullato.body()).isEqualTo(200);
        assertThat(annullato.json().get("stato").asText()).isEqualTo("ANNULLATO");
        assertThat(istanza).hasPassed(END_ANNULLATO).isEnded();
        assertThat(http.post("/api/programmazione", CAPOFILA, nuovo(anno)).status()).isEqualTo(201);
    }

    @Test
    void unaSchedaSbagliataRisponde400ConIlCampoEIlMotivo() {
        ClientHttp.Risposta senzaAnno = http.post("/api/programmazione", CAPOFILA, "{\"ambito\":\"VARESE\",\"inizioComunicazioni\":\""
                + oggi.minusDays(1) + "\",\"fineComunicazioni\":\"" + oggi.minusDays(3) + "\"}");
        assertThat(senzaAnno.status()).isEqualTo(400);
        assertThat(senzaAnno.json().get("errori").findValuesAsText("campo")).contains("anno", "inizioComunicazioni",
                "fineComunicazioni");
        assertThat(senzaAnno.json().get("errori").get(0).get("messaggio").asText()).contains("obbligatorio");
        ClientHttp.Risposta ambito = http.post("/api/programmazione", CAPOFILA, "{\"ambito\":\"NESSUNO\",\"anno\":2085,"
                + "\"inizioComunicazioni\":\"" + oggi + "\",\"fineComunicazioni\":\"" + oggi + "\"}");
        assertThat(ambito.status()).isEqualTo(400);
        assertThat(ambito.json().get("errori").get(0).get("campo").asText()).isEqualTo("ambito");
        assertThat(jdbc.queryForObject("select count(*) from piano_annuale where anno = 2085", Integer.class)).isZero();

        long piano = predisponi(2086);
        eseguiTimer(piano, TIMER_INIZIO_COMUNICAZIONI);
        long malnate = comunicazione(scheda(piano, MALNATE), "Comune di Malnate", "Malnate");
        ClientHttp.Risposta soglie = put("/api/programmazione/" + piano + "/comunicazioni/" + malnate, MALNATE,
                "{\"alloggiDisponibili\":-1,\"sogliaAnziani\":15,\"sogliaDisabili\":10,\"sogliaIndigenti\":15,"
                        + "\"sogliaForzePolizia\":15,\"sogliaPoliziaLocale\":10}");
        assertThat(soglie.status()).isEqualTo(400);
        assertThat(soglie.json().get("errori").findValuesAsText("campo")).contains("alloggiDisponibili", "sogliaDisabili",
                "sogliaIndigenti", "sogliaPoliziaLocale");
        assertThat(soglie.body()).contains("20 %");
        assertThat(put("/api/programmazione/" + piano, CAPOFILA, "{\"inizioComunicazioni\":\"" + oggi + "\",\"fineComunicazioni\":\""
                + oggi.plusDays(9) + "\"}").status()).as("aperto: le date non si cambiano").isEqualTo(409);
        assertThat(http.get("/api/programmazione/999999", CAPOFILA).status()).isEqualTo(404);
        assertThat(http.get("/api/programmazione?anno=abc", CAPOFILA).status()).isEqualTo(400);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    String nuovo(int anno) {
        return "{\"ambito\":\"VARESE\",\"anno\":" + anno + ",\"inizioComunicazioni\":\"" + oggi + "\",\"fineComunicazioni\":\""
                + oggi.plusDays(10) + "\"}";
    }

    long predisponi(int anno) {
        ClientHttp.Risposta risposta = http.post("/api/programmazione", CAPOFILA, nuovo(anno));
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        return risposta.json().get("id").asLong();
    }

    void approva(long piano, String delibera) {
        ClientHttp.Risposta risposta = http.post("/api/programmazione/" + piano + "/approvazione", CAPOFILA,
                "{\"numeroDelibera\":\"" + delibera + "\",\"dataDelibera\":\"" + oggi + "\"}");
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
    }

    JsonNode scheda(long piano, String utente) {
        ClientHttp.Risposta risposta = http.get("/api/programmazione/" + piano, utente);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        return risposta.json();
    }

    static long comunicazione(JsonNode scheda, String ente, String comune) {
        for (JsonNode c : scheda.get("comunicazioni")) {
            if (c.get("ente").asText().startsWith(ente) && c.get("comune").asText().equals(comune)) {
                return c.get("id").asLong();
            }
        }
        throw new AssertionError("nessuna comunicazione di " + ente + " per " + comune + " in " + scheda);
    }

    static JsonNode riga(JsonNode scheda, long comunicazione) {
        for (JsonNode c : scheda.get("comunicazioni")) {
            if (c.get("id").asLong() == comunicazione) {
                return c;
            }
        }
        throw new AssertionError("comunicazione " + comunicazione);
    }

    ProcessInstance istanza(long piano) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(piano)).singleResult();
    }

    void eseguiTimer(long piano, String timer) {
        Job job = managementService.createJobQuery().processInstanceId(istanza(piano).getId()).activityId(timer).singleResult();
        assertThat(job).as("timer job %s", timer).isNotNull();
        managementService.executeJob(job.getId());
    }

    ClientHttp.Risposta put(String path, String utente, String json) {
        return http.invia(http.richiesta(path, utente).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    long enteId(String cf) {
        return jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, cf);
    }

    Integer alloggiDisponibili(String cf, String istat, int anno) {
        return jdbc.queryForObject("""
                select r.alloggi_disponibili from piano_riserve r join comune c on c.id = r.comune_id
                  join ente_proprietario e on e.id = r.ente_id where e.codice_fiscale = ? and c.codice_istat = ? and r.anno = ?""",
                Integer.class, cf, istat, anno);
    }
}
