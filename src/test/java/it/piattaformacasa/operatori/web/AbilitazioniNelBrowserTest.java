package it.piattaformacasa.operatori.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.config.ConsoleNelBrowser;
import it.piattaformacasa.operatori.ModelloDiProva;

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
        Files.write(file, ModelloDiProva.xlsx(List.of(
                List.of("ALER Varese", "Sergio", "Altrove", "RSSMRA61E03L682Z", "sergio@aler.it", "", "SI", "NO"))));
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
        assertThat(console.testoDi(By.id("stato"))).contains("Non inviata: un motivo di rifiuto nelle righe.");
        assertThat(console.testoDi(By.id("scarti"))).contains("Ragione sociale ente proprietario", "ALER Varese");
        assertThat(console.testoDi(By.id("righe"))).contains("Sergio Altrove");
    }
}
