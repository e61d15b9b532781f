package it.piattaformacasa.piano.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.piano.process.ProgrammazioneAnnualeBpmn;

/**
 * «Programmazione» over HTTP (issue 13): the capofila's scheda (Salva, Annulla), the ente's «schema comunicazione
 * annuale» with its refusals beside the fields, the report with who is late, approval and reopening, the downloads;
 * what each role sees and may send. Every form goes through the API's service, so the answers are the API's.
 */
@IntegrationTest
class ProgrammazionePagineTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    ClientHttp http;
    final LocalDate oggi = LocalDate.now(ROMA);

    @BeforeEach
    void init() {
        http = new ClientHttp(port);
    }

    @Test
    void ilCapofilaPredisponeSalvaEAnnullaLaScheda() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        ClientHttp.Risposta elenco = capofila.get("/programmazione");
        assertThat(elenco.status()).isEqualTo(200);
        assertThat(elenco.body()).contains("Nuova scheda programmazione annuale", "Data inizio comunicazione");

        ClientHttp.Risposta sbagliata = capofila.post("/programmazione", Map.of("ambito", "VARESE", "anno", "2080",
                "inizioComunicazioni", oggi.toString(), "fineComunicazioni", oggi.minusDays(1).toString()));
        assertThat(sbagliata.status()).isEqualTo(400);
        assertThat(sbagliata.body()).contains("id=\"fineComunicazioni-errore\"", "non può precedere la data di inizio",
                "aria-invalid=\"true\"");
        assertThat(jdbc.queryForObject("select count(*) from piano_annuale where anno = 2080", Integer.class)).isZero();

        ClientHttp.Risposta creata = capofila.post("/programmazione", Map.of("ambito", "VARESE", "anno", "2080",
                "inizioComunicazioni", oggi.plusDays(1).toString(), "fineComunicazioni", oggi.plusDays(20).toString()));
        assertThat(creata.status()).isEqualTo(303);
        String pagina = creata.raw().headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        assertThat(pagina).matches("/programmazione/\\d+");
        ClientHttp.Risposta scheda = capofila.get(pagina);
        assertThat(scheda.body()).contains("Scheda programmazione annuale", "In predisposizione", "id=\"salva\"",
                ItalianDate.di(oggi.plusDays(1)), "Comune di Malnate");

        ClientHttp.Risposta salvata = capofila.post(pagina, Map.of("inizioComunicazioni", oggi.plusDays(2).toString(),
                "fineComunicazioni", oggi.plusDays(25).toString()));
        assertThat(salvata.status()).isEqualTo(303);
        assertThat(capofila.get(pagina).body()).contains(ItalianDate.di(oggi.plusDays(25)), "Scheda salvata");
        // other enti of the ambito read the scheda but do not act on it
        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        assertThat(malnate.get(pagina).body()).doesNotContain("id=\"salva\"", "id=\"annulla\"");
        assertThat(malnate.post(pagina + "/annullamento", Map.of()).status()).isEqualTo(403);

        ClientHttp.Risposta annullata = capofila.post(pagina + "/annullamento", Map.of());
        assertThat(annullata.status()).isEqualTo(303);
        assertThat(capofila.get(pagina).body()).contains("Annullato", "Piano annullato");
    }

    @Test
    void lEnteInviaLaSuaSchedaIlCapofilaVedeChiEInRitardoEApprova() {
        ClientHttp.Risposta api = http.post("/api/programmazione", CAPOFILA, "{\"ambito\":\"VARESE\",\"anno\":2079,"
                + "\"inizioComunicazioni\":\"" + oggi + "\",\"fineComunicazioni\":\"" + oggi.plusDays(10) + "\"}");
        assertThat(api.status()).as(api.body()).isEqualTo(201);
        long piano = api.json().get("id").asLong();
        eseguiTimer(piano, ProgrammazioneAnnualeBpmn.TIMER_INIZIO_COMUNICAZIONI);
        long diMalnate = jdbc.queryForObject("""
                select ca.id from comunicazione_annuale ca join ente_proprietario e on e.id = ca.ente_id
                 where ca.piano_id = ? and e.codice_fiscale = ?""", Long.class, piano, CF_COMUNE_MALNATE);

        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        ClientHttp.Risposta propria = malnate.get("/programmazione/" + piano);
        assertThat(propria.body()).contains("Schema comunicazione annuale – Comune di Malnate, Malnate",
                "Soglia % eccedente il 20% per indigenti", "Aperto alle comunicazioni")
                .doesNotContain("Schema comunicazione annuale – Comune di Varese", "id=\"approva\"");
        // the ente's refusals come back beside the field, with what was typed
        ClientHttp.Risposta rifiutata = malnate.post("/programmazione/" + piano + "/comunicazioni/" + diMalnate,
                Map.of("alloggiDisponibili", "37", "sogliaAnziani", "12,5", "sogliaDisabili", "10", "sogliaIndigenti", "15"));
        assertThat(rifiutata.status()).isEqualTo(400);
        assertThat(rifiutata.body()).contains("id=\"c" + diMalnate + "-sogliaDisabili-errore\"",
                "le categorie sociali dell&#39;art. 14 insieme non superano il 20 %", "value=\"12,5\"",
                "lasciare vuoto per il 20 %", "href=\"#c" + diMalnate + "-sogliaIndigenti\">Soglia % eccedente il 20% per indigenti:");
        assertThat(jdbc.queryForObject("select ricevuta_il is null from comunicazione_annuale where id = ?", Boolean.class,
                diMalnate)).isTrue();
        ClientHttp.Risposta inviata = malnate.post("/programmazione/" + piano + "/comunicazioni/" + diMalnate,
                Map.of("alloggiDisponibili", "37", "alloggiTurnOver", "20", "sogliaAnziani", "12,5", "sogliaIndigenti", "25"));
        assertThat(inviata.status()).isEqualTo(303);
        assertThat(malnate.get("/programmazione/" + piano).body()).contains("Comunicazione di Comune di Malnate per Malnate ricevuta il",
                "COMUNE DI MALNATE", "12,5");
        assertThat(malnate.post("/programmazione/" + piano + "/approvazione", Map.of("numeroDelibera", "1",
                "dataDelibera", oggi.toString())).status()).isEqualTo(403);

        eseguiTimer(piano, ProgrammazioneAnnualeBpmn.TIMER_FINE_COMUNICAZIONI);
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        ClientHttp.Risposta chiuso = capofila.get("/programmazione/" + piano);
        assertThat(chiuso.body()).contains("Chiuso", "In ritardo", "id=\"approva\"", "id=\"riapri\"",
                "Approva piano annuale – Comune di Varese, Varese – Piano annuale 2079");
        // supervisors see every plan, with the enti late
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        ClientHttp.Risposta elenco = supervisore.get("/programmazione?anno=2079");
        assertThat(elenco.body()).contains("Comune di Varese (Varese)", "in ritardo").doesNotContain("Nuova scheda");
        assertThat(supervisore.get("/programmazione/" + piano).body()).doesNotContain("id=\"approva\"");

        ClientHttp.Risposta senzaNumero = capofila.post("/programmazione/" + piano + "/approvazione",
                Map.of("numeroDelibera", "", "dataDelibera", oggi.toString()));
        assertThat(senzaNumero.status()).isEqualTo(400);
        assertThat(senzaNumero.body()).contains("id=\"numeroDelibera-errore\"", "obbligatorio",
                "href=\"#numeroDelibera\">Numero della delibera: obbligatorio");
        ClientHttp.Risposta approvato = capofila.post("/programmazione/" + piano + "/approvazione",
                Map.of("numeroDelibera", "4/2079", "dataDelibera", oggi.toString()));
        assertThat(approvato.status()).isEqualTo(303);
        ClientHttp.Risposta pagina = capofila.get("/programmazione/" + piano);
        assertThat(pagina.body()).contains("Approvato", "n. 4/2079 del " + ItalianDate.di(oggi), "Riserve dell&#39;anno impostate");
        // the approved thresholds are Malnate's reserves of 2079: 37 units, 25 % → 10 indigenti
        // the page says where they come from, and that the form cannot change them
        assertThat(malnate.get("/riserve?ente=" + ente(CF_COMUNE_MALNATE) + "&anno=2079").body()).contains("37", "25 %",
                "href=\"/programmazione/" + piano + "\">dal piano annuale n. " + piano + "</a>", "id=\"riserve-del-piano\"",
                "Le riserve 2079 di Malnate le ha scritte l&#39;approvazione del piano annuale");

        HttpResponse<byte[]> xlsx = capofila.scarica("/programmazione/" + piano + "/report?formato=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        String csv = new String(capofila.scarica("/programmazione/" + piano + "/report?formato=csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("Nome ente;Comune;Data Ricezione;Ora Ricezione;Numero complessivo U.I. disponibili nell'anno")
                .contains("COMUNE DI MALNATE;Malnate;");
        assertThat(capofila.get("/programmazione/" + piano + "/report?formato=pdf").status()).isEqualTo(400);

        ClientHttp.Risposta riaperto = capofila.post("/programmazione/" + piano + "/riapertura",
                Map.of("fineComunicazioni", oggi.plusDays(3).toString()));
        assertThat(riaperto.status()).isEqualTo(303);
        assertThat(capofila.get("/programmazione/" + piano).body()).contains("Aperto alle comunicazioni",
                "Piano approvato riaperto", "Schema comunicazione annuale – Comune di Varese, Varese");
    }

    @Test
    void unIndirizzoOUnFiltroSbagliatoNonDaMaiUn5xx() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        assertThat(capofila.get("/programmazione?anno=abc").status()).isEqualTo(400);
        assertThat(capofila.get("/programmazione/abc").status()).isEqualTo(404);
        assertThat(capofila.get("/programmazione/999999").status()).isEqualTo(404);
        assertThat(capofila.post("/programmazione", Map.of("ambito", "VARESE", "anno", "duemila", "inizioComunicazioni",
                "31/02/2090", "fineComunicazioni", "x")).status()).isEqualTo(400);
    }

    private void eseguiTimer(long piano, String timer) {
        String istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey(ProgrammazioneAnnualeBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(piano)).singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(istanza).activityId(timer)
                .singleResult().getId());
    }

    private long ente(String cf) {
        return jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, cf);
    }

    /** gg/mm/aaaa, as the pages write dates. */
    static final class ItalianDate {
        static String di(LocalDate data) {
            return String.format("%02d/%02d/%04d", data.getDayOfMonth(), data.getMonthValue(), data.getYear());
        }
    }
}
