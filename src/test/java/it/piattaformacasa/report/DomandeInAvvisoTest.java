package it.piattaformacasa.report;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;

/**
 * The «domande in avviso» report shows, after the seed 000 columns, where the richiedente works and every chosen
 * alloggio in order with its comune and why art. 9 let the domanda choose it there, in JSON, CSV and .xlsx alike.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomandeInAvvisoTest {

    private static final String ALLOGGI_SCELTI = "Alloggi scelti (preferenza, comune, titolo art. 9)";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    JdbcTemplate jdbc;
    ClientHttp http;
    String report;
    Alloggio varese;
    Alloggio malnate;
    long lavoratrice;
    long precedente;
    long pendolare;

    @BeforeAll
    void dueDomandeUnaPerResidenzaELavoroUnaPrimaDellaVerifica() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        // adequate for one person (45 m²), so that art. 9 co. 3 holds whatever the demo's surfaces
        varese = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 20).stream()
                .filter(a -> a.getComune().getNome().equals("Varese") && adeguato(a)).findFirst().orElseThrow();
        malnate = scenario.alloggiDi(CF_COMUNE_MALNATE, StatoAlloggio.LIBERO, 20).stream()
                .filter(a -> a.getComune().getNome().equals("Malnate") && adeguato(a)).findFirst().orElseThrow();
        long avviso = scenario.aperto(List.of(varese, malnate), List.of(ALER_AVVISO, MALNATE));
        String domande = "/api/avvisi/" + avviso + "/domande";

        // lives in Varese, works in Malnate: Malnate first (work), Varese second (residence)
        ClientHttp.Risposta risposta = http.post(domande, CAPOFILA, DomandaDiProva.unaDomanda(
                CodiceFiscale.conControllo("BNCLRA85A41L682"), malnate.getId(), varese.getId()).lavoraA("012096").json());
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        lavoratrice = risposta.json().get("id").asLong();
        // works in Milano, outside the ambito; submitted, as far as the report can tell, before the art. 9 check
        risposta = http.post(domande, CAPOFILA, DomandaDiProva.unaDomanda(
                CodiceFiscale.conControllo("RSSMRA80A01L682"), varese.getId()).lavoraA("015146").json());
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        precedente = risposta.json().get("id").asLong();
        jdbc.update("update domanda_alloggio set titolo = null, motivo = null where domanda_id = ?", precedente);
        // lives in Milano, works in Varese (art. 7: residence or work in Lombardia; art. 9: the comune of work)
        risposta = http.post(domande, CAPOFILA, DomandaDiProva.unaDomanda(
                CodiceFiscale.conControllo("VRDLCU75A01F205"), varese.getId()).residenteA("015146").lavoraA("012133").json());
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        pendolare = risposta.json().get("id").asLong();
        report = "/api/avvisi/" + avviso + "/report/domande-in-avviso";
    }

    private static boolean adeguato(Alloggio alloggio) {
        return alloggio.getSuperficieUtile().compareTo(new BigDecimal("45")) >= 0;
    }

    @Test
    void ogniDomandaHaIlComuneDiLavoroEGliAlloggiInOrdineConComuneETitolo() {
        JsonNode json = http.get(report, SUPERVISORE).json();
        List<String> colonne = new ArrayList<>();
        json.get("colonne").forEach(c -> colonne.add(c.asText()));
        assertThat(colonne).as("after the seed 000 columns, the explanation still last")
                .endsWith("Punteggio della condizione di disagio economico", "Comune di lavoro", ALLOGGI_SCELTI,
                        "Spiegazione punteggio");
        JsonNode lei = riga(json, lavoratrice);
        assertThat(lei.get(colonne.indexOf("Comune di residenza")).asText()).isEqualTo("Varese");
        assertThat(lei.get(colonne.indexOf("Comune di lavoro")).asText()).isEqualTo("Malnate");
        assertThat(lei.get(colonne.indexOf("Alloggio 1")).asText()).isEqualTo(malnate.getCodiceUi());
        assertThat(lei.get(colonne.indexOf("Alloggio 2")).asText()).isEqualTo(varese.getCodiceUi());
        assertThat(lei.get(colonne.indexOf(ALLOGGI_SCELTI)).asText()).isEqualTo("1. " + malnate.getCodiceUi()
                + " (Malnate, lavoro); 2. " + varese.getCodiceUi() + " (Varese, residenza)");
        JsonNode lui = riga(json, precedente);
        assertThat(lui.get(colonne.indexOf("Comune di lavoro")).asText()).as("from the national list").isEqualTo("Milano");
        assertThat(lui.get(colonne.indexOf(ALLOGGI_SCELTI)).asText()).isEqualTo("1. " + varese.getCodiceUi()
                + " (Varese, non verificato)");
    }

    @Test
    void unaResidenzaFuoriDallAmbitoHaIlSuoNome() {
        JsonNode json = http.get(report, SUPERVISORE).json();
        List<String> colonne = new ArrayList<>();
        json.get("colonne").forEach(c -> colonne.add(c.asText()));
        JsonNode pendolo = riga(json, pendolare);
        assertThat(pendolo.get(colonne.indexOf("Comune di residenza")).asText()).isEqualTo("Milano");
        assertThat(pendolo.get(colonne.indexOf("Comune di lavoro")).asText()).isEqualTo("Varese");
        assertThat(pendolo.get(colonne.indexOf(ALLOGGI_SCELTI)).asText()).isEqualTo("1. " + varese.getCodiceUi()
                + " (Varese, lavoro)");
    }

    @Test
    void unOperatoreVedeTutteLeScelteDelleDomandeCheRiguardanoIlSuoEnte() {
        JsonNode json = http.get(report, MALNATE).json();
        assertThat(json.get("righe")).extracting(r -> r.get(0).asLong()).containsExactly(lavoratrice);
        int scelte = json.get("colonne").size() - 2;
        assertThat(json.get("righe").get(0).get(scelte).asText()).contains("(Malnate, lavoro)", "(Varese, residenza)");
    }

    @Test
    void nelCsvLeScelteStannoInUnCampoSolo() {
        ClientHttp.Risposta csv = http.get(report + "?formato=csv", SUPERVISORE);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().findFirst().orElseThrow())
                .endsWith(";Comune di lavoro;" + ALLOGGI_SCELTI + ";Spiegazione punteggio");
        String riga = csv.body().lines().filter(l -> l.startsWith(lavoratrice + ";")).findFirst().orElseThrow();
        assertThat(riga).as("quoted: the choices are separated by semicolons").contains(";Malnate;\"1. "
                + malnate.getCodiceUi() + " (Malnate, lavoro); 2. " + varese.getCodiceUi() + " (Varese, residenza)\";");
    }

    @Test
    void nellXlsxLeScelteSonoUnTesto() throws Exception {
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(http.richiesta(report + "?formato=xlsx", SUPERVISORE).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook foglio = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = foglio.getSheetAt(0);
            List<String> titoli = new ArrayList<>();
            sheet.getRow(0).forEach(c -> titoli.add(c.getStringCellValue()));
            Row lei = null;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if ((long) sheet.getRow(r).getCell(0).getNumericCellValue() == lavoratrice) {
                    lei = sheet.getRow(r);
                }
            }
            assertThat(lei).isNotNull();
            assertThat(lei.getCell(titoli.indexOf("Comune di lavoro")).getStringCellValue()).isEqualTo("Malnate");
            assertThat(lei.getCell(titoli.indexOf(ALLOGGI_SCELTI)).getCellType()).isEqualTo(CellType.STRING);
            assertThat(lei.getCell(titoli.indexOf(ALLOGGI_SCELTI)).getStringCellValue()).isEqualTo("1. "
                    + malnate.getCodiceUi() + " (Malnate, lavoro); 2. " + varese.getCodiceUi() + " (Varese, residenza)");
        }
    }

    private static JsonNode riga(JsonNode report, long domanda) {
        for (JsonNode riga : report.get("righe")) {
            if (riga.get(0).asLong() == domanda) {
                return riga;
            }
        }
        throw new AssertionError("domanda " + domanda + " assente dal report");
    }
}
