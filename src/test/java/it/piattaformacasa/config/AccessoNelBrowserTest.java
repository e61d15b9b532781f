package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.IntegrationTest;

/**
 * Issue 14 in a real browser: one login at the identity provider for Tasklist and the console, «Esci» from Tasklist
 * ending both, and a person without abilitazione told so instead of an empty inbox.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessoNelBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;

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
    void unSoloAccessoPerTasklistELaConsoleEUnaSolaUscita() {
        console.driver().manage().deleteAllCookies();
        console.vai("/camunda/app/tasklist/default/");
        console.guarda("accesso-da-tasklist", "un solo accesso vale per la console, Tasklist, Cockpit e Admin");
        assertThat(console.driver().getCurrentUrl()).endsWith("/accesso");
        console.accediAllaWebapp(CAPOFILA, PASSWORD);
        console.attesa().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-widget-header]"), "Avvia processo"));
        assertThat(console.driver().getCurrentUrl()).contains("/camunda/app/tasklist/default/");
        console.foto("accesso-tasklist-dopo");

        // the console: already logged in, as the same person
        console.vai("/");
        console.guarda("accesso-console-senza-nuovo-accesso", "Benvenuto, " + CAPOFILA);

        // «Esci» in Tasklist's menu: the platform's exit, which ends every session
        console.vai("/camunda/app/tasklist/default/");
        console.attesa().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-widget-header]"), "Avvia processo"));
        console.driver().executeScript("document.querySelector(\"[ng-click='logout()']\").click()");
        console.attesa().until(d -> d.getCurrentUrl().endsWith("/esci") || d.getCurrentUrl().endsWith("/accesso"));
        if (console.driver().getCurrentUrl().endsWith("/esci")) {
            console.guarda("esci-conferma", "Uscendo chiudi la sessione della console, di Tasklist, Cockpit e Admin");
            console.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
            console.guarda("esci-fatto", "Sei uscito dalla piattaforma.");
        }
        // nothing of the session is left: Tasklist asks for the login again, and so does the console
        console.vai("/camunda/app/tasklist/default/");
        console.attesa().until(d -> d.getCurrentUrl().endsWith("/accesso"));
        console.vai("/avvisi");
        console.attesa().until(d -> d.getCurrentUrl().endsWith("/accesso"));
    }

    @Test
    void chiNonEAbilitatoLeggeCosaFareNonUnaCasellaVuota() {
        String username = "nessuna.abilitazione." + System.nanoTime();
        User utente = identityService.newUser(username);
        utente.setFirstName("Anna");
        utente.setLastName("Senzaenti");
        utente.setPassword(PASSWORD);
        identityService.saveUser(utente);

        console.driver().manage().deleteAllCookies();
        console.vai("/camunda/app/tasklist/default/");
        console.accediAllaWebapp(username, PASSWORD);
        console.guarda("senza-abilitazione", "non risulti abilitato a operare per alcun ente");
        assertThat(console.driver().getCurrentUrl()).endsWith("/senza-abilitazione");
        assertThat(console.testo()).contains("richiesta di abilitazione", "Sei un cittadino?").doesNotContain("Scrivania", "Avvisi\n");
        console.vai("/avvisi");
        console.attesa().until(d -> d.getCurrentUrl().endsWith("/senza-abilitazione"));
    }
}
