package it.piattaformacasa.operatori.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * Issue 14 in a browser: the Comune di Varese's referente opens «Abilitazioni», sends seed 002's model with a row of
 * another ente and reads the refused row with its column and reason; nothing goes to the Region.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbilitazioniNelBrowserTest {

    @LocalServerPort
    int port;

    ConsoleNelBrowser console;
    Path file;

    @BeforeAll
    void apri() throws IOException {
        file = Files.createTempFile("abilitazioni", ".xlsx");
        try (XSSFWorkbook libro = new XSSFWorkbook()) {
            Sheet foglio = libro.createSheet("Abilitazione utenti");
            List<List<String>> righe = List.of(List.of("Ragione sociale ente proprietario", "Nome operatore", "Cognome operatore",
                    "Codice fiscale operatore", "Indirizzo posta elettronica individuale dell'operatore",
                    "Recapito telefonico dell'operatore", "(1) Abilitazione per la Gestione dell'Avviso (SI/NO)",
                    "(2) Abilitazione per l'Istruttoria delle Domande (SI/NO)"),
                    List.of("ALER Varese", "Sergio", "Altrove", "RSSMRA61E03L682Z", "sergio@aler.it", "", "SI", "NO"));
            for (int r = 0; r < righe.size(); r++) {
                Row row = foglio.createRow(r);
                for (int c = 0; c < righe.get(r).size(); c++) {
                    row.createCell(c).setCellValue(righe.get(r).get(c));
                }
            }
            try (var out = Files.newOutputStream(file)) {
                libro.write(out);
            }
        }
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() throws IOException {
        console.close();
        Files.deleteIfExists(file);
    }

    @Test
    void ilReferenteInviaIlModelloELeggeLaRigaRifiutata() {
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/abilitazioni");
        console.guarda("abilitazioni", "Abilitazioni degli operatori");
        console.trova(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        console.clicca("Verifica e invia");
        console.guarda("abilitazioni-rifiutata", "nessuna delega o avvalimento");
        assertThat(console.testoDi(By.id("stato"))).contains("Non inviata");
        assertThat(console.testoDi(By.id("scarti"))).contains("Ragione sociale ente proprietario", "ALER Varese");
        assertThat(console.testoDi(By.id("righe"))).contains("Sergio Altrove");
    }
}
