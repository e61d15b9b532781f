package it.piattaformacasa.cittadino.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.cittadino.CasellaDellaDemo;
import it.piattaformacasa.cittadino.CittadiniDiProva;
import it.piattaformacasa.cittadino.InvioNotifiche;
import it.piattaformacasa.config.ConsoleNelBrowser;
import it.piattaformacasa.operatori.OperatoriService;

/**
 * Issue 16 in a real Chromium on a phone (390×844): a citizen opens «I miei dati», types a wrong address, then theirs,
 * reads the code in the demo's mailbox, confirms it, and is told of their domanda; the administrator reads the same
 * message at «Posta della demo». Screenshots: target/browser/console-cittadino-dati-*.png, console-posta.png.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatiCittadinoNelBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OperatoriService operatori;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    CasellaDellaDemo casella;
    @Autowired
    InvioNotifiche invio;

    ConsoleNelBrowser console;
    CittadiniDiProva.Cittadino cittadino;
    long avviso;
    List<Alloggio> diVarese;

    @BeforeAll
    void apri() {
        ClientHttp http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("Avviso del telefono");
        diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1);
        avviso = scenario.aperto(diVarese, List.of(CAPOFILA));
        cittadino = CittadiniDiProva.nuovo(operatori);
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        console.close();
    }

    @Test
    void ilCittadinoConfermaLIndirizzoDalTelefonoEVieneAvvisato() {
        console.driver().manage().deleteAllCookies();
        console.driver().manage().window().setSize(new Dimension(390, 844));
        console.accedi(cittadino.username(), PASSWORD);
        console.vai("/cittadino/dati");
        console.guarda("cittadino-dati", "Non hai ancora un indirizzo confermato");

        console.scrivi(By.id("email"), "non-un-indirizzo");
        console.clicca("Invia il codice");
        console.guarda("cittadino-dati-errore", "l'indirizzo e-mail non è valido");
        assertThat(console.trova(By.id("email")).getAttribute("aria-describedby")).isEqualTo("email-errore");

        console.scrivi(By.id("email"), cittadino.email());
        console.clicca("Invia il codice");
        scorriAllEsito();
        console.guarda("cittadino-dati-codice", "Ti abbiamo inviato un codice di 6 cifre");
        String codice = CittadiniDiProva.codice(casella, cittadino.email());
        console.scrivi(By.id("codice"), codice);
        console.clicca("Conferma l'indirizzo");
        scorriAllEsito();
        console.guarda("cittadino-dati-confermato", "Indirizzo confermato");
        assertThat(console.testoDi(By.id("email-confermata"))).contains(cittadino.email());

        // the domanda filed at the sportello for them: the notice is in their data, and in the demo's mailbox
        ClientHttp.Risposta domanda = new ClientHttp(port).post("/api/avvisi/" + avviso + "/domande", CAPOFILA,
                DomandaDiProva.json(cittadino.codiceFiscale(), diVarese.get(0).getId()));
        assertThat(domanda.status()).as(domanda.body()).isEqualTo(201);
        long id = domanda.json().get("id").asLong();
        invio.inviaDovute();
        console.vai("/cittadino/dati");
        console.driver().executeScript("document.getElementById('domanda-" + id + "').scrollIntoView({behavior: 'instant', block: 'start'})");
        console.guarda("cittadino-dati-domanda", "Domanda n. " + id + " – Avviso del telefono");
        console.driver().executeScript("document.getElementById('titolo-notifiche').scrollIntoView({behavior: 'instant', block: 'start'})");
        console.guarda("cittadino-dati-messaggi", "Domanda n. " + id + " presentata");

        console.driver().manage().deleteAllCookies();
        console.driver().manage().window().setSize(new Dimension(1280, 900));
        console.accedi(ADMIN, PASSWORD);
        console.vai("/posta");
        console.guarda("posta", "Domanda n. " + id + " presentata");
        assertThat(console.testo()).contains(cittadino.email()).contains("/cittadino/domande/" + id);
    }

    /** The outcome's box, once the next page has it (the click's page may still be loading): at the top of the screen. */
    private void scorriAllEsito() {
        console.attesa().ignoring(org.openqa.selenium.JavascriptException.class).until(d -> Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("const e = document.getElementById('esito');"
                        + " if (!e) { return false; } e.scrollIntoView({behavior: 'instant', block: 'start'}); return true;")));
    }
}
