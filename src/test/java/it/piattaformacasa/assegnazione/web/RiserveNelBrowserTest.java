package it.piattaformacasa.assegnazione.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * «Riserve dell'anno» in a browser: an operator of the Comune di Varese opens it from the menu, chooses the year, is
 * refused a quota beyond the law beside its field, then sets the reserves and reads the units they reserve and the
 * «Stato delle assegnazioni (articolo 14)».
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiserveNelBrowserTest {

    @LocalServerPort
    int port;

    ConsoleNelBrowser console;

    @BeforeAll
    void apri() {
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        console.close();
    }

    @Test
    void lOperatoreDelComuneImpostaLeRiserveDellAnnoELeggeQuelleCalcolate() {
        console.accedi(CAPOFILA, PASSWORD);
        console.trova(By.cssSelector("#menu-principale a[href='/riserve']")).click();
        console.guarda("riserve-anno-corrente", "Riserve dell'anno");
        assertThat(console.trova(By.cssSelector("#menu-principale a.active")).getText()).isEqualTo("Riserve");

        // a year no other test uses
        console.scrivi(By.id("scelta-anno"), "2044");
        console.clicca("Mostra");
        console.guarda("riserve-2044-vuote", "Nessuna riserva impostata per il 2044.");

        new Select(console.trova(By.id("comune"))).selectByVisibleText("Varese");
        console.scrivi(By.id("alloggiDisponibili"), "37");
        console.scrivi(By.id("sogliaIndigentiComune"), "");
        console.scrivi(By.id("percentualeCategorie"), "25");
        console.clicca("Imposta le riserve");
        console.guarda("riserve-rifiutate", "Quota per le categorie dell'art. 14: deve essere tra 0 e 20 %");
        assertThat(console.trova(By.id("percentualeCategorie")).getAttribute("aria-describedby")).isEqualTo("percentualeCategorie-errore");
        assertThat(console.trova(By.id("alloggiDisponibili")).getAttribute("value")).isEqualTo("37");

        // 37 units: 20 % → 7,4 → 8 indigenti; 12,5 % → 4,625 → 5 (from 0,5 up); 10 % → 3,7 → 4 (up)
        console.scrivi(By.id("percentualeCategorie"), "12,5");
        spunta("categoria-ANZIANI");
        spunta("categoria-DISABILI");
        console.scrivi(By.id("percentualeForzePolizia"), "10");
        console.clicca("Imposta le riserve");
        console.guarda("riserve-impostate", "Alloggi riservati: 8 agli indigenti, 5 alle categorie dell'art. 14, "
                + "4 a Forze di Polizia, VVF e Forze Armate, 0 alla Polizia Locale.");
        assertThat(console.testoDi(By.id("tabella-riserve"))).contains("Varese", "37", "12,5 %", "Anziani", "Disabili", "al 20 %");
        assertThat(console.testoDi(By.id("tabella-stato"))).contains("Indigenti (art. 13 co. 3)", "di cui Anziani", "di cui Disabili");
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})",
                console.trova(By.id("stato-assegnazioni")));
        console.foto("riserve-stato-assegnazioni");
    }

    /** A Bootstrap Italia checkbox: its label draws the box, brought into view before the click. */
    private void spunta(String id) {
        WebElement etichetta = console.trova(By.cssSelector("label[for=" + id + "]"));
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", etichetta);
        console.attesa().until(ExpectedConditions.elementToBeClickable(etichetta)).click();
    }
}
