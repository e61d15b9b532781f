package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneWebapp;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Issue 11: a completion refused from Tasklist (its own API, {@code /camunda/api/engine/.../submit-form}, as the
 * webapp calls it with its session) is a 4xx naming each field by its key, with the reason as the operator reads it —
 * the field's label from the form, never the internal key —, writes nothing and leaves the task open. The forms show
 * their case (task-local variables) and the approval form's download works with the Tasklist login alone.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EsitiDeiModuliTest {

    private static final String TASKLIST = SessioneWebapp.API_ENGINE + "/task/";
    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    /** «dataFirma:», «numeroProvvedimento:» — a key where the operator should read a label. */
    private static final Pattern CHIAVE_INTERNA = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*:");

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
    JdbcTemplate jdbc;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    GraduatoriaService graduatorieService;

    ClientHttp http;
    PraticheDeiModuli pratiche;
    PraticheDeiModuli.Pratica approvazione;
    PraticheDeiModuli.Pratica contratto;
    SessioneWebapp malnate;

    @BeforeAll
    void pratiche() {
        http = new ClientHttp(port);
        pratiche = new PraticheDeiModuli(http, runtimeService, managementService, taskService, alloggi, jdbc, graduatorie,
                graduatorieService);
        approvazione = pratiche.graduatoriaDaApprovare("BRMLCU85D12L682R");
        contratto = pratiche.contrattoDaConfermare("MNTSRA88P43L682V");
        malnate = SessioneWebapp.accedi(http, MALNATE);
        assertThat(malnate.post(TASKLIST + approvazione.taskId() + "/claim", "{\"userId\":\"malnate\"}").status()).isEqualTo(204);
        assertThat(malnate.post(TASKLIST + contratto.taskId() + "/claim", "{\"userId\":\"malnate\"}").status()).isEqualTo(204);
    }

    @AfterAll
    void togli() {
        pratiche.togli(approvazione);
        pratiche.togli(contratto);
    }

    @Test
    void lApprovazioneConLaPubblicazionePrimaDelProvvedimentoERifiutataAccantoAlCampoConLaSuaEtichetta() {
        LocalDate oggi = LocalDate.now(ROMA);
        JsonNode errore = rifiutata(approvazione, Map.of("numeroProvvedimento", "DET-7", "dataProvvedimento", oggi.toString(),
                "pubblicazione", "SITO_ENTE", "dataPubblicazione", oggi.minusDays(1).toString()), 400);

        assertThat(campo(errore, "dataPubblicazione")).startsWith("Data di pubblicazione: la data di pubblicazione")
                .contains("non può essere anteriore al provvedimento");
        assertThat(errore.get("detail").asText()).contains("Data di pubblicazione: ").doesNotContainPattern(CHIAVE_INTERNA);
        assertThat(graduatorie.findById(approvazione.id()).orElseThrow().getApprovataIl()).isNull();
    }

    @Test
    void lApprovazioneSenzaNumeroDelProvvedimentoNominaIlCampoObbligatorio() {
        LocalDate oggi = LocalDate.now(ROMA);
        JsonNode errore = rifiutata(approvazione, Map.of("dataProvvedimento", oggi.toString(), "pubblicazione", "SITO_ENTE",
                "dataPubblicazione", oggi.toString()), 400);

        assertThat(campo(errore, "numeroProvvedimento")).isEqualTo("Numero del provvedimento di approvazione: obbligatorio");
        assertThat(errore.get("detail").asText()).doesNotContainPattern(CHIAVE_INTERNA);
    }

    @Test
    void ilContrattoConLaDecorrenzaPrimaDellaFirmaERifiutatoEResta() {
        LocalDate oggi = LocalDate.now(ROMA);
        JsonNode errore = rifiutata(contratto, Map.of("esito", "FIRMATO", "numeroContratto", "MAL-2026-1",
                "dataFirma", oggi.toString(), "decorrenza", oggi.minusDays(3).toString(), "canoneMensile", 180.5,
                "registrazione", "Agenzia delle Entrate di Varese, n. 123"), 400);

        assertThat(campo(errore, "decorrenza")).isEqualTo("Decorrenza del contratto: non può precedere la firma");
        assertThat(errore.get("detail").asText()).doesNotContainPattern(CHIAVE_INTERNA);
        assertNullaScritto();
    }

    @Test
    void ilContrattoFirmatoSenzaIDatiENominaOgniCampoMancanteConLaSuaEtichetta() {
        // the contract's fields show only for a signed contract: the form hides them otherwise, so the step after the
        // task (not the engine guard) asks for them, field by field
        JsonNode errore = rifiutata(contratto, Map.of("esito", "FIRMATO"), 400);

        assertThat(campo(errore, "numeroContratto")).isEqualTo("Numero del contratto: obbligatorio");
        assertThat(campo(errore, "dataFirma")).isEqualTo("Data di firma: obbligatoria");
        assertThat(campo(errore, "decorrenza")).isEqualTo("Decorrenza del contratto: obbligatoria");
        assertThat(campo(errore, "canoneMensile")).startsWith("Canone mensile (€): obbligatorio");
        assertThat(campo(errore, "registrazione")).startsWith("Estremi della registrazione (Agenzia delle Entrate): ");
        assertThat(errore.get("detail").asText()).doesNotContainPattern(CHIAVE_INTERNA);
        assertNullaScritto();
    }

    @Test
    void laRinunciaSenzaMotivoERifiutataAccantoAlMotivo() {
        JsonNode errore = rifiutata(contratto, Map.of("esito", "RINUNCIA"), 400);

        assertThat(campo(errore, "motivoRinuncia")).isEqualTo("Motivo della rinuncia: indicare il motivo della rinuncia del nucleo");
        assertNullaScritto();
    }

    @Test
    void unaDataIlleggibileNelContrattoNominaIlSuoCampoSenzaTestoInterno() {
        LocalDate oggi = LocalDate.now(ROMA);
        JsonNode errore = rifiutata(contratto, Map.of("esito", "FIRMATO", "numeroContratto", "MAL-2026-1",
                "dataFirma", "31/02/2026", "decorrenza", oggi.toString(), "canoneMensile", 180,
                "registrazione", "Agenzia delle Entrate di Varese, n. 123"), 400);

        assertThat(campo(errore, "dataFirma")).isEqualTo("Data di firma: data non valida (gg/mm/aaaa)");
        assertThat(errore.toString()).doesNotContain("could not be parsed", "Text '");
        assertNullaScritto();
    }

    @Test
    void ilModuloDelContrattoMostraNucleoAlloggioEScadenza() {
        JsonNode variabili = malnate.get(TASKLIST + contratto.taskId() + "/form-variables").json();

        assertThat(variabili.path("moduloNucleo").path("value").asText())
                .isEqualTo("Domanda n. " + contratto.domanda() + ": nucleo di 1 componente");
        assertThat(variabili.path("moduloAlloggio").path("value").asText()).startsWith("MOD-")
                .endsWith(" – Via dei Moduli 7, scala B, interno 4, piano 2, Malnate – 62,50 m², 3 vani");
        assertThat(variabili.path("praticaScadenza").path("value").asText()).matches("\\d\\d/\\d\\d/\\d{4}( ore \\d\\d:\\d\\d)?");
        assertThat(variabili.path("praticaTermine").path("value").asText()).isEqualTo("30 giorni dall'assegnazione (art. 25)");
        // issue 16: the nucleo's answer given online, or that there is none yet
        assertThat(variabili.path("moduloRisposta").path("value").asText()).startsWith("nessuna risposta online");
    }

    @Test
    void ilModuloDellApprovazioneMostraLaGraduatoriaELeSueEsportazioni() {
        JsonNode variabili = malnate.get(TASKLIST + approvazione.taskId() + "/form-variables").json();

        assertThat(variabili.path("praticaOggetto").path("value").asText()).isEqualTo("Graduatoria n. " + approvazione.id() + ", provvisoria");
        assertThat(variabili.path("praticaEnte").path("value").asText()).isEqualTo("Comune di Malnate");
        assertThat(variabili.path("praticaAvviso").path("value").asText()).isEqualTo("SAP moduli di Malnate");
        assertThat(variabili.path("moduloDomande").path("value").asText()).isEqualTo("1");
        assertThat(variabili.path("moduloScaricaXlsx").path("value").asText())
                .isEqualTo("/api/graduatorie/" + approvazione.id() + "/esportazione?formato=xlsx");
        assertThat(variabili.path("moduloScaricaCsv").path("value").asText())
                .isEqualTo("/api/graduatorie/" + approvazione.id() + "/esportazione?formato=csv");
        String modulo = malnate.get(TASKLIST + approvazione.taskId() + "/deployed-form").body();
        assertThat(modulo).contains("({{moduloScaricaXlsx}})", "({{moduloScaricaCsv}})", "{{moduloDomande}}", "{{praticaScadenza}}")
                .doesNotContain("«Graduatorie»");
    }

    @Test
    void laGraduatoriaSiScaricaConLAccessoATasklistESoloDaChiPuoVederla() {
        String csv = "/api/graduatorie/" + approvazione.id() + "/esportazione?formato=csv";

        ClientHttp.Risposta scaricata = scarica(malnate, csv);
        assertThat(scaricata.status()).as(scaricata.body()).isEqualTo(200);
        assertThat(scaricata.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(scaricata.body()).contains(Long.toString(approvazione.domanda()));
        assertThat(scarica(malnate, "/api/graduatorie/" + approvazione.id() + "/esportazione?formato=xlsx").status()).isEqualTo(200);

        // another ente's operator, logged into Tasklist: the API's own visibility rule
        assertThat(scarica(SessioneWebapp.accedi(http, ALER_AVVISO), csv).status()).isIn(403, 404);
        // no Tasklist login, or a page of another site riding it: no download
        assertThat(http.get(csv).status()).isEqualTo(401);
        assertThat(malnate.invia(HttpRequest.newBuilder(http.uri(csv)).header("Sec-Fetch-Site", "cross-site").GET()).status())
                .isEqualTo(401);
        // the session opens the download only: the rest of the API still asks for its own credentials
        assertThat(malnate.get("/api/graduatorie/" + approvazione.id()).status()).isEqualTo(401);
        // (a session of its own: the API's refusal sets its own CSRF cookie, which a Tasklist session does not need)
        assertThat(SessioneWebapp.accedi(http, MALNATE).post("/api/graduatorie/" + approvazione.id() + "/rettifiche", "{}").status())
                .isIn(401, 403);
    }

    /** A link followed in the browser: the session's cookie, no Accept of an API client. */
    private ClientHttp.Risposta scarica(SessioneWebapp sessione, String indirizzo) {
        return sessione.invia(HttpRequest.newBuilder(http.uri(indirizzo)).GET());
    }

    /** The completion as Tasklist submits a Camunda Form: 4xx, problem+json with errori, and nothing changed. */
    private JsonNode rifiutata(PraticheDeiModuli.Pratica pratica, Map<String, Object> valori, int status) {
        StringBuilder variabili = new StringBuilder();
        valori.forEach((chiave, valore) -> variabili.append(variabili.isEmpty() ? "" : ",").append('"').append(chiave)
                .append("\":{\"value\":").append(valore instanceof String ? "\"" + valore + "\"" : valore).append('}'));
        ClientHttp.Risposta risposta = malnate.post(TASKLIST + pratica.taskId() + "/submit-form", "{\"variables\":{" + variabili + "}}");

        assertThat(risposta.status()).as(risposta.body()).isEqualTo(status);
        assertThat(risposta.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode corpo = risposta.json();
        assertThat(corpo.get("message").asText()).isEqualTo(corpo.get("detail").asText());
        assertThat(corpo.toString()).doesNotContainPattern("Exception|[a-z]+\\.[a-z]+\\.[A-Z]\\w+");
        // the task is still open, with the same holder, and carries none of the values sent
        assertThat(taskService.createTaskQuery().taskId(pratica.taskId()).singleResult().getAssignee()).isEqualTo(MALNATE);
        assertThat(taskService.getVariablesLocal(pratica.taskId())).doesNotContainKeys(valori.keySet().toArray(String[]::new));
        return corpo;
    }

    private static String campo(JsonNode errore, String chiave) {
        List<String> messaggi = new java.util.ArrayList<>();
        errore.path("errori").forEach(e -> {
            if (chiave.equals(e.path("campo").asText())) {
                messaggi.add(e.path("messaggio").asText());
            }
        });
        assertThat(messaggi).as("errore per «%s» in %s", chiave, errore).hasSize(1);
        return messaggi.get(0);
    }

    private void assertNullaScritto() {
        assertThat(jdbc.queryForObject("select stato from assegnazione where id = ?", String.class, contratto.id())).isEqualTo("ASSEGNATA");
        assertThat(jdbc.queryForObject("select count(*) from contratto where assegnazione_id = ?", Integer.class, contratto.id())).isZero();
        assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, contratto.alloggio())).isNotEqualTo("OCCUPATO");
    }
}
