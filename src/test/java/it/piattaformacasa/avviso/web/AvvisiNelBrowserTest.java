package it.piattaformacasa.avviso.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.OrologioDiProva;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * Issue 12, the Avvisi area in a browser: the capofila predispone an avviso (a refused window first, the message
 * beside the field), sees its page with the timeline and the rules in force; ALER's operator adds an alloggio during
 * the selection window; Malnate sees only its own ente's selection and cannot predisporre.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AvvisiNelBrowserTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    JdbcTemplate jdbc;

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
    void ilCapofilaPredisponeLAvvisoLEnteInserisceUnAlloggioMalnateNo() {
        String titolo = "Avviso SAP nel browser " + UUID.randomUUID().toString().substring(0, 6);
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/avvisi");
        console.guarda("avvisi-elenco-iniziale", "Cerca per titolo, ambito o numero");
        console.clicca("Nuovo avviso");
        console.guarda("avviso-nuovo", "Il Comune capofila imposta la finestra");

        // a window that opens in two hours and lasts ten days: refused twice, beside each field
        ZonedDateTime presto = ZonedDateTime.now(ROMA).plusHours(2);
        console.trova(By.id("titolo")).sendKeys(titolo);
        imposta("aperturaData", "aperturaOra", presto);
        imposta("chiusuraData", "chiusuraOra", presto.plusDays(10));
        console.clicca("Predisponi l’avviso");
        console.guarda("avviso-nuovo-rifiutato", "l'apertura deve essere oltre 24 ore da adesso");
        assertThat(console.trova(By.id("aperturaData-errore")).getText())
                .contains("l'apertura deve essere oltre 24 ore da adesso: gli enti selezionano gli alloggi fino a 24 ore prima");
        assertThat(console.trova(By.id("chiusuraData-errore")).getText()).contains("almeno 30 giorni");
        assertThat(console.trova(By.id("aperturaData")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(console.trova(By.id("aperturaData")).getAttribute("aria-describedby")).isEqualTo("aperturaData-errore");
        assertThat(console.trova(By.id("riepilogo-errori")).getText()).contains("Il modulo contiene errori:");
        assertThat(console.trova(By.id("titolo")).getAttribute("value")).isEqualTo(titolo);

        // a valid window, opening at 8:00: predisposto, with the warning about the staffed hours
        ZonedDateTime apertura = ScenarioAvviso.lavorativo(6, 8).atZone(ROMA);
        imposta("aperturaData", "aperturaOra", apertura);
        imposta("chiusuraData", "chiusuraOra", ScenarioAvviso.lavorativo(45, 12).atZone(ROMA));
        console.clicca("Predisponi l’avviso");
        console.guarda("avviso-predisposto", "Avviso predisposto");
        String url = console.driver().getCurrentUrl();
        assertThat(url).matches(".*/avvisi/\\d+");
        String avviso = url.substring(url.lastIndexOf('/') + 1);
        assertThat(console.trova(By.id("avvertenze")).getText()).contains("L'apertura cade fuori dalla fascia lunedì-venerdì 9:00-16:00");
        assertThat(console.trova(By.tagName("h1")).getText()).isEqualTo(titolo);
        String tappe = console.trova(By.id("tappe")).getText();
        assertThat(tappe).contains("Predisposizione", "Fine della selezione degli alloggi", "In corso",
                "Apertura ai cittadini " + apertura.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 08:00");
        WebElement regole = console.trova(By.id("tabella-regole"));
        assertThat(regole.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
        assertThat(regole.getText()).contains("Versioni delle regole vincolate all’avviso", "pubblicata");
        scorri(By.id("regole"));
        console.foto("avviso-regole-in-vigore");
        // in the list, with its state in words and its dates in Rome time
        console.vai("/avvisi");
        console.guarda("avvisi-elenco", titolo);
        assertThat(console.trova(By.id("tabella-avvisi")).getText()).contains("Avvisi degli ambiti in cui lavori",
                "Selezione degli alloggi", apertura.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " 08:00");

        // ALER's operator, in the selection window, adds one of its free alloggi
        console.accedi(ALER_AVVISO, PASSWORD);
        console.vai("/avvisi/" + avviso);
        console.guarda("avviso-selezione", "Inserisci un alloggio di ALER");
        scorri(By.id("alloggi"));
        console.foto("avviso-selezione-alloggi");
        Select alloggio = new Select(console.trova(By.id("alloggioId")));
        alloggio.selectByIndex(1);
        String codice = alloggio.getFirstSelectedOption().getText().split(" – ")[0];
        new Select(console.trova(By.id("tipologia"))).selectByValue("ASSEGNABILE_ENTRO_CHIUSURA");
        console.trova(By.id("tipologiaRiscaldamento")).sendKeys("Centralizzato");
        console.trova(By.id("speseAnnueUtenze")).sendKeys("1.200,50");
        console.clicca("Inserisci nell’avviso");
        console.guarda("avviso-alloggio-inserito", "Alloggio " + codice + " inserito nell'avviso");
        assertThat(console.trova(By.id("alloggi")).getText()).contains("Alloggi in avviso di ALER", codice,
                "Assegnabile entro la chiusura dell’avviso", "Alloggi in avviso: 1");

        // Malnate: its own ente's selection only, no way to withdraw ALER's alloggio, no «Nuovo avviso»
        console.accedi(MALNATE, PASSWORD);
        console.vai("/avvisi/" + avviso);
        console.guarda("avviso-malnate", "Inserisci un alloggio di Comune di Malnate");
        assertThat(console.testo()).contains(codice).doesNotContain("Inserisci un alloggio di ALER");
        assertThat(console.driver().findElements(By.xpath("//button[normalize-space(.)='Ritira']"))).isEmpty();
        console.vai("/avvisi");
        assertThat(console.driver().findElements(By.linkText("Nuovo avviso"))).isEmpty();
        console.vai("/avvisi/nuovo");
        console.guarda("avviso-nuovo-negato", "Solo gli operatori del Comune capofila");
    }

    /**
     * Issue 17: past its chiusura, before the engine records it (a late timer), the supervisor sees the avviso closed,
     * the note that says the chiusura is being recorded, and no way yet to the graduatorie's generation.
     */
    @Test
    void dopoLaChiusuraIlSupervisoreVedeLAvvisoChiusoELaChiusuraDaRegistrare() {
        String titolo = "Avviso in chiusura " + UUID.randomUUID().toString().substring(0, 6);
        ScenarioAvviso scenario = new ScenarioAvviso(new ClientHttp(port), runtimeService, managementService, alloggi);
        long avviso = scenario.conTitolo(titolo).aperto(List.of(), List.of());
        java.time.Instant chiusura = jdbc.queryForObject("select chiusura from avviso where id = ?", java.sql.Timestamp.class, avviso)
                .toInstant();
        OrologioDiProva.fermaA(chiusura.plusSeconds(90));
        try {
            console.accedi(SUPERVISORE, PASSWORD);
            console.vai("/avvisi/" + avviso);
            console.guarda("avviso-chiusura-da-registrare", "il sistema sta registrando la chiusura");
            assertThat(console.trova(By.tagName("main")).getText()).contains("Chiuso")
                    .contains("L'avviso è chiuso alle domande dal " + chiusura.atZone(ROMA).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
            assertThat(console.driver().findElements(By.id("apri-generazioni"))).isEmpty();
            console.vai("/avvisi?stato=CHIUSO&testo=" + titolo.replace(' ', '+'));
            console.guarda("avvisi-elenco-chiusura-da-registrare", titolo);
        } finally {
            OrologioDiProva.ripristina();
            scenario.termina(avviso);
        }
    }

    /** Brings a section to the top of the window, for its screenshot. */
    private void scorri(By sezione) {
        console.driver().executeScript("arguments[0].scrollIntoView({behavior: 'instant', block: 'start'});", console.trova(sezione));
    }

    /** A date and a time as the person picks them in the browser's own controls. */
    private void imposta(String data, String ora, ZonedDateTime quando) {
        console.driver().executeScript("arguments[0].value = arguments[1]; arguments[2].value = arguments[3];",
                console.trova(By.id(data)), quando.toLocalDate().toString(), console.trova(By.id(ora)),
                quando.format(DateTimeFormatter.ofPattern("HH:mm")));
    }
}
