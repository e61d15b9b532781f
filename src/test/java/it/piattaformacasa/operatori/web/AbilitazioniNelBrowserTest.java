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
import it.piattaformacasa.ClientHttp;
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
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

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

    /** The regional validator refuses a request in the console, with its reason; the ente reads the outcome. */
    @Test
    void ilValidatoreRespingeUnaRichiestaConIlMotivo() {
        ClientHttp http = new ClientHttp(port);
        String cf = ModelloDiProva.nuovoCodiceFiscale();
        long varese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
        ClientHttp.Risposta inviata = http.post("/api/enti/" + varese + "/abilitazioni", CAPOFILA, "{\"tipo\":\"ABILITAZIONE\",\"righe\":[{\"ragioneSociale\":\"Comune di Varese\","
                        + "\"nome\":\"Ada\",\"cognome\":\"Respinta\",\"codiceFiscale\":\"" + cf + "\",\"email\":\"ada@comune.varese.it\","
                        + "\"telefono\":\"\",\"gestioneAvviso\":\"SI\",\"istruttoriaDomande\":\"NO\"}]}");
        assertThat(inviata.status()).as(inviata.body()).isEqualTo(201);
        long id = inviata.json().get("id").asLong();

        console.driver().manage().deleteAllCookies();
        console.accedi(VALIDATORE, PASSWORD);
        console.vai("/abilitazioni/" + id);
        console.guarda("abilitazioni-decisione", "Decisione della Regione");
        console.trova(By.cssSelector("label[for='esito-respinta']")).click();
        console.clicca("Registra la decisione");
        console.guarda("abilitazioni-decisione-senza-motivo", "il motivo è obbligatorio per respingere");
        console.scrivi(By.id("motivo"), "Il modello non è firmato dal referente dell'ente");
        console.trova(By.cssSelector("label[for='esito-respinta']")).click();
        console.clicca("Registra la decisione");
        console.guarda("abilitazioni-respinta", "Il modello non è firmato dal referente dell'ente");
        assertThat(console.testoDi(By.id("stato"))).contains("Respinta");
    }
}
