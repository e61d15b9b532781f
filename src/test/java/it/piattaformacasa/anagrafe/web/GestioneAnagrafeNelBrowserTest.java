package it.piattaformacasa.anagrafe.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * Issue 13 in a browser: the Comune di Varese's operator opens an alloggio of its ente, «Modifica», changes the surface
 * and the state, saves, and reads the change in the «Storico delle modifiche»; a wrong surface first comes back beside
 * its field.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GestioneAnagrafeNelBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ConsoleNelBrowser console;
    long id;
    String codice;

    @BeforeAll
    void apri() {
        ClientHttp http = new ClientHttp(port);
        long varese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
        codice = "BRW" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        ClientHttp.Risposta creato = http.post("/api/alloggi", CAPOFILA, """
                {"enteId":%d,"codiceUi":"%s","codiceIstatComune":"012133","zonaLocalita":"Bobbiate","indirizzo":"Via del Browser 12",
                 "piano":3,"superficieUtile":58,"vani":3,"ascensore":false,"stato":"SFITTO_CARENZE_MANUTENTIVE"}""".formatted(varese, codice));
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        id = creato.json().get("id").asLong();
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        console.close();
    }

    @Test
    void lOperatoreModificaUnAlloggioELeggeLaModificaNelloStorico() {
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/anagrafe/alloggi/" + id);
        console.guarda("anagrafe-gestione-alloggio", "Storico delle modifiche");
        console.clicca("Modifica");
        console.guarda("anagrafe-gestione-modulo", "Modifica l'alloggio " + codice);

        console.scrivi(By.id("superficieUtile"), "settanta");
        console.clicca("Salva le modifiche");
        console.guarda("anagrafe-gestione-errore", "Superficie utile (m²): scrivere la superficie in m², ad esempio 62,50");
        assertThat(console.trova(By.id("superficieUtile")).getAttribute("aria-describedby")).isEqualTo("superficieUtile-errore");

        console.scrivi(By.id("superficieUtile"), "70,25");
        new Select(console.trova(By.id("stato"))).selectByVisibleText("Libero");
        console.clicca("Salva le modifiche");
        console.guarda("anagrafe-gestione-salvato", "Modifiche all'alloggio " + codice + " salvate.");
        assertThat(console.testoDi(By.id("dati-alloggio"))).contains("70,25");
        assertThat(console.testoDi(By.id("tabella-storico"))).contains("Modifica", CAPOFILA, "Superficie utile (m²): 58,00 → 70,25",
                "Stato dell'unità immobiliare: Sfitto per carenze manutentive → Libero", "Inserimento");
        assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, id)).isEqualTo("LIBERO");
    }
}
