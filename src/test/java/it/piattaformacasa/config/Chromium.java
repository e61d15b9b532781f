package it.piattaformacasa.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A headless Chromium as an operator's: its languages (Italian first, unless a test asks otherwise), its clock in
 * Europe/Rome. Every response a page receives is recorded (Chrome's performance log), so a test can tell which
 * requests failed while a page loaded. Chromium and its chromedriver come from the operating system (Debian packages
 * chromium and chromium-driver: .ci/run installs them, README «Tests»); screenshots go to target/browser.
 */
final class Chromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("piattaforma.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("piattaforma.chromedriver", "/usr/bin/chromedriver"));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the page asked for and what it got. */
    record Risposta(int stato, String url) {
    }

    final ChromeDriver driver;
    final WebDriverWait attesa;

    /** @param lingue the browser's languages in order of preference, as in {@code Accept-Language} */
    Chromium(String lingue) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and chromedriver (apt-get install chromium chromium-driver, or -Dpiattaforma.chromium / "
                        + "-Dpiattaforma.chromedriver)").isTrue();
        ChromeOptions opzioni = new ChromeOptions();
        opzioni.setBinary(CHROMIUM.toFile());
        opzioni.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1200", "--lang=" + lingue.split(",")[0]);
        // navigator.languages, which the webapps read to choose their language (--lang alone does not set it headless)
        opzioni.setExperimentalOption("prefs", Map.of("intl.accept_languages", lingue));
        LoggingPreferences registri = new LoggingPreferences();
        registri.enable(LogType.PERFORMANCE, Level.ALL);
        registri.enable(LogType.BROWSER, Level.ALL);
        opzioni.setCapability("goog:loggingPrefs", registri);
        ChromeDriverService servizio = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("TZ", "Europe/Rome")).build();
        driver = new ChromeDriver(servizio, opzioni);
        // generous: the first page of a webapp compiles megabytes of JavaScript, and CI machines are shared
        attesa = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    static Chromium italiano() {
        return new Chromium("it-IT,it,en");
    }

    /**
     * Logs in where a webapp sends a visitor (issue 14): the platform's «Accedi» page of the identity provider, then
     * back to the webapp; a browser already logged in to the console is already in (single sign-on), and stays. A
     * submission that leaves the page where it was (a click that beat the page on a busy machine) is tried again, up to
     * three times, and leaves its screen.
     */
    void accedi(String utente, String password) {
        By campo = By.id("username");
        for (int tentativo = 1; ; tentativo++) {
            WebElement nome;
            try {
                // a String, not a Boolean: WebDriverWait keeps waiting on FALSE
                String dove = new WebDriverWait(driver, Duration.ofMinutes(3)).until(d -> {
                    if (!d.findElements(campo).isEmpty() && d.findElement(campo).isDisplayed()) {
                        return "modulo";
                    }
                    return d.getCurrentUrl().contains("/camunda/app/") ? "dentro" : null;
                });
                if (dove.equals("dentro")) {
                    webappAvviata();
                    return;
                }
                nome = driver.findElement(campo);
            } catch (org.openqa.selenium.TimeoutException e) {
                fotoDelFallimento(e, String.format("accesso-%s-nessun-modulo", utente));
                throw e;
            }
            if (inviaAccesso(nome, utente, password, String.format("accesso-%s-tentativo-%d", utente, tentativo), tentativo)) {
                webappAvviata();
                return;
            }
            driver.navigate().refresh();
        }
    }

    /**
     * Logs in on the console's own page ({@code indirizzoAccesso}), whoever was logged in before; afterwards the browser
     * is where the console sends a person who logs in. A submission that leaves the page where it was (a click that
     * beat the page on a busy machine) is tried again, up to three times, and leaves its screen.
     */
    void accediAllaConsole(String indirizzoAccesso, String utente, String password) {
        for (int tentativo = 1; ; tentativo++) {
            esci();
            driver.get(indirizzoAccesso);
            WebElement nome = attesa.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            if (inviaAccesso(nome, utente, password, String.format("console-accesso-%s-tentativo-%d", utente, tentativo), tentativo)) {
                return;
            }
        }
    }

    /**
     * Fills in and sends the provider's «Accedi» form; true once every redirect of the login has been followed, false
     * (with a screenshot {@code foto}) if the page stayed where it was and there is another try left.
     */
    private boolean inviaAccesso(WebElement nome, String utente, String password, String foto, int tentativo) {
        nome.clear();
        nome.sendKeys(utente);
        driver.findElement(By.id("password")).clear();
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> accessoConcluso());
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            fotoDelFallimento(e, foto);
            if (tentativo == 3) {
                throw e;
            }
            return false;
        }
    }

    /**
     * Back in a webapp after the login, it is started (its header drawn) before the test goes on: an address typed
     * while its scripts still load would cancel them, and the next page would wait for them for ever.
     */
    private void webappAvviata() {
        if (driver.getCurrentUrl().contains("/camunda/app/")) {
            try {
                // the header is in the page from the start, empty: Angular fills it once the webapp has started
                new WebDriverWait(driver, Duration.ofMinutes(2)).until(d -> d.findElements(By.cssSelector("[cam-widget-header]")).stream()
                        .anyMatch(h -> !h.getText().isBlank()));
            } catch (org.openqa.selenium.TimeoutException e) {
                fotoDelFallimento(e, "webapp-non-avviata");
                throw e;
            }
        }
    }

    /**
     * The login's redirects have all been followed (provider, code, back to the page) and the page has loaded: a new
     * address typed before that would cut the code's exchange short.
     */
    private boolean accessoConcluso() {
        String qui = driver.getCurrentUrl();
        return !qui.contains("/accesso") && !qui.contains("/oauth2/") && !qui.contains("/login/oauth2/")
                && "complete".equals(driver.executeScript("return document.readyState"));
    }

    /** What the screen showed when a wait ran out, with the address and the page's text in the failure. */
    private void fotoDelFallimento(RuntimeException e, String nome) {
        try {
            foto(nome);
            e.addSuppressed(new AssertionError("on " + driver.getCurrentUrl() + ": " + testo()));
        } catch (IOException | RuntimeException nonSalvata) {
            e.addSuppressed(nonSalvata);
        }
    }

    /**
     * Opens {@code indirizzo} as {@code utente}, whoever was logged in before: the session cookies go, and the page
     * loads afresh (the same address with another #fragment would keep the running webapp and its user).
     */
    void accediDaCapo(String indirizzo, String utente, String password) {
        esci();
        driver.get(indirizzo);
        accedi(utente, password);
    }

    /**
     * Forgets the logged-in person (the webapps and the console share one session): the page is left first, so that no
     * request still running sets a cookie again, then every cookie of the browser goes.
     */
    void esci() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    String testo() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The requests sent, answered and failed since the last call, in order: for the message of a failed wait. */
    List<String> traffico() {
        List<String> righe = new ArrayList<>();
        java.util.Map<String, String> indirizzi = new java.util.HashMap<>();
        for (LogEntry voce : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode messaggio;
            try {
                messaggio = JSON.readTree(voce.getMessage()).path("message");
            } catch (IOException e) {
                throw new IllegalStateException(voce.getMessage(), e);
            }
            JsonNode parametri = messaggio.path("params");
            String id = parametri.path("requestId").asText();
            switch (messaggio.path("method").asText()) {
                case "Network.requestWillBeSent" -> {
                    indirizzi.put(id, parametri.path("request").path("url").asText());
                    righe.add("→ " + parametri.path("request").path("method").asText() + " " + parametri.path("request").path("url").asText());
                }
                case "Network.responseReceived" -> righe.add("← " + parametri.path("response").path("status").asInt() + " "
                        + parametri.path("response").path("url").asText());
                case "Network.loadingFailed" -> righe.add("✗ " + indirizzi.get(id) + " " + parametri.path("errorText").asText());
                default -> { }
            }
        }
        return righe;
    }

    /** The responses received since the last call. */
    List<Risposta> risposte() {
        List<Risposta> risposte = new ArrayList<>();
        for (LogEntry voce : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode messaggio;
            try {
                messaggio = JSON.readTree(voce.getMessage()).path("message");
            } catch (IOException e) {
                throw new IllegalStateException(voce.getMessage(), e);
            }
            if ("Network.responseReceived".equals(messaggio.path("method").asText())) {
                JsonNode risposta = messaggio.path("params").path("response");
                risposte.add(new Risposta(risposta.path("status").asInt(), risposta.path("url").asText()));
            }
        }
        return risposte;
    }

    /** The console's messages since the last call (errors and warnings of the page's scripts). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(v -> v.getLevel() + " " + v.getMessage()).toList();
    }

    void foto(String nome) throws IOException {
        File scatto = driver.getScreenshotAs(OutputType.FILE);
        Path cartella = Files.createDirectories(Path.of("target", "browser"));
        Files.copy(scatto.toPath(), cartella.resolve(nome + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }

    // ---- a form-js form in Tasklist ------------------------------------------------------------------------------

    /**
     * Types into a field and pauses as an operator does: a row field of a dynamic list typed and left at once (Selenium
     * types a whole word in a few milliseconds) may lose its value when another field of the form changes within form-js's
     * 300 ms debounce (README «Avvisi»), and the page shows no sign to wait for. A field typed just before a real press of
     * «Completa» is taken by lib/piattaforma-moduli.js; ModuliNelBrowserTest, which clicks by script, still waits.
     */
    void scrivi(WebElement input, String testo) {
        input.sendKeys(testo);
        pausa(500);
    }

    /** A person's pause, where the page gives no sign to wait for (form-js's debounce, a redraw). */
    static void pausa(long millisecondi) {
        try {
            Thread.sleep(millisecondi);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The input of the field with that label within {@code riga} (a list's row, or the form): form-js ties each label to its input. */
    WebElement campo(WebElement riga, String etichetta) {
        WebElement label = riga.findElement(By.xpath(".//label[normalize-space(text())=\"" + etichetta + "\"]"));
        return riga.findElement(By.id(label.getAttribute("for")));
    }

    /** Opens the select and picks the option whose text contains {@code testo}. */
    void scegli(WebElement riga, String etichetta, String testo) {
        WebElement input = campo(riga, etichetta);
        WebElement gruppo = input.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-input-group')][1]"));
        clic(gruppo);
        if ("text".equals(input.getAttribute("type")) && !input.getAttribute("class").contains("hidden")) {
            input.sendKeys(testo); // a searchable select filters as one types
        }
        WebElement voce = attesa.until(d -> gruppo.findElement(By.xpath("./..")).findElements(By.cssSelector(".fjs-dropdownlist-item"))
                .stream().filter(v -> v.getText().contains(testo)).findFirst().orElse(null));
        clic(voce);
        attesa.until(d -> gruppo.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
    }

    void clic(WebElement elemento) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", elemento);
        attesa.until(ExpectedConditions.elementToBeClickable(elemento)).click();
    }
}
