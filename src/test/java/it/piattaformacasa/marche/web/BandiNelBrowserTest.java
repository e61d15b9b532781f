package it.piattaformacasa.marche.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * Issue 15 in a browser: the operator of the Comune di Ancona (Marche profile) opens «Bandi» from the menu, inserts a
 * «Nuovo bando», opens its «Condizioni», copies the Region's model, gives band «b» of the ISEE condition 4,5 points
 * instead of 3,5 and saves: version 2 of the grid, the bando's page listing both versions.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BandiNelBrowserTest {

    @LocalServerPort
    int port;

    ConsoleNelBrowser console;
    String numero;

    @BeforeAll
    void apri() {
        numero = "B" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void lOperatoreDiAnconaDefinisceIlBandoCopiandoIlModelloECambiandoUnaFascia() {
        console.accedi(ANCONA, PASSWORD);
        console.trova(By.cssSelector("#menu-principale a[href='/marche/bandi']")).click();
        console.guarda("marche-bandi", "I bandi di concorso del Comune");

        console.clicca("Nuovo bando");
        console.guarda("marche-nuovo-bando", "Nuovo bando");
        assertThat(console.testo()).contains("Ente: Comune di Ancona");
        console.scrivi(By.id("numero"), numero);
        console.scrivi(By.id("dataPubblicazione"), "01/02/2041");
        console.scrivi(By.id("dataScadenza"), "31/03/2041");
        console.scrivi(By.id("dataScadenzaEstero"), "15/04/2041");
        console.clicca("OK");
        console.guarda("marche-bando-inserito", "Bando n. " + numero + " del 01/02/2041 inserito");

        console.trova(By.id("vai-condizioni")).click();
        console.guarda("marche-condizioni-vuote", "Le condizioni del bando sono contenitori vuoti");
        console.clicca("Copia da modello");
        console.guarda("marche-condizioni-copiate", "Condizioni copiate dal modello della Regione (versione 1)");
        assertThat(console.trova(By.id("c0-f1-testo")).getAttribute("value"))
                .isEqualTo("Fino all'importo di un assegno sociale e mezzo (7.713,87)");
        assertThat(console.trova(By.id("c0-f1-punti")).getAttribute("value")).isEqualTo("3,5");
        assertThat(console.trova(By.id("c0-f1-finoA")).getAttribute("value")).isEqualTo("7713,87");

        console.scrivi(By.id("c0-f1-punti"), "4,5");
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                console.trova(By.id("c0-f1-punti")));
        console.foto("marche-condizioni-fascia-cambiata");
        console.clicca("Salva");
        console.guarda("marche-condizioni-salvate", "Condizioni del bando salvate: versione 2.");
        assertThat(console.trova(By.id("c0-f1-punti")).getAttribute("value")).isEqualTo("4,5");
        assertThat(console.testoDi(By.id("versione-corrente"))).contains("2");

        console.trova(By.cssSelector(".breadcrumb a[href^='/marche/bandi/']")).click();
        console.guarda("marche-bando-versioni", "Versioni delle condizioni");
        assertThat(console.testoDi(By.id("tabella-versioni"))).contains("Copia da modello", "Salva", ANCONA);
        long id = Long.parseLong(console.driver().getCurrentUrl().replaceAll(".*/marche/bandi/(\\d+).*", "$1"));
        assertThat(new ClientHttp(port).get("/api/marche/bandi/" + id + "/condizioni", ANCONA).json()
                .get("condizioni").get(0).get("fasce").get(1).get("punti").decimalValue()).isEqualByComparingTo("4.5");
    }
}
