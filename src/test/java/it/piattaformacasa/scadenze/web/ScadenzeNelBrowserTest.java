package it.piattaformacasa.scadenze.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * Issue 12, the supervisor's walk: the overdue deadline comes first with its semaforo in words, «Apri l'attività»
 * leads to its task in Tasklist; an operator of the Comune di Malnate sees its own ente's deadlines only. Screenshots:
 * target/browser/console-scadenze-supervisore.png, console-scadenze-figure.png, console-scadenze-tasklist.png,
 * console-scadenze-operatore.png.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScadenzeNelBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    AlloggioRepository alloggi;

    ConsoleNelBrowser console;
    ScadenzeDiProva.Avviso avviso;

    @BeforeAll
    void apri() {
        ClientHttp http = new ClientHttp(port);
        avviso = new ScadenzeDiProva(http, runtimeService, managementService, taskService, alloggi)
                .avviso("Avviso SAP 2027 – scadenze", ScadenzeDiProva.dueGiorniFaAMezzogiorno());
        // ALER confirms its selection in time: the year's share of deadlines met has something to show
        String aler = avviso.diAler().getId();
        assertThat(http.post("/engine-rest/task/" + aler + "/claim", ALER_AVVISO, "{\"userId\":\"" + ALER_AVVISO + "\"}").status())
                .isEqualTo(204);
        assertThat(http.post("/engine-rest/task/" + aler + "/complete", ALER_AVVISO,
                "{\"variables\":{\"selezioneCompletata\":{\"value\":true,\"type\":\"Boolean\"}}}").status()).isEqualTo(204);
        // Malnate's falls due in a few hours: the first of its ente's list, whatever other tests left due on the
        // same working day
        Task diMalnate = avviso.diMalnate();
        diMalnate.setDueDate(Date.from(Instant.now().plus(Duration.ofHours(20))));
        taskService.saveTask(diMalnate);
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        console.close();
    }

    @Test
    void ilSupervisoreApreLaScadenzaScadutaEArrivaAllaSuaAttivitaInTasklist() {
        console.accedi(SUPERVISORE, PASSWORD);
        console.vai("/");
        console.clicca("Apri Scadenze");
        console.guarda("scadenze-supervisore", "Scaduta da 2 giorni");
        assertThat(console.driver().getTitle()).isEqualTo("Scadenze di legge – Piattaforma Casa");

        List<WebElement> righe = console.driver().findElements(By.cssSelector("table.scadenze tbody tr"));
        assertThat(righe).isNotEmpty();
        assertThat(righe.get(0).getAttribute("data-stato")).as("overdue first").isEqualTo("SCADUTA");
        WebElement questa = righe.stream().filter(r -> r.getText().contains(avviso.titolo())).findFirst()
                .orElseThrow(() -> new AssertionError("«" + avviso.titolo() + "» not in the list"));
        assertThat(questa.getAttribute("data-stato")).isEqualTo("SCADUTA");
        assertThat(questa.findElement(By.cssSelector(".badge.semaforo")).getText()).isEqualTo("Scaduta da 2 giorni");
        assertThat(questa.getText()).contains("Selezione degli alloggi per l'avviso", "Comune di Varese", "Non presa in carico",
                "Comune di Varese – Gestione avviso");
        // the pictures are there, with their words for who does not see them
        assertThat(console.driver().findElement(By.cssSelector("svg[aria-labelledby='svg-settimane-titolo svg-settimane-descrizione']"))
                .getAttribute("role")).isEqualTo("img");
        // instant: the theme scrolls smoothly, and the picture would be taken half-way
        console.driver().executeScript("document.getElementById('titolo-settimane').scrollIntoView({behavior: 'instant'})");
        console.guarda("scadenze-figure", "Scadenze nelle prossime 8 settimane");
        assertThat(console.driver().findElement(By.cssSelector("svg[aria-labelledby='svg-puntualita-titolo svg-puntualita-descrizione']"))
                .getText()).contains("ALER Varese - Como - Monza Brianza - Busto Arsizio", " su ");

        // the page does not scroll sideways (WCAG 1.4.10): the pictures scale with their column, the tables for screen
        // readers are clipped by their wrapper
        Object laterale = console.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) laterale).intValue()).as("sideways scrolling, in pixels").isLessThanOrEqualTo(0);

        WebElement apri = questa.findElement(By.linkText("Apri l'attività"));
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", apri);
        // by script: in a long list the row may be redrawn under the pointer while it scrolls
        console.driver().executeScript("arguments[0].click()", apri);
        // Tasklist has its own login; the address keeps the task
        console.attesa().until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/default/"));
        assertThat(console.driver().getCurrentUrl()).endsWith("#/?task=" + avviso.diVarese().getId());
        console.accediAllaWebapp(SUPERVISORE, PASSWORD);
        // the task's own view: its full name («Seleziona alloggi per l'avviso – Comune di Varese, Varese – …») and form
        console.attesa().until(d -> d.findElement(By.tagName("body")).getText().contains(avviso.diVarese().getName()));
        assertThat(avviso.diVarese().getName()).startsWith("Seleziona alloggi per l'avviso – Comune di Varese");
        console.foto("scadenze-tasklist");
        assertThat(console.driver().getCurrentUrl()).contains("task=" + avviso.diVarese().getId());
    }

    @Test
    void lOperatoreDiMalnateVedeSoloLeScadenzeDelSuoEnte() {
        console.accedi(MALNATE, PASSWORD);
        console.vai("/scadenze");
        console.guarda("scadenze-operatore", avviso.titolo());
        List<WebElement> righe = console.driver().findElements(By.cssSelector("table.scadenze tbody tr"));
        assertThat(righe).isNotEmpty().allMatch(r -> r.getText().contains("Comune di Malnate"))
                .noneMatch(r -> r.getText().contains("Comune di Varese"));
        assertThat(console.testo()).doesNotContain("Scaduta da 2 giorni");
        assertThat(righe.get(0).getText()).contains(avviso.titolo());
    }
}
