package it.piattaformacasa.avviso.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.process.AvvisoBpmn;

/**
 * Issue 12, the Avvisi area over HTTP: the forms' refusals (the API's own checks, beside the field, 4xx), who may
 * send each form (another ente's operator is refused as by the API), the rules in force and the reports of the
 * avviso's page.
 */
@IntegrationTest
class AvvisiPagineTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter ORA = DateTimeFormatter.ofPattern("HH:mm");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;

    ClientHttp http;
    ScenarioAvviso scenario;

    @BeforeEach
    void init() {
        http = new ClientHttp(port);
        scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
    }

    @Test
    void ilCapofilaVedeIRifiutiAccantoAlCampoEPoiPredisponeConLAvvertenzaSugliOrari() {
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);
        String titolo = "Avviso console " + UUID.randomUUID().toString().substring(0, 8);
        ZonedDateTime troppoPresto = ZonedDateTime.now(ROMA).plusHours(2);

        ClientHttp.Risposta rifiutata = capofila.post("/avvisi/nuovo", modulo(titolo, troppoPresto, troppoPresto.plusDays(10)));

        assertThat(rifiutata.status()).isEqualTo(400);
        String pagina = testo(rifiutata);
        assertThat(campo(pagina, "aperturaData-errore")).contains("l'apertura deve essere oltre 24 ore da adesso");
        assertThat(campo(pagina, "chiusuraData-errore")).contains("l'avviso deve restare aperto almeno 30 giorni");
        assertThat(pagina).contains("Il modulo contiene errori:", "href=\"#aperturaData\"", "aria-invalid=\"true\"",
                "aria-describedby=\"aperturaData-errore\"", "value=\"" + titolo + "\"");

        ClientHttp.Risposta senzaTitolo = capofila.post("/avvisi/nuovo", Map.of("ambito", "VARESE", "tipo", "ORDINARIO",
                "aperturaData", "", "aperturaOra", "10:00", "chiusuraData", "", "chiusuraOra", "12:00", "titolo", " "));
        assertThat(senzaTitolo.status()).isEqualTo(400);
        assertThat(campo(testo(senzaTitolo), "titolo-errore")).contains("il titolo è obbligatorio");
        assertThat(campo(testo(senzaTitolo), "aperturaData-errore")).contains("la data e ora di apertura sono obbligatorie");

        // 08:00 is outside the staffed hours: predisposto all the same, with the warning
        ZonedDateTime apertura = ScenarioAvviso.lavorativo(5, 8).atZone(ROMA);
        ZonedDateTime chiusura = ScenarioAvviso.lavorativo(40, 12).atZone(ROMA);
        ClientHttp.Risposta predisposto = capofila.post("/avvisi/nuovo", modulo(titolo, apertura, chiusura));

        assertThat(predisposto.status()).as(predisposto.body()).isEqualTo(303);
        String indirizzo = predisposto.raw().headers().firstValue("Location").orElseThrow();
        assertThat(indirizzo).matches(".*/avvisi/\\d+");
        String avviso = testo(capofila.get(indirizzo.substring(indirizzo.indexOf("/avvisi/"))));
        assertThat(avviso).contains("Avviso predisposto", titolo, "Selezione degli alloggi",
                "L'apertura cade fuori dalla fascia lunedì-venerdì 9:00-16:00",
                apertura.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 08:00");
        // in the list, found by its title, with its state in words
        String elenco = testo(capofila.get("/avvisi?testo=" + titolo.replace(' ', '+')));
        assertThat(elenco).contains(titolo, "Selezione degli alloggi", "Pagina 1 di 1 – avvisi trovati: 1");
        assertThat(testo(capofila.get("/avvisi?stato=CHIUSO&testo=" + titolo.replace(' ', '+'))))
                .contains("Nessun avviso corrisponde ai filtri.").doesNotContain(">" + titolo + "<");
    }

    @Test
    void lElencoSiFiltraESiOrdinaSulServer() {
        // letters only: the search by number below also matches titles, and a digit of the prefix could match the id
        String prefisso = "Ordine " + UUID.randomUUID().toString().substring(0, 8).chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + (c - '0') : c))).collect(java.util.stream.Collectors.joining());
        long b = scenario.conTitolo(prefisso + " Bosto").predisposto();
        long a = scenario.conTitolo(prefisso + " Arcisate").predisposto();
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        String filtro = "/avvisi?testo=" + prefisso.replace(' ', '+');

        String crescente = testo(supervisore.get(filtro + "&ordina=titolo&verso=asc"));
        assertThat(crescente).containsSubsequence(prefisso + " Arcisate", prefisso + " Bosto")
                .contains("aria-sort=\"ascending\"", "avvisi trovati: 2");
        assertThat(testo(supervisore.get(filtro + "&ordina=titolo&verso=desc")))
                .containsSubsequence(prefisso + " Bosto", prefisso + " Arcisate");
        // by number, as the search box promises; a page past the end is empty, never an error
        assertThat(testo(supervisore.get("/avvisi?testo=" + a))).contains(prefisso + " Arcisate").doesNotContain(prefisso + " Bosto");
        ClientHttp.Risposta oltre = supervisore.get(filtro + "&pagina=9");
        assertThat(oltre.status()).isEqualTo(200);
        assertThat(testo(oltre)).doesNotContain(prefisso + " Bosto");
        assertThat(supervisore.get(filtro + "&pagina=abc&ordina=nulla&stato=INVENTATO").status()).isEqualTo(200);
        assertThat(b).isNotEqualTo(a);
    }

    @Test
    void soloGliOperatoriDelCapofilaPredispongono() {
        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        ClientHttp.Risposta pagina = malnate.get("/avvisi/nuovo");
        assertThat(pagina.status()).isEqualTo(403);
        assertThat(testo(pagina)).contains("Solo gli operatori del Comune capofila");
        ZonedDateTime apertura = ScenarioAvviso.lavorativo(5, 10).atZone(ROMA);
        ClientHttp.Risposta invio = malnate.post("/avvisi/nuovo", modulo("Avviso di Malnate", apertura,
                ScenarioAvviso.lavorativo(40, 12).atZone(ROMA)));
        assertThat(invio.status()).isEqualTo(403);
        assertThat(testo(invio)).contains("Solo gli operatori del Comune capofila");
        assertThat(testo(malnate.get("/avvisi"))).doesNotContain("href=\"/avvisi/nuovo\"");
    }

    @Test
    void lEnteInserisceERitiraUnProprioAlloggioMentreLaSelezioneEApertaUnAltroEnteNo() {
        long avviso = scenario.conTitolo("Avviso della selezione in console").predisposto();
        List<Alloggio> liberi = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 2);
        Alloggio primo = liberi.get(0);
        SessioneConsole aler = SessioneConsole.di(http, ALER_AVVISO);

        assertThat(testo(aler.get("/avvisi/" + avviso))).contains("Inserisci un alloggio di ALER", primo.getCodiceUi());
        assertThat(testo(SessioneConsole.di(http, MALNATE).get("/avvisi/" + avviso)))
                .contains("Inserisci un alloggio di Comune di Malnate").doesNotContain("Inserisci un alloggio di ALER");

        ClientHttp.Risposta incompleta = aler.post("/avvisi/" + avviso + "/alloggi", Map.of("alloggioId", primo.getId().toString(),
                "tipologia", "ASSEGNABILE_ENTRO_CHIUSURA", "tipologiaRiscaldamento", "", "speseAnnueUtenze", "1.200,50"));
        assertThat(incompleta.status()).isEqualTo(400);
        assertThat(campo(testo(incompleta), "tipologiaRiscaldamento-errore")).contains("la tipologia di riscaldamento è obbligatoria");
        assertThat(testo(incompleta)).contains("value=\"1.200,50\"");

        ClientHttp.Risposta statoDiFatto = aler.post("/avvisi/" + avviso + "/alloggi", Map.of("alloggioId", primo.getId().toString(),
                "tipologia", "STATO_DI_FATTO_INTERVENTI_ENTE", "tipologiaRiscaldamento", "Autonomo", "speseAnnueUtenze", "900"));
        assertThat(statoDiFatto.status()).isEqualTo(400);
        assertThat(campo(testo(statoDiFatto), "tipologia-errore")).contains("non può essere inserito come");

        ClientHttp.Risposta inserito = aler.post("/avvisi/" + avviso + "/alloggi", Map.of("alloggioId", primo.getId().toString(),
                "tipologia", "ASSEGNABILE_ENTRO_CHIUSURA", "tipologiaRiscaldamento", "Centralizzato", "speseAnnueUtenze", "1.200,50"));
        assertThat(inserito.status()).as(inserito.body()).isEqualTo(303);
        JsonNode nellApi = http.get("/api/avvisi/" + avviso + "/alloggi", CAPOFILA).json();
        assertThat(nellApi).hasSize(1);
        assertThat(nellApi.get(0).get("speseAnnueUtenze").decimalValue()).isEqualByComparingTo("1200.50");
        String pagina = testo(aler.get("/avvisi/" + avviso));
        assertThat(pagina).contains("Alloggio " + primo.getCodiceUi() + " inserito nell'avviso", "Alloggi in avviso di ALER",
                "Ritira l’alloggio " + primo.getCodiceUi() + " dall’avviso");

        // Malnate: another ente's alloggi are not its to add or withdraw (the API's 403)
        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        ClientHttp.Risposta altrui = malnate.post("/avvisi/" + avviso + "/alloggi", Map.of("alloggioId", liberi.get(1).getId().toString(),
                "tipologia", "ASSEGNABILE_ENTRO_CHIUSURA", "tipologiaRiscaldamento", "Centralizzato", "speseAnnueUtenze", "1000"));
        // an alloggio of another ente is not even visible to Malnate: 404 with the API's words, as the API answers
        ClientHttp.Risposta api = http.post("/api/avvisi/" + avviso + "/alloggi", MALNATE, "{\"alloggioId\":" + liberi.get(1).getId()
                + ",\"tipologia\":\"ASSEGNABILE_ENTRO_CHIUSURA\",\"tipologiaRiscaldamento\":\"Centralizzato\",\"speseAnnueUtenze\":1000}");
        assertThat(api.status()).isEqualTo(404);
        assertThat(altrui.status()).isEqualTo(api.status());
        assertThat(testo(altrui)).contains("Alloggio " + liberi.get(1).getId() + " non trovato");
        ClientHttp.Risposta ritiroAltrui = malnate.post("/avvisi/" + avviso + "/alloggi/" + primo.getId() + "/rimozione", Map.of());
        assertThat(ritiroAltrui.status()).isEqualTo(http.delete("/api/avvisi/" + avviso + "/alloggi/" + primo.getId(), MALNATE).status())
                .isIn(403, 404);
        assertThat(http.get("/api/avvisi/" + avviso + "/alloggi", CAPOFILA).json()).hasSize(1);
        // an operator who sees the Comune di Varese's alloggi without «Gestione Avviso»: 403, as the API
        Alloggio diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        ClientHttp.Risposta senzaAbilitazione = SessioneConsole.di(http, VARESE_ISTRUTTORIA).post("/avvisi/" + avviso + "/alloggi",
                Map.of("alloggioId", diVarese.getId().toString(), "tipologia", "ASSEGNABILE_ENTRO_CHIUSURA",
                        "tipologiaRiscaldamento", "Centralizzato", "speseAnnueUtenze", "1000"));
        assertThat(senzaAbilitazione.status()).isEqualTo(403);
        assertThat(testo(senzaAbilitazione)).contains("Solo gli operatori di Comune di Varese abilitati alla Gestione Avviso");

        ClientHttp.Risposta ritirato = aler.post("/avvisi/" + avviso + "/alloggi/" + primo.getId() + "/rimozione", Map.of());
        assertThat(ritirato.status()).isEqualTo(303);
        assertThat(testo(aler.get("/avvisi/" + avviso))).contains("Alloggio " + primo.getCodiceUi() + " ritirato dall'avviso",
                "Nessun alloggio inserito.");
        assertThat(http.get("/api/avvisi/" + avviso + "/alloggi", CAPOFILA).json()).isEmpty();

        // the window closes 24 hours before the apertura: 409, and the form is gone
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_FINE_SELEZIONE);
        ClientHttp.Risposta tardi = aler.post("/avvisi/" + avviso + "/alloggi", Map.of("alloggioId", primo.getId().toString(),
                "tipologia", "ASSEGNABILE_ENTRO_CHIUSURA", "tipologiaRiscaldamento", "Centralizzato", "speseAnnueUtenze", "1000"));
        assertThat(tardi.status()).isEqualTo(409);
        assertThat(testo(tardi)).contains("La selezione degli alloggi dell'avviso " + avviso + " è chiusa");
        assertThat(testo(aler.get("/avvisi/" + avviso))).contains("La selezione degli alloggi è chiusa")
                .doesNotContain("Inserisci un alloggio di ALER");
    }

    @Test
    void laPaginaDellAvvisoMostraLeRegoleInVigoreComeLApiELeTappe() {
        long avviso = scenario.conTitolo("Avviso delle regole in console").predisposto();
        JsonNode regole = http.get("/api/avvisi/" + avviso + "/regole", CAPOFILA).json();
        String pagina = testo(SessioneConsole.di(http, SUPERVISORE).get("/avvisi/" + avviso));

        assertThat(pagina).contains("Regole in vigore", "Versioni delle regole vincolate all’avviso");
        assertThat(regole.get("versioni").size()).isPositive();
        regole.get("versioni").fields().forEachRemaining(v -> assertThat(pagina)
                .as("row of %s", v.getKey())
                .containsPattern(Pattern.compile("<th scope=\"row\">" + Pattern.quote(v.getKey()) + "</th>\\s*<td>"
                        + v.getValue().asInt() + "</td>")));
        for (JsonNode versione : regole.get("descrizione").get("regole")) {
            assertThat(pagina).contains(versione.get("validita").asText());
        }
        // the timeline: seed 000's steps, the selection under way
        assertThat(pagina).containsSubsequence("Predisposizione", "Fine della selezione degli alloggi", "Apertura ai cittadini",
                "Chiusura", "Graduatorie provvisorie generate", "Graduatorie definitive");
        assertThat(pagina).contains("In corso", "Prevista");
    }

    @Test
    void iReportSiScaricanoDallaSessioneDellaConsole() {
        long avviso = scenario.conTitolo("Avviso dei report in console").aperto(scenario.alloggiDi(CF_COMUNE_VARESE,
                StatoAlloggio.LIBERO, 1), List.of(CAPOFILA));
        String codice = http.get("/api/avvisi/" + avviso + "/alloggi", CAPOFILA).json().get(0).get("codiceUi").asText();
        SessioneConsole capofila = SessioneConsole.di(http, CAPOFILA);

        assertThat(testo(capofila.get("/avvisi/" + avviso))).contains("/avvisi/" + avviso + "/report/domande-in-avviso?formato=xlsx");
        ClientHttp.Risposta csv = capofila.get("/avvisi/" + avviso + "/report/alloggi-in-avviso?formato=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.raw().headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("alloggi-in-avviso-avviso-" + avviso + ".csv"));
        assertThat(csv.body()).contains(codice);
        ClientHttp.Risposta xlsx = capofila.get("/avvisi/" + avviso + "/report/domande-in-avviso");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.raw().headers().firstValue("Content-Type")).hasValue(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(capofila.get("/avvisi/" + avviso + "/report/sconosciuto").status()).isEqualTo(400);
        assertThat(capofila.get("/avvisi/" + avviso + "/report/alloggi-in-avviso?formato=json").status()).isEqualTo(400);
        // Malnate's rows only: Varese's alloggio is not in its report
        assertThat(SessioneConsole.di(http, MALNATE).get("/avvisi/" + avviso + "/report/alloggi-in-avviso?formato=csv").body())
                .doesNotContain(codice);
    }

    private static Map<String, String> modulo(String titolo, ZonedDateTime apertura, ZonedDateTime chiusura) {
        return Map.of("ambito", "VARESE", "titolo", titolo, "tipo", "ORDINARIO",
                "aperturaData", apertura.toLocalDate().toString(), "aperturaOra", apertura.format(ORA),
                "chiusuraData", chiusura.toLocalDate().toString(), "chiusuraOra", chiusura.format(ORA));
    }

    /** The page as text a person reads: entities unescaped. */
    private static String testo(ClientHttp.Risposta risposta) {
        return HtmlUtils.htmlUnescape(risposta.body());
    }

    /** The text of the element with this id (the message beside a field). */
    private static String campo(String pagina, String id) {
        java.util.regex.Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(pagina);
        assertThat(m.find()).as("element #" + id + " on the page").isTrue();
        return m.group(1);
    }
}
