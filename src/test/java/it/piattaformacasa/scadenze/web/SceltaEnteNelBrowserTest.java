package it.piattaformacasa.scadenze.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * Issue 17, a region's scale on the person's side: whoever sees every ente (supervisors, administrators) chooses one
 * among many by typing part of its name — a list of ~1,500 «Comune di …» cannot be searched by its first letters. The
 * list stays in the page for the form and for browsers without JavaScript. Here 30 enti of the test's own, in the
 * Scadenze filter and in the Anagrafe's; removed at the end. Screenshots: target/browser/console-scelta-ente-*.png.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SceltaEnteNelBrowserTest {

    private static final String PREFISSO = "Cooperativa Scelta Prova ";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ConsoleNelBrowser console;
    List<Long> enti;

    @BeforeAll
    void molteEnti() {
        enti = new java.util.ArrayList<>();
        String base = Long.toString(System.nanoTime() % 10_000_000L);
        for (int n = 1; n <= 30; n++) {
            String codice = CodiceFiscale.conControllo(String.format("9%07d%02d", Long.parseLong(base), n));
            enti.add(jdbc.queryForObject("""
                    insert into ente_proprietario (tipo, codice_fiscale, ragione_sociale, comune_id)
                    select 'OPERATORE_PRIVATO', ?, ?, id from comune where codice_istat = '012133'
                    returning id""", Long.class, codice, PREFISSO + String.format("%02d", n)));
        }
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        console.close();
        jdbc.update("delete from ente_proprietario where id = any (?)", (Object) enti.toArray(Long[]::new));
    }

    @Test
    void ilSupervisoreScegliLEnteScrivendoneUnaParteELaSceltaResta() {
        console.accedi(SUPERVISORE, PASSWORD);
        console.vai("/scadenze");
        WebElement campo = console.trova(By.id("filtro-ente"));
        assertThat(campo.getTagName()).isEqualTo("input");
        assertThat(campo.getAttribute("role")).isEqualTo("combobox");
        campo.sendKeys("scelta prova 17");
        WebElement suggerimento = console.attesa().until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ul[@id='filtro-ente__listbox']/li[normalize-space(.)='" + PREFISSO + "17']")));
        assertThat(console.driver().findElements(By.cssSelector("#filtro-ente__listbox li"))).hasSize(1);
        console.foto("scelta-ente-suggerimenti");
        suggerimento.click();
        console.clicca("Filtra");

        long diciassette = enti.get(16);
        console.attesa().until(ExpectedConditions.urlContains("ente=" + diciassette));
        console.guarda("scelta-ente-scadenze", "Elenco delle scadenze");
        assertThat(console.trova(By.id("filtro-ente")).getAttribute("value")).isEqualTo(PREFISSO + "17");

        // emptied, the field means every ente again
        WebElement scelto = console.trova(By.id("filtro-ente"));
        scelto.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        console.clicca("Filtra");
        console.attesa().until(d -> !d.getCurrentUrl().contains("ente=" + diciassette));
        assertThat(console.driver().getCurrentUrl()).contains("ente=&").doesNotContain("ente=" + diciassette);
        // empty, it says what it means and how to search
        assertThat(console.trova(By.id("filtro-ente")).getAttribute("placeholder")).isEqualTo("Tutti — scrivi una parte del nome");
        console.guarda("scelta-ente-tutti", "Elenco delle scadenze");

        // a whole name typed in another case, without picking the suggestion, chooses it too
        console.trova(By.id("filtro-ente")).sendKeys(PREFISSO.toLowerCase() + "05");
        console.clicca("Filtra");
        console.attesa().until(ExpectedConditions.urlContains("ente=" + enti.get(4)));

        // where every choice is an ente (no «Tutti»), text that names none stops the form with the reason beside it:
        // nothing is sent for an ente the person did not choose
        console.vai("/riserve");
        String prima = console.driver().getCurrentUrl();
        WebElement riserve = console.trova(By.id("scelta-ente"));
        assertThat(riserve.getTagName()).isEqualTo("input");
        riserve.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        riserve.sendKeys("nessun ente così");
        console.clicca("Mostra");
        assertThat(console.testoDi(By.id("scelta-ente-cerca-errore")))
                .isEqualTo("Nessuna voce corrisponde a «nessun ente così»: scrivi una parte del nome e scegli tra i suggerimenti.");
        assertThat(console.driver().getCurrentUrl()).isEqualTo(prima);
        assertThat(riserve.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(riserve.getAttribute("aria-describedby")).contains("scelta-ente-cerca-errore");
        console.guarda("scelta-ente-riserve-errore", "Nessuna voce corrisponde");

        // the Anagrafe's list of alloggi: the same field, and the ente chosen there
        console.vai("/anagrafe/alloggi");
        WebElement anagrafe = console.trova(By.id("filtro-ente"));
        assertThat(anagrafe.getTagName()).isEqualTo("input");
        anagrafe.sendKeys("prova 03");
        console.attesa().until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//ul[@id='filtro-ente__listbox']/li[normalize-space(.)='" + PREFISSO + "03']"))).click();
        console.clicca("Filtra");
        console.attesa().until(ExpectedConditions.urlContains("ente=" + enti.get(2)));
        console.guarda("scelta-ente-anagrafe", "Alloggi");
        assertThat(console.trova(By.id("filtro-ente")).getAttribute("value")).isEqualTo(PREFISSO + "03");
    }

    @Test
    void conPochiEntiResTaLElenco() {
        // the Comune di Malnate's operator sees its own ente only: a list, as before
        console.accedi(MALNATE, PASSWORD);
        console.vai("/scadenze");
        assertThat(console.trova(By.id("filtro-ente")).getTagName()).isEqualTo("select");
        // the capofila's forms in the Anagrafe: the enti it keeps, a short list, as before
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/anagrafe/alloggi/nuovo");
        console.guarda("scelta-ente-modulo-alloggio", "Ente proprietario");
        assertThat(console.trova(By.id("scelta-ente-campo")).getTagName()).isEqualTo("select");
        console.vai("/anagrafe/alloggi");
        console.guarda("scelta-ente-anagrafe-operatore", "Alloggi");
        assertThat(console.trova(By.id("filtro-ente")).getTagName()).isEqualTo("select");
    }
}
