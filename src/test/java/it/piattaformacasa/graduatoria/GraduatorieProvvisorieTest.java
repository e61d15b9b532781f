package it.piattaformacasa.graduatoria;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
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
import it.piattaformacasa.SceltaAttesa;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.avviso.process.AvvisoBpmn;

/**
 * Four single-person domande on one avviso, closed by its timers: the graduatorie per ente and comune, their order,
 * flags and alloggi, the run record, and who may read them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraduatorieProvvisorieTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    GraduatoriaService graduatorie;
    @Autowired
    JdbcTemplate jdbc;
    ClientHttp http;
    long avviso;
    Alloggio alerVareseA;
    Alloggio alerVareseB;
    Alloggio alerGazzada;
    Alloggio comuneVarese;
    Map<String, Long> domande = new java.util.HashMap<>();

    @BeforeAll
    void avvisoChiusoConQuattroDomande() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        List<Alloggio> aler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 3);
        alerVareseA = aler.get(0);
        alerVareseB = aler.get(1);
        alerGazzada = aler.get(2);
        comuneVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        assertThat(alerGazzada.getComune().getNome()).isEqualTo("Gazzada Schianno");
        avviso = scenario.aperto(List.of(alerVareseA, alerVareseB, alerGazzada, comuneVarese),
                List.of(ALER_AVVISO, ALER_AVVISO, ALER_AVVISO, CAPOFILA));

        // indigent (ISEE 2.500 with the attestation), resident in Varese for long: first, with priority in Varese
        presenta("rota", "RTOMRC80A15L682D", "1980-01-15", "2500.00", true, "2000-01-01", "2005-01-01",
                "\"alloggioImproprio\":true", alerVareseA, comuneVarese);
        // villa and riva differ only in how long they live in the comune (both over 10 years): same ISBAR, art. 12 a)
        presenta("villa", "VLLNNA75L47L682O", "1975-07-07", "8000.00", false, "2001-01-01", "2008-01-01",
                "\"coabitazione\":true", alerVareseA);
        // riva works in Gazzada Schianno: she may choose there as well as in Varese (art. 9 co. 1)
        presenta("riva", "RVIPLA82C03L682J", "1982-03-03", "8000.00", false, "2001-01-01", "2012-01-01",
                "\"coabitazione\":true", alerGazzada, alerVareseA);
        // a newly formed family (art. 14 category: «Riserva» under the second step), recent residence
        presenta("greco", "GRCLSE95R50L682N", "1995-10-10", "15000.00", false, "2020-01-01", "2021-01-01",
                "\"famigliaNuovaFormazione\":true", alerVareseB);

        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avviso, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
    }

    private void presenta(String chi, String cf, String nascita, String isee, boolean attestazione, String lombardiaDal,
                          String comuneDal, String condizione, Alloggio... scelti) {
        StringBuilder alloggiScelti = new StringBuilder();
        for (Alloggio a : scelti) {
            alloggiScelti.append(alloggiScelti.isEmpty() ? "" : ",").append(a.getId());
        }
        String body = "{\"nucleo\":[{\"codiceFiscale\":\"" + cf + "\",\"nome\":\"N\",\"cognome\":\"" + chi
                + "\",\"dataNascita\":\"" + nascita + "\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}],"
                + "\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"" + lombardiaDal
                + "\",\"residenteComuneDal\":\"" + comuneDal + "\"},"
                + (chi.equals("riva") ? "\"lavoro\":{\"codiceIstatComune\":\"012073\"}," : "")
                + "\"isee\":{\"valore\":" + isee + ",\"protocolloDsu\":\"INPS-ISEE-2026-" + chi + "\",\"dataDsu\":\"2026-01-20\"},"
                + "\"patrimonio\":5000,\"titolareAlloggioAdeguato\":false,\"attestazioneServiziSociali\":" + attestazione + ","
                + "\"condizioni\":{" + condizione + "},\"alloggi\":[" + alloggiScelti + "]}";
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        domande.put(chi, risposta.json().get("id").asLong());
    }

    private JsonNode graduatoria(String utente, String ente, String comune) {
        JsonNode elenco = http.get("/api/avvisi/" + avviso + "/graduatorie", SUPERVISORE).json();
        for (JsonNode g : elenco) {
            if (g.get("ente").asText().startsWith(ente) && g.get("comune").asText().equals(comune)) {
                ClientHttp.Risposta risposta = http.get("/api/graduatorie/" + g.get("id").asLong(), utente);
                assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
                return risposta.json();
            }
        }
        throw new AssertionError("graduatoria " + ente + " / " + comune + " assente in " + elenco);
    }

    private List<Long> ordine(JsonNode graduatoria) {
        List<Long> ids = new ArrayList<>();
        graduatoria.get("righe").forEach(r -> ids.add(r.get("domandaId").asLong()));
        return ids;
    }

    @Test
    void unaGraduatoriaPerEnteEComuneConLeDomandeCheViHannoSceltoAlloggi() {
        JsonNode elenco = http.get("/api/avvisi/" + avviso + "/graduatorie", SUPERVISORE).json();
        assertThat(elenco).hasSize(3);
        assertThat(elenco.findValuesAsText("stato")).containsOnly("PROVVISORIA");
        assertThat(ordine(graduatoria(ALER_AVVISO, "ALER", "Varese")))
                .containsExactly(domande.get("rota"), domande.get("villa"), domande.get("riva"), domande.get("greco"));
        assertThat(ordine(graduatoria(ALER_AVVISO, "ALER", "Gazzada Schianno"))).containsExactly(domande.get("riva"));
        assertThat(ordine(graduatoria(CAPOFILA, "Comune di Varese", "Varese"))).containsExactly(domande.get("rota"));
    }

    @Test
    void leColonneRiportanoIsbarPrioritaRiservaParimeritoEAlloggiDellEnte() {
        JsonNode righe = graduatoria(ALER_ISTRUTTORIA, "ALER", "Varese").get("righe");
        JsonNode rota = righe.get(0);
        JsonNode villa = righe.get(1);
        JsonNode riva = righe.get(2);
        JsonNode greco = righe.get(3);
        assertThat(rota.get("indigente").asBoolean()).isTrue();
        assertThat(rota.get("priorita").asBoolean()).as("indigent and resident in the comune").isTrue();
        assertThat(villa.get("isbar").decimalValue()).isEqualByComparingTo(riva.get("isbar").decimalValue());
        assertThat(villa.get("parimerito").asBoolean()).isTrue();
        assertThat(riva.get("parimerito").asBoolean()).isTrue();
        assertThat(rota.get("parimerito").asBoolean()).isFalse();
        assertThat(greco.get("riserva").asBoolean()).as("famiglia di nuova formazione, second step").isTrue();
        assertThat(villa.get("riserva").asBoolean()).isFalse();
        // riva chose Gazzada first and Varese second: this graduatoria lists only ALER's unit in Varese
        assertThat(riva.get("alloggi").asText()).isEqualTo("[" + alerVareseA.getId() + "]");
        assertThat(rota.get("alloggi").asText()).isEqualTo("[" + alerVareseA.getId() + "]");
        // ... as her second choice, allowed because she lives in Varese (art. 9), which the istruttoria checks
        assertThat(riva.get("scelte")).singleElement()
                .satisfies(s -> SceltaAttesa.verifica(s, 2, alerVareseA, "Varese", "012133", "RESIDENZA", "comune di residenza"));
        assertThat(graduatoria(ALER_ISTRUTTORIA, "ALER", "Gazzada Schianno").get("righe").get(0).get("scelte"))
                .as("her first choice, where she works").singleElement()
                .satisfies(s -> SceltaAttesa.verifica(s, 1, alerGazzada, "Gazzada Schianno", "012073", "LAVORO", "comune di lavoro"));
        assertThat(graduatoria(CAPOFILA, "Comune di Varese", "Varese").get("righe").get(0).get("scelte"))
                .as("rota's second choice, the Comune's unit: ALER's is not in this graduatoria").singleElement()
                .satisfies(s -> SceltaAttesa.verifica(s, 2, comuneVarese, "Varese", "012133", "RESIDENZA", "comune di residenza"));
        assertThat(rota.get("isbar").decimalValue()).isGreaterThan(villa.get("isbar").decimalValue());
        assertThat(greco.get("isbar").decimalValue()).isLessThan(riva.get("isbar").decimalValue());
    }

    @Test
    void ogniGenerazioneLasciaUnRegistroConIDigestERigenerareNonCambiaNulla() {
        Map<String, Object> registro = jdbc.queryForMap(
                "select * from generazione_graduatorie where avviso_id = ?", avviso);
        assertThat(registro.get("numero_domande")).isEqualTo(4);
        assertThat(registro.get("numero_graduatorie")).isEqualTo(3);
        assertThat(registro.get("versione_regole")).isEqualTo("LOMBARDIA_2025_SECONDO_STEP");
        assertThat(registro.get("criterio_finale")).isEqualTo("PRESENTAZIONE_PRECEDENTE");
        assertThat((String) registro.get("digest_input")).matches("[0-9a-f]{64}");
        assertThat((String) registro.get("digest_risultato")).matches("[0-9a-f]{64}");
        Integer righePrima = jdbc.queryForObject("select count(*) from graduatoria_riga r join graduatoria g on g.id = r.graduatoria_id "
                + "where g.avviso_id = ?", Integer.class, avviso);

        assertThat(graduatorie.generaProvvisorie(avviso)).isEmpty();

        assertThat(jdbc.queryForObject("select count(*) from graduatoria_riga r join graduatoria g on g.id = r.graduatoria_id "
                + "where g.avviso_id = ?", Integer.class, avviso)).isEqualTo(righePrima).isEqualTo(6);
        assertThat(jdbc.queryForObject("select count(*) from generazione_graduatorie where avviso_id = ?", Integer.class, avviso))
                .isEqualTo(1);
    }

    @Test
    void unOperatoreDiUnAltroEnteNonPuoLeggereLaGraduatoria() {
        JsonNode elencoCapofila = http.get("/api/avvisi/" + avviso + "/graduatorie", CAPOFILA).json();
        assertThat(elencoCapofila.findValuesAsText("ente")).containsOnly("Comune di Varese");
        long diAler = graduatoria(ALER_AVVISO, "ALER", "Varese").get("graduatoria").get("id").asLong();
        ClientHttp.Risposta negata = http.get("/api/graduatorie/" + diAler, CAPOFILA);
        assertThat(negata.status()).isEqualTo(403);
        assertThat(negata.json().get("detail").asText()).contains("ALER");
    }

    @Test
    void laGraduatoriaSiScaricaInExcelNelFormatoDellaPiattaformaEInCsv() throws Exception {
        long id = graduatoria(ALER_AVVISO, "ALER", "Varese").get("graduatoria").get("id").asLong();
        java.net.http.HttpResponse<byte[]> xlsx = java.net.http.HttpClient.newHttpClient().send(
                http.richiesta("/api/graduatorie/" + id + "/esportazione?formato=xlsx", ALER_AVVISO).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains(".xlsx"));
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook =
                     new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).startsWith("ALER Varese");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(Long.toString(avviso));
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Varese");
            org.apache.poi.ss.usermodel.Row titoli = sheet.getRow(5);
            List<String> intestazioni = new ArrayList<>();
            titoli.forEach(c -> intestazioni.add(c.getStringCellValue()));
            assertThat(intestazioni).startsWith("POSIZIONE", "ID DOMANDA", "PUNTEGGIO ISBAR", "ALLOGGIO 1")
                    .contains("RISERVA", "PARIMERITO", "PERIODO DI RESIDENZA SUL TERRITORIO COMUNALE");
            org.apache.poi.ss.usermodel.Row prima = sheet.getRow(6);
            JsonNode righe = graduatoria(ALER_AVVISO, "ALER", "Varese").get("righe");
            assertThat((long) prima.getCell(1).getNumericCellValue()).isEqualTo(domande.get("rota"));
            assertThat(BigDecimal.valueOf(prima.getCell(2).getNumericCellValue()))
                    .isEqualByComparingTo(righe.get(0).get("isbar").decimalValue());
            assertThat(prima.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.000");
            assertThat((long) prima.getCell(3).getNumericCellValue()).isEqualTo(alerVareseA.getId());
            assertThat(prima.getCell(intestazioni.indexOf("CONDIZIONE DI INDIGENZA")).getStringCellValue()).isEqualTo("SI");
            assertThat(prima.getCell(intestazioni.indexOf("PERIODO DI RESIDENZA SUL TERRITORIO COMUNALE")).getStringCellValue())
                    .isEqualTo("10 anni +");
            assertThat(sheet.getRow(9).getCell(intestazioni.indexOf("RISERVA")).getStringCellValue()).isEqualTo("X");
            assertThat(sheet.getLastRowNum()).isEqualTo(9);
            // after the seed's columns: the same alloggi with the domanda's own preference, comune and art. 9 title
            assertThat(intestazioni).last().isEqualTo("ALLOGGI SCELTI (PREFERENZA, COMUNE, TITOLO ART. 9)");
            assertThat(prima.getCell(intestazioni.size() - 1).getStringCellValue())
                    .isEqualTo("1. " + alerVareseA.getCodiceUi() + " (Varese, residenza)");
            assertThat(sheet.getRow(8).getCell(0).getNumericCellValue()).isEqualTo(3);
            assertThat(sheet.getRow(8).getCell(intestazioni.size() - 1).getStringCellValue())
                    .as("riva's second choice").isEqualTo("2. " + alerVareseA.getCodiceUi() + " (Varese, residenza)");
        }

        ClientHttp.Risposta csv = http.get("/api/graduatorie/" + id + "/esportazione?formato=csv", ALER_AVVISO);
        assertThat(csv.status()).isEqualTo(200);
        List<String> linee = csv.body().lines().toList();
        assertThat(linee.get(5)).startsWith("POSIZIONE;ID DOMANDA;PUNTEGGIO ISBAR;ALLOGGIO 1");
        assertThat(linee.get(6)).startsWith("1;" + domande.get("rota") + ";").matches("1;\\d+;\\d+,\\d{3};.*");
        assertThat(linee.get(5)).endsWith(";ALLOGGI SCELTI (PREFERENZA, COMUNE, TITOLO ART. 9)");
        assertThat(linee.get(8)).startsWith("3;" + domande.get("riva") + ";")
                .endsWith(";2. " + alerVareseA.getCodiceUi() + " (Varese, residenza)");
        assertThat(http.get("/api/graduatorie/" + id + "/esportazione?formato=csv", CAPOFILA).status()).isEqualTo(403);
        assertThat(http.get("/api/graduatorie/" + id + "/esportazione?formato=pdf", ALER_AVVISO).status()).isEqualTo(400);
    }

    @Test
    void lElencoDelleDomandeMostraAOgniEnteQuelleCheLoRiguardanoEFiltraPerId() {
        JsonNode perAler = http.get("/api/avvisi/" + avviso + "/domande", ALER_ISTRUTTORIA).json();
        assertThat(perAler.findValuesAsText("id")).containsExactly(domande.get("rota").toString(), domande.get("villa").toString(),
                domande.get("riva").toString(), domande.get("greco").toString());
        JsonNode perComune = http.get("/api/avvisi/" + avviso + "/domande", VARESE_ISTRUTTORIA).json();
        assertThat(perComune.findValuesAsText("id")).containsExactly(domande.get("rota").toString());
        assertThat(http.get("/api/avvisi/" + avviso + "/domande", MALNATE).json()).isEmpty();
        JsonNode perId = http.get("/api/avvisi/" + avviso + "/domande?id=" + domande.get("riva"), ALER_AVVISO).json();
        assertThat(perId).hasSize(1);
        assertThat(perId.get(0).get("richiedente").asText()).isEqualTo("RVIPLA82C03L682J");
        // every choice in order, with its comune and why it was allowed, next to where she lives and works (art. 9)
        assertThat(perId.get(0).get("comuneResidenza").asText()).isEqualTo("Varese");
        assertThat(perId.get(0).get("comuneLavoro").asText()).isEqualTo("Gazzada Schianno");
        assertThat(perId.get(0).get("scelte")).satisfiesExactly(
                s -> SceltaAttesa.verifica(s, 1, alerGazzada, "Gazzada Schianno", "012073", "LAVORO", "comune di lavoro"),
                s -> SceltaAttesa.verifica(s, 2, alerVareseA, "Varese", "012133", "RESIDENZA", "comune di residenza"));
        assertThat(perAler.get(0).get("comuneLavoro").isNull()).as("rota declared no work").isTrue();
        assertThat(perAler.get(0).get("scelte")).as("ALER's operators see the choices at other enti too")
                .extracting(s -> s.get("alloggioId").asLong()).containsExactly(alerVareseA.getId(), comuneVarese.getId());
        assertThat(http.get("/api/avvisi/" + avviso + "/domande?id=" + domande.get("riva"), VARESE_ISTRUTTORIA).json()).isEmpty();
    }

    @Test
    void ilPunteggioInGraduatoriaEQuelloDellaDomanda() {
        JsonNode domanda = http.get("/api/domande/" + domande.get("villa"), SUPERVISORE).json();
        JsonNode riga = graduatoria(SUPERVISORE, "ALER", "Varese").get("righe").get(1);
        assertThat(riga.get("domandaId").asLong()).isEqualTo(domande.get("villa"));
        assertThat(riga.get("isbar").decimalValue()).isEqualByComparingTo(domanda.get("isbar").decimalValue());
        assertThat(riga.get("puntiFamiliare").decimalValue()).isEqualByComparingTo(domanda.get("componenti").get("familiare").decimalValue());
        assertThat(riga.get("isbar").decimalValue()).isGreaterThan(BigDecimal.ZERO);
    }
}
