package it.piattaformacasa.domanda;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import it.piattaformacasa.common.ItalianFormats;

/**
 * GET /api/domande/{id}/spiegazione: what a citizen reads about the score and what the operator sees behind it,
 * for households whose points come from the real rules/isbar.dmn.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpiegazionePunteggioTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final String VARESE = "012133";
    private static final String MALNATE_ISTAT = "012096";
    private static final String CONIUGE_INVALIDA = "MNTSRA88P43L682V";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggiRepository;
    @Autowired
    DomandaService domandaService;
    @Autowired
    JdbcTemplate jdbc;
    ClientHttp http;
    long avviso;
    Map<String, Long> domande = new HashMap<>();

    @BeforeAll
    void domandePresentate() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggiRepository);
        Alloggio aler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 1).get(0);
        Alloggio varese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        avviso = scenario.aperto(List.of(aler, varese), List.of(ALER_AVVISO, CAPOFILA));
        LocalDate oggi = LocalDate.now(ROMA);
        String lombardia12Anni = oggi.minusYears(12).minusMonths(1).toString();
        String comune11Anni = oggi.minusYears(11).minusMonths(1).toString();
        // A: the spouse has a 70 % invalidity; 12 years in Lombardia, 11 in Varese, a unit in Varese, ISEE 5.200 €
        presenta("A", "BRMLCU85D12L682R", "1985-04-12", coniuge(CONIUGE_INVALIDA, "1988-09-03", 70), VARESE,
                lombardia12Anni, comune11Anni, "5200.00", "{}", varese.getId());
        // B: the spouse is 76 (anziani since r.r. 2/2025), two housing conditions, resident in Malnate, an ALER unit
        presenta("B", "RTOMRC80A15L682D", "1980-01-15", coniuge("SLATRS50B41L682V", "1950-02-01", 0), MALNATE_ISTAT,
                "2000-01-01", "2005-01-01", "9000.00", "{\"coabitazione\":true,\"sovraffollamento\":true}", aler.getId());
        // C: as A, then its invalidity is corrected (rettifica per invalidità civile)
        presenta("C", "GRCLSE95R50L682N", "1995-10-10", coniuge(CONIUGE_INVALIDA, "1988-09-03", 70), VARESE,
                lombardia12Anni, comune11Anni, "5200.00", "{}", varese.getId());
    }

    private static String coniuge(String cf, String nascita, int invalidita) {
        return "{\"codiceFiscale\":\"" + cf + "\",\"nome\":\"Sara\",\"cognome\":\"Monti\",\"dataNascita\":\"" + nascita
                + "\",\"relazione\":\"CONIUGE\",\"percentualeInvalidita\":" + invalidita + "}";
    }

    private void presenta(String chi, String cf, String nascita, String coniuge, String comune, String inLombardiaDal,
                          String inComuneDal, String isee, String condizioni, long alloggio) {
        String body = "{\"nucleo\":[{\"codiceFiscale\":\"" + cf + "\",\"nome\":\"N\",\"cognome\":\"" + chi + "\",\"dataNascita\":\""
                + nascita + "\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}," + coniuge + "],"
                + "\"residenza\":{\"codiceIstatComune\":\"" + comune + "\",\"residenteLombardiaDal\":\"" + inLombardiaDal
                + "\",\"residenteComuneDal\":\"" + inComuneDal + "\"},"
                + "\"isee\":{\"valore\":" + isee + ",\"protocolloDsu\":\"INPS-" + chi + "\",\"dataDsu\":\"2026-01-20\"},"
                + "\"patrimonio\":0,\"condizioni\":" + condizioni + ",\"alloggi\":[" + alloggio + "]}";
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        domande.put(chi, risposta.json().get("id").asLong());
    }

    private JsonNode spiegazione(String chi) {
        ClientHttp.Risposta risposta = http.get("/api/domande/" + domande.get(chi) + "/spiegazione", CAPOFILA);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        return risposta.json();
    }

    private static Map<String, JsonNode> righe(JsonNode spiegazione) {
        Map<String, JsonNode> righe = new HashMap<>();
        spiegazione.get("righe").forEach(r -> righe.put(r.get("componente").asText(), r));
        return righe;
    }

    /** The component's points as the domanda stored them (GET /api/domande/{id}), in Italian with three decimals. */
    private String puntiSalvati(String chi, String componente) {
        BigDecimal punti = http.get("/api/domande/" + domande.get(chi), CAPOFILA).json().get("componenti").get(componente)
                .decimalValue();
        return ItalianFormats.decimale(punti, 3);
    }

    @Test
    void ogniComponenteHaUnaFraseConIPuntiSalvatiEIDatiDelNucleo() {
        JsonNode spiegazione = spiegazione("A");
        JsonNode domanda = http.get("/api/domande/" + domande.get("A"), CAPOFILA).json();

        assertThat(spiegazione.get("domandaId").asLong()).isEqualTo(domande.get("A"));
        assertThat(spiegazione.get("isbarTesto").asText()).isEqualTo(domanda.get("isbarItaliano").asText()).isEqualTo("17,500");
        assertThat(spiegazione.get("isbar").decimalValue()).isEqualByComparingTo(domanda.get("isbar").decimalValue());
        assertThat(spiegazione.get("corretto").asBoolean()).isFalse();
        assertThat(spiegazione.get("righe")).extracting(r -> r.get("componente").asText())
                .as("the order of the graduatoria's columns").containsExactly("familiare", "abitativo", "economico",
                        "residenzaRegione", "residenzaComune");

        Map<String, JsonNode> righe = righe(spiegazione);
        assertThat(righe.get("familiare").get("puntiTesto").asText()).isEqualTo(puntiSalvati("A", "familiare")).isEqualTo("3,000");
        assertThat(righe.get("familiare").get("testo").asText()).isEqualTo("Condizioni familiari: 3,000 punti perché nel nucleo "
                + "c'è una persona con un'invalidità civile del 70 % (fascia «invalidità dal 66 % al 99 %, senza handicap grave»).");
        assertThat(righe.get("abitativo").get("testo").asText()).isEqualTo("Condizioni abitative: 0,000 punti perché dalla "
                + "domanda non risulta nessuna delle condizioni abitative che danno punti.");
        assertThat(righe.get("economico").get("testo").asText()).startsWith("Condizioni economiche: " + puntiSalvati("A", "economico")
                + " punti perché l'ISEE del nucleo è di 5.200,00 € (fascia «ISEE oltre 3.000 e fino a 6.000 €»)");
        assertThat(righe.get("residenzaRegione").get("testo").asText()).isEqualTo("Residenza in Regione: "
                + puntiSalvati("A", "residenzaRegione") + " punti perché il richiedente è residente in Lombardia da 12 anni "
                + "(fascia «da 11 a 15 anni di residenza in Lombardia»).");
        assertThat(righe.get("residenzaComune").get("testo").asText()).isEqualTo("Residenza nel Comune: 8,000 punti perché "
                + "il richiedente è residente nel comune da 11 anni (fascia «oltre 10 anni di residenza nel comune, con "
                + "condizione familiare o abitativa e alloggio nel comune»).");

        // the operator's detail: which rule fired, its article and the inputs it read
        JsonNode regolaFamiliare = righe.get("familiare").get("regole");
        assertThat(regolaFamiliare).hasSize(2).as("invalidity and the always-true zero row of the summed table");
        assertThat(regolaFamiliare.get(0).get("decisione").asText()).isEqualTo("Punti condizioni familiari");
        assertThat(regolaFamiliare.get(0).get("descrizione").asText()).startsWith("PROVVISORIO").contains("art. 14");
        assertThat(regolaFamiliare.get(0).get("input").get("invaliditaMassima").asInt()).isEqualTo(70);
        assertThat(righe.get("residenzaRegione").get("regole").get(0).get("input").get("anniResidenzaLombardia").asInt()).isEqualTo(12);
        assertThat(righe.get("familiare").get("provvisorio").asBoolean()).isTrue();
        assertThat(righe.get("residenzaComune").get("provvisorio").asBoolean()).as("8 points over 10 years: sourced").isFalse();

        List<String> note = new ArrayList<>();
        spiegazione.get("note").forEach(n -> note.add(n.asText()));
        assertThat(note).hasSize(2).startsWith("Valori provvisori (condizioni familiari, condizioni economiche, residenza in "
                + "Regione): la tabella regionale dei punteggi non è ancora pubblica, quindi potranno cambiare.");
        assertThat(note.get(1)).as("where the domanda could choose, art. 9").startsWith("Scelta n. 1, alloggio ")
                .endsWith(": Comune di residenza del richiedente: ammesso.");

        String testo = spiegazione.get("testo").asText();
        assertThat(testo.lines()).containsExactly(
                "Punteggio ISBAR della domanda n. " + domande.get("A") + ": 17,500 punti.",
                righe.get("familiare").get("testo").asText(), righe.get("abitativo").get("testo").asText(),
                righe.get("economico").get("testo").asText(), righe.get("residenzaRegione").get("testo").asText(),
                righe.get("residenzaComune").get("testo").asText(), "Totale: 17,500 punti.", "Nota: " + note.get(0),
                "Nota: " + note.get(1));
        assertThat(testo).as("no DMN jargon, no sources, no rule numbers for the citizen")
                .doesNotContain("PROVVISORIO", "Punti condizioni", "art.", "r.r.", "ISBAR-ALLEGATO1", "regola n", "DMN", "COLLECT");
    }

    @Test
    void piuCondizioniDellaStessaComponenteVengonoElencateInsieme() {
        Map<String, JsonNode> righe = righe(spiegazione("B"));

        assertThat(righe.get("abitativo").get("testo").asText()).isEqualTo("Condizioni abitative: "
                + puntiSalvati("B", "abitativo") + " punti perché il nucleo vive nello stesso alloggio insieme ad altri "
                + "nuclei familiari e l'alloggio in cui vive il nucleo è sovraffollato.");
        assertThat(righe.get("abitativo").get("regole")).extracting(r -> r.get("numero").asInt()).hasSize(3);
        assertThat(righe.get("familiare").get("testo").asText()).isEqualTo("Condizioni familiari: "
                + puntiSalvati("B", "familiare") + " punti perché il nucleo rientra tra i nuclei di anziani.");
        assertThat(righe.get("residenzaComune").get("testo").asText()).isEqualTo("Residenza nel Comune: 0,000 punti perché "
                + "nessuno degli alloggi scelti è nel comune di residenza, e in questo caso la residenza nel comune non conta.");
        assertThat(righe.get("residenzaRegione").get("testo").asText()).contains("residente in Lombardia da "
                + (LocalDate.now(ROMA).getYear() - 2000) + " anni");
    }

    @Test
    void ilCittadinoRiceveLoStessoTestoInTestoSemplice() {
        String url = "/api/domande/" + domande.get("A") + "/spiegazione";
        String json = http.get(url, CAPOFILA).json().get("testo").asText();

        ClientHttp.Risposta conAccept = http.invia(http.richiesta(url, CAPOFILA).setHeader("Accept", "text/plain").GET().build());
        assertThat(conAccept.status()).isEqualTo(200);
        assertThat(conAccept.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(conAccept.body()).isEqualTo(json).contains("Condizioni familiari: 3,000 punti perché");

        ClientHttp.Risposta conParametro = http.get(url + "?formato=testo", CAPOFILA);
        assertThat(conParametro.status()).isEqualTo(200);
        assertThat(conParametro.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(conParametro.body()).isEqualTo(json);

        assertThat(http.get(url + "?formato=pdf", CAPOFILA).status()).isEqualTo(400);
    }

    @Test
    void chiNonVedeLaDomandaNonNeVedeNeppureLaSpiegazione() {
        String url = "/api/domande/" + domande.get("A") + "/spiegazione";
        assertThat(http.get(url, MALNATE).status()).as("Malnate owns none of the chosen units").isEqualTo(404);
        assertThat(http.get(url, ALER_ISTRUTTORIA).status()).as("A chose only a unit of the Comune di Varese").isEqualTo(404);
        assertThat(http.get(url).status()).isEqualTo(401);
        assertThat(http.get("/api/domande/999999999/spiegazione", SUPERVISORE).status()).isEqualTo(404);
        assertThat(http.get("/api/domande/" + domande.get("B") + "/spiegazione", ALER_ISTRUTTORIA).status())
                .as("B chose ALER's unit").isEqualTo(200);
        assertThat(http.get(url, SUPERVISORE).status()).isEqualTo(200);
    }

    @Test
    void dopoUnaRettificaSpiegaIlPunteggioCorrettoEDiceCheEStatoCorretto() {
        long c = domande.get("C");
        assertThat(spiegazione("C").get("isbarTesto").asText()).isEqualTo("17,500");

        domandaService.rettificaInvalidita(c, CONIUGE_INVALIDA, 100, true, false);

        JsonNode spiegazione = spiegazione("C");
        assertThat(spiegazione.get("corretto").asBoolean()).isTrue();
        assertThat(spiegazione.get("isbarPresentato").decimalValue()).isEqualByComparingTo("17.5");
        String lavoro = ItalianFormats.decimale(jdbc.queryForObject("select isbar_lavoro from domanda where id = ?",
                BigDecimal.class, c), 3);
        assertThat(spiegazione.get("isbarTesto").asText()).isEqualTo(lavoro).isNotEqualTo("17,500");
        String familiare = ItalianFormats.decimale(jdbc.queryForObject("select punti_familiare_lavoro from domanda where id = ?",
                BigDecimal.class, c), 3);
        Map<String, JsonNode> righe = righe(spiegazione);
        assertThat(righe.get("familiare").get("testo").asText()).isEqualTo("Condizioni familiari: " + familiare + " punti perché "
                + "nel nucleo c'è una persona con un'invalidità civile del 100 % che riceve l'indennità di accompagnamento "
                + "(fascia «invalidità 100 % con accompagnamento»).");
        assertThat(righe.get("familiare").get("regole").get(0).get("input").get("invaliditaMassima").asInt()).isEqualTo(100);
        assertThat(spiegazione.get("note").toString()).contains("Il punteggio è stato corretto dopo la presentazione della "
                + "domanda", "era 17,500 punti, ora è " + lavoro + " punti");

        // a working score from before its rules were stored: unchanged components keep their explanation
        jdbc.update("update domanda set spiegazione_lavoro = null where id = ?", c);
        Map<String, JsonNode> senzaRegole = righe(spiegazione("C"));
        assertThat(senzaRegole.get("familiare").get("testo").asText()).isEqualTo("Condizioni familiari: " + familiare
                + " punti (corretti dopo la presentazione della domanda; il dettaglio delle regole applicate non è stato registrato).");
        assertThat(senzaRegole.get("familiare").get("regole")).isEmpty();
        assertThat(senzaRegole.get("residenzaRegione").get("testo").asText()).contains("residente in Lombardia da 12 anni");
    }

    @Test
    void ilReportDelleDomandeInAvvisoHaLaSpiegazioneAccantoAiPunti() {
        JsonNode report = http.get("/api/avvisi/" + avviso + "/report/domande-in-avviso", SUPERVISORE).json();
        List<String> colonne = new ArrayList<>();
        report.get("colonne").forEach(c -> colonne.add(c.asText()));
        int spiegazione = colonne.indexOf("Spiegazione punteggio");
        assertThat(spiegazione).as("last column, after the component points").isEqualTo(colonne.size() - 1);
        JsonNode rigaA = null;
        for (JsonNode r : report.get("righe")) {
            if (r.get(0).asLong() == domande.get("A")) {
                rigaA = r;
            }
        }
        assertThat(rigaA).isNotNull();
        assertThat(rigaA.get(spiegazione).asText()).startsWith("Condizioni familiari: 3,000 punti perché nel nucleo c'è una "
                + "persona con un'invalidità civile del 70 %").contains("Residenza nel Comune: 8,000 punti", "Nota: Valori provvisori")
                .doesNotContain("\n");
    }
}
