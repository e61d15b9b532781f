package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.IntegrationTest;

/** Issue 12: the console's login, its scrivania and menu by role, its logout — in Italian, accessible. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleNelBrowserTest {

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
    void unaPaginaSenzaAccessoPortaAllAccessoEPoiAllaPaginaChiesta() {
        console.driver().manage().deleteAllCookies();
        console.vai("/avvisi");
        console.guarda("accesso", "Accedi con il nome utente e la password della piattaforma");
        assertThat(console.driver().getCurrentUrl()).endsWith("/accesso");
        assertThat(console.driver().getTitle()).isEqualTo("Accedi – Piattaforma Casa");
    }

    @Test
    void unaPasswordSbagliataLoDiceInItaliano() {
        console.driver().manage().deleteAllCookies();
        console.vai("/accesso");
        console.trova(By.id("username")).sendKeys(CAPOFILA);
        console.driver().findElement(By.id("password")).sendKeys("sbagliata");
        console.clicca("Accedi");
        console.guarda("accesso-errato", "Nome utente o password non validi.");
    }

    @Test
    void lOperatoreVedeLaScrivaniaDelSuoRuoloEPuoUscire() {
        console.accedi(CAPOFILA, PASSWORD);
        console.guarda("scrivania-operatore", "Benvenuto, " + CAPOFILA);
        String menu = console.testoDi(By.id("menu-principale"));
        assertThat(menu).contains("Avvisi", "Anagrafe", "Scadenze", "Riserve", "Le mie attività").doesNotContain("Regole");
        assertThat(console.testo()).contains("Ora della piattaforma:", "(ora di Roma)");

        console.driver().findElement(By.xpath("//header//button[normalize-space(.)='Esci']")).click();
        console.guarda("uscito", "Sei uscito dalla piattaforma.");
        console.vai("/");
        console.guarda("accesso-dopo-uscita", "Accedi con il nome utente e la password della piattaforma");
    }

    @Test
    void lAnalistaVedeLeRegoleENonLeScadenze() {
        console.accedi(ANALISTA, PASSWORD);
        console.guarda("scrivania-analista", "Benvenuto, " + ANALISTA);
        assertThat(console.testoDi(By.id("menu-principale"))).contains("Regole", "Anagrafe").doesNotContain("Scadenze", "Riserve");
    }

    @Test
    void unaPaginaCheNonEsisteLoDiceInItaliano() {
        console.accedi(MALNATE, PASSWORD);
        console.vai("/pagina-che-non-esiste");
        console.guarda("pagina-inesistente", "non esiste");
    }
}
