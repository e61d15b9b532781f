package it.piattaformacasa.anagrafe.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * The «Anagrafe» in a browser: an operator of the Comune di Varese opens it from the menu, reads its ente's figures,
 * filters the alloggi by stato, opens one and reads its data; the download links carry the filters (nothing is
 * downloaded in the browser: the files are checked in {@link AnagrafePagineTest}).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnagrafeNelBrowserTest {

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
    void lOperatoreFiltraGliAlloggiPerStatoENeApreUno() {
        console.accedi(CAPOFILA, PASSWORD);
        console.trova(By.cssSelector("#menu-principale a[href='/anagrafe']")).click();
        console.guarda("anagrafe-sintesi", "Anagrafe del patrimonio");
        assertThat(console.trova(By.cssSelector("#menu-principale a.active")).getText()).isEqualTo("Anagrafe");
        assertThat(console.testo()).contains("Comune di Varese", "Sfitto per carenze manutentive", "Ultima certificazione dei dati")
                .doesNotContain("Comune di Malnate");

        console.clicca("Vedi gli alloggi");
        console.guarda("anagrafe-alloggi", "Righe da 1 a");
        new Select(console.trova(By.id("filtro-stato"))).selectByVisibleText("Sfitto per carenze manutentive");
        new Select(console.trova(By.id("filtro-provincia"))).selectByVisibleText("VA");
        new Select(console.trova(By.id("filtro-in-avviso"))).selectByVisibleText("No, in nessun avviso aperto");
        new Select(console.trova(By.id("ordina"))).selectByVisibleText("Superficie utile");
        console.clicca("Filtra");
        console.guarda("anagrafe-alloggi-sfitti", "ordinati per Superficie utile (Crescente)");
        List<WebElement> stati = console.driver().findElements(By.cssSelector("#alloggi tbody .stato-alloggio"));
        assertThat(stati).isNotEmpty().allSatisfy(s -> assertThat(s.getText()).isEqualTo("Sfitto per carenze manutentive"));
        assertThat(console.testoDi(By.cssSelector("#alloggi tbody"))).doesNotContain("Comune di Malnate").containsPattern("\\d+,\\d\\d");
        assertThat(console.trova(By.id("scarica-xlsx")).getAttribute("href"))
                .contains("/anagrafe/alloggi/esportazione?", "stato=SFITTO_CARENZE_MANUTENTIVE", "provincia=VA", "inAvviso=no",
                        "ordina=superficie", "formato=xlsx");
        assertThat(console.trova(By.id("scarica-csv")).getAttribute("href")).contains("stato=SFITTO_CARENZE_MANUTENTIVE", "formato=csv");

        WebElement primo = console.trova(By.cssSelector("#alloggi tbody a.codice-ui"));
        String codice = primo.getText();
        primo.click();
        console.guarda("anagrafe-alloggio", "Alloggio " + codice);
        assertThat(console.testoDi(By.id("dati-alloggio"))).contains("Superficie utile (m²)", "Servizi abitativi pubblici (SAP)");
        assertThat(console.testo()).contains("Stato in Anagrafe: Sfitto per carenze manutentive",
                "L'alloggio non è occupato: nessun nucleo assegnatario.");

        console.vai("/anagrafe/fabbricati");
        console.guarda("anagrafe-fabbricati", "VA-BIZ-01");
        console.vai("/anagrafe/nuclei");
        console.guarda("anagrafe-nuclei", "Nuclei assegnatari");
    }
}
