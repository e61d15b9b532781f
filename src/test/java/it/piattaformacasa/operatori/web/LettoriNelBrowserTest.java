package it.piattaformacasa.operatori.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * Seed 004 in a browser: the provincial reader of Varese opens the console, is told it reads only, finds avvisi,
 * graduatorie, report and scadenze in the menu, and no Tasklist, no «Nuovo avviso», no sportello.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LettoriNelBrowserTest {

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
    void ilLettoreProvincialeVedeCioCheLeggeESoloQuello() {
        console.driver().manage().deleteAllCookies();
        console.accedi(LETTORE_VARESE, PASSWORD);
        console.vai("/");
        console.guarda("lettore-provinciale-scrivania", "degli enti della tua provincia");
        String menu = console.testoDi(By.id("menu-principale"));
        assertThat(menu).contains("Avvisi", "Scadenze", "Report", "Anagrafe").doesNotContain("Le mie attività", "Abilitazioni",
                "Operatori", "Regole");
        assertThat(console.testoDi(By.id("sola-lettura"))).isEqualTo("Sola consultazione");

        console.vai("/avvisi");
        console.guarda("lettore-provinciale-avvisi", "Avvisi");
        assertThat(console.driver().findElements(By.linkText("Nuovo avviso"))).isEmpty();
        console.vai("/scadenze");
        console.guarda("lettore-provinciale-scadenze", "Scadenze");
        console.vai("/report");
        console.guarda("lettore-provinciale-report", "Report");
    }

    @Test
    void ilLettoreRegionaleLeggeTuttaLaRegione() {
        console.driver().manage().deleteAllCookies();
        console.accedi(LETTORE_REGIONE, PASSWORD);
        console.vai("/");
        console.guarda("lettore-regionale-scrivania", "degli enti di tutta la Regione");
        console.vai("/anagrafe/alloggi");
        console.guarda("lettore-regionale-alloggi", "Alloggi");
        assertThat(console.testo()).doesNotContain("Nuovo alloggio");
    }
}
