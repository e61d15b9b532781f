package it.piattaformacasa.demo.web;

import static it.piattaformacasa.DemoUtenti.ADMIN;
import static it.piattaformacasa.DemoUtenti.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.OrologioDiProva;
import it.piattaformacasa.common.Termini;

/**
 * The demo clock's page in a real headless Chromium, as the administrator uses it: the browser's own HTTP Basic
 * credentials (given in the address, as typed in its login dialog), the quick buttons, an amount refused next to its
 * field, the way back to real time. Screenshots in target/browser (orologio-*.png). Chromium and chromedriver as for
 * {@code TasklistNelBrowserTest}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrologioDemoNelBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("piattaforma.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("piattaforma.chromedriver", "/usr/bin/chromedriver"));
    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver browser;
    WebDriverWait attesa;

    @BeforeAll
    void browser() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and chromedriver (apt-get install chromium chromium-driver, or -Dpiattaforma.chromium / "
                        + "-Dpiattaforma.chromedriver)").isTrue();
        ChromeOptions opzioni = new ChromeOptions();
        opzioni.setBinary(CHROMIUM.toFile());
        opzioni.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1100,1700", "--lang=it-IT");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), opzioni);
        attesa = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    void chiudi() {
        if (browser != null) {
            browser.quit();
        }
        jdbc.update("delete from orologio_demo");
        OrologioDiProva.ripristina();
    }

    @Test
    void lAmministratoreSpostaLOrologioDallaPagina() throws IOException {
        LocalDate oggi = LocalDate.now(ROMA);
        browser.get("http://" + ADMIN + ":" + PASSWORD + "@localhost:" + port + "/demo/orologio");
        attesa.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(browser.getTitle()).isEqualTo("Orologio della demo – Piattaforma Casa");
        assertThat(browser.findElement(By.cssSelector(".ora time")).getText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        foto("1-ora-reale");

        browser.findElement(By.xpath("//button[normalize-space()='+5 giorni']")).click();
        WebElement esito = attesa.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status]")));
        assertThat(esito.getText()).startsWith("Fatto: +5 giorni.");
        assertThat(browser.getCurrentUrl()).endsWith("/demo/orologio?esito=fatto");
        assertThat(Termini.oggi(clock)).isEqualTo(oggi.plusDays(5));
        assertThat(browser.findElement(By.cssSelector(".ora time")).getText()).startsWith(Termini.oggi(clock).format(
                java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        foto("2-avanti-di-5-giorni");

        WebElement quantita = browser.findElement(By.id("quantita"));
        quantita.sendKeys("0");
        browser.findElement(By.xpath("//button[normalize-space()='Avanza']")).click();
        WebElement errore = attesa.until(ExpectedConditions.visibilityOfElementLocated(By.id("quantita-errore")));
        // «Errore:» is for screen readers only; Selenium reads it on a line of its own
        assertThat(errore.getText().replaceAll("\\s+", " ")).isEqualTo("Errore: Deve essere almeno 1: l'orologio della demo va solo avanti");
        assertThat(browser.findElement(By.id("quantita")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector(".riepilogo[role=alert] a[href='#quantita']")).getText())
                .startsWith("Deve essere almeno 1");
        assertThat(browser.getTitle()).startsWith("Errore: ");
        foto("3-errore-accanto-al-campo");

        browser.findElement(By.id("quantita")).clear();
        browser.findElement(By.id("quantita")).sendKeys("36");
        browser.findElement(By.id("unita-ore")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Avanza']")).click();
        attendiEsito("Fatto: +36 ore.");
        assertThat(Duration.between(Instant.now(), clock.instant())).isBetween(Duration.ofHours(155), Duration.ofHours(157));

        browser.findElement(By.xpath("//button[normalize-space()=\"Torna all'ora reale\"]")).click();
        attendiEsito("Fatto: la piattaforma è tornata all'ora reale.");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("la piattaforma segue l'ora reale.");
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(Termini.oggi(clock)).isEqualTo(LocalDate.now(ROMA));
        foto("4-ora-reale");
    }

    /**
     * The status of the next page, while the page with the previous one is being replaced: Chrome may answer a read of
     * the old status with «node does not belong to the document» instead of a stale element, so that is waited out too.
     */
    private void attendiEsito(String testo) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), testo));
    }

    private void foto(String nome) throws IOException {
        File scatto = browser.getScreenshotAs(OutputType.FILE);
        Path cartella = Files.createDirectories(Path.of("target", "browser"));
        Files.copy(scatto.toPath(), cartella.resolve("orologio-" + nome + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
