package it.piattaformacasa.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The console (issue 12) in a headless Chromium, as a person of a given role uses it: logs in on its page, opens
 * pages, and at each step {@link #guarda} checks what the person sees — the expected Italian text, no English word,
 * no serious or critical WCAG 2.1 AA violation (axe-core; reports in target/browser/axe) — and leaves a screenshot
 * in target/browser/console-*.png. Shared by the browser tests of every module's pages.
 */
public final class ConsoleNelBrowser implements AutoCloseable {

    private static final Path AXE = Path.of("target", "browser", "axe");
    /** Words of an English page that an Italian page never shows (whole words, case-sensitive). */
    private static final List<String> INGLESE = List.of("Sign in", "Username", "Login", "Logout", "Submit", "Search", "Next",
            "Previous", "Loading", "Error", "Forbidden", "Not Found", "Whitelabel");

    private final Chromium chromium;
    private final int port;

    public ConsoleNelBrowser(int port) {
        this.chromium = Chromium.italiano();
        this.port = port;
    }

    public ChromeDriver driver() {
        return chromium.driver;
    }

    public WebDriverWait attesa() {
        return chromium.attesa;
    }

    public String url(String percorso) {
        return "http://localhost:" + port + percorso;
    }

    public void vai(String percorso) {
        chromium.driver.get(url(percorso));
    }

    /** Logs in on the console's page as {@code utente}; afterwards the browser is on the scrivania. */
    public void accedi(String utente, String password) {
        chromium.accediAllaConsole(url("/accesso"), utente, password);
    }

    /** Logs in through the form a Camunda webapp (Tasklist, Cockpit, Admin) shows on the screen. */
    public void accediAllaWebapp(String utente, String password) {
        chromium.accedi(utente, password);
    }

    public String testo() {
        return chromium.attesa.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> chromium.testo());
    }

    public WebElement trova(By come) {
        return chromium.attesa.until(ExpectedConditions.visibilityOfElementLocated(come));
    }

    /** Types into the field found by {@code come}, found afresh if the page was redrawn meanwhile. */
    public void scrivi(By come, String testo) {
        chromium.attesa.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement campo = d.findElement(come);
            campo.clear();
            campo.sendKeys(testo);
            return true;
        });
    }

    /** The text of an element, read again if the page's scripts redrew it meanwhile (Bootstrap Italia's menu does). */
    public String testoDi(By come) {
        return chromium.attesa.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(come).getText());
    }

    /** The link or button with this visible text, clicked once the page holds it. */
    public void clicca(String testo) {
        By elemento = By.xpath("//main//a[normalize-space(.)=\"" + testo + "\"] | //main//button[normalize-space(.)=\"" + testo + "\"]");
        chromium.clic(chromium.attesa.until(ExpectedConditions.elementToBeClickable(elemento)));
    }

    /**
     * What the person sees now: {@code testoAtteso} on the page, no English word, no serious or critical
     * accessibility violation; a screenshot named {@code console-<nome>.png}.
     */
    public void guarda(String nome, String testoAtteso) {
        try {
            // the page may still be changing to the next one: a body read as it goes is read again
            new WebDriverWait(chromium.driver, java.time.Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> testo().contains(testoAtteso));
        } catch (org.openqa.selenium.TimeoutException e) {
            foto(nome);
            throw new AssertionError("«" + testoAtteso + "» not on " + chromium.driver.getCurrentUrl() + ":\n" + testo(), e);
        }
        foto(nome);
        String testo = testo();
        assertThat(INGLESE).as("English words on console-" + nome).noneMatch(parola -> testo.matches("(?s).*\\b" + parola + "\\b.*"));
        assertThat(violazioniGravi("console-" + nome)).as("axe-core: serious or critical WCAG 2.1 AA violations on console-" + nome)
                .isEmpty();
    }

    public void foto(String nome) {
        try {
            chromium.foto("console-" + nome);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> violazioniGravi(String pagina) {
        return violazioniGravi(chromium.driver, pagina, List.of());
    }

    /**
     * axe-core's WCAG 2.1 A and AA check of the page open in {@code driver}: the report goes to
     * target/browser/axe/{@code pagina}.json, the serious and critical violations come back, one line each. Shared by
     * every browser test of the platform (console and webapps).
     */
    static List<String> violazioniGravi(org.openqa.selenium.WebDriver driver, String pagina, List<String> regoleEscluse) {
        AxeBuilder axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"));
        if (!regoleEscluse.isEmpty()) {
            axe.disableRules(regoleEscluse);
        }
        Results risultati = axe.analyze(driver);
        try {
            Files.createDirectories(AXE);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).findAndRegisterModules()
                    .writeValue(AXE.resolve(pagina + ".json").toFile(), risultati.getViolations());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> gravi = new ArrayList<>();
        for (Rule regola : risultati.getViolations()) {
            if ("serious".equals(regola.getImpact()) || "critical".equals(regola.getImpact())) {
                gravi.add(regola.getId() + " (" + regola.getImpact() + ", " + regola.getNodes().size() + "): " + regola.getHelp()
                        + " " + regola.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
            }
        }
        return gravi;
    }

    @Override
    public void close() {
        chromium.close();
    }
}
