package it.piattaformacasa.regole.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.config.ConsoleNelBrowser;
import it.piattaformacasa.regole.RepositoryRegole;

/**
 * Issue 12, the analyst's persona end to end on the real ISBAR rules: in the browser the analyst changes one cell of
 * {@code isbar} (residence in Lombardia for 10 to 15 years: 4,5 → 34,5 points), saves it as a new version valid from
 * 01/01/2097, runs its test cases, simulates it on an avviso of two domande and sees who moves up and who down, then
 * asks for publication; the revisore takes the approval in charge from the version's page and approves it in
 * Tasklist; a domanda then submitted to an avviso predisposed on a day the new version covers scores under it.
 * The far date keeps every other test's avvisi on version 1; the avviso's predisposition day is moved there in the
 * database, since the demo clock goes at most 5 years ahead.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsbarDalBrowserTest {

    static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    static final LocalDate DAL = LocalDate.of(2097, 1, 1);

    @LocalServerPort
    int port;
    @Autowired
    RepositoryRegole repository;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    ConsoleNelBrowser console;
    Alloggio alloggio;
    Alloggio delFuturo;
    long simulato;
    long dodiciAnni;
    long invalidita;
    long futuro;

    @BeforeAll
    void apri() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("Avviso per la simulazione nel browser");
        alloggio = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 1).get(0);
        simulato = scenario.aperto(List.of(alloggio), List.of(ALER_AVVISO));
        String dodiciAnniFa = LocalDate.now(ROMA).minusYears(12).minusMonths(2).toString();
        // 12 years in Lombardia and in Varese, nothing else
        dodiciAnni = DomandeDiSimulazione.presenta(http, simulato, "VRDLCU80A01L682", dodiciAnniFa, 0, false, alloggio);
        // 8 years, a spouse with 74 % invalidity, overcrowded: ahead today
        invalidita = DomandeDiSimulazione.presenta(http, simulato, "BNCLRA75B42F205", "2018-03-01", 74, true, alloggio);
        assertThat(isbar(invalidita)).as("the order the simulation must overturn").isGreaterThan(isbar(dodiciAnni));

        delFuturo = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 2).get(1);
        futuro = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("Avviso del 2097")
                .aperto(List.of(delFuturo), List.of(ALER_AVVISO));
        jdbc.update("update avviso set predisposto_il = timestamptz '2097-01-04 10:00:00+01' where id = ?", futuro);
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void lAnalistaCambiaUnaCellaLaSimulaIlRevisoreApprovaEUnaNuovaDomandaNeSegue() {
        int inVigore = repository.inVigoreIl(LocalDate.now(ROMA)).versione("isbar");
        // from the release's version 1 and its test cases (other tests publish copies of it without cases)
        console.accedi(ANALISTA, PASSWORD);
        console.vai("/regole/isbar/versioni/1");
        console.guarda("isbar-versione", "Regole «isbar», versione 1");
        console.clicca("Modifica come nuova versione");
        console.guarda("isbar-modifica", "Modifica delle regole «isbar»");
        WebElement cella = console.trova(By.id("c-0-1-1"));
        assertThat(cella.getAttribute("aria-label")).contains("«Punti residenza regione», regola 2");
        assertThat(cella.getAttribute("value")).isEqualTo("4.5");
        cella.clear();
        cella.sendKeys("34.5");
        WebElement dal = console.trova(By.id("validoDal"));
        dal.clear();
        dal.sendKeys("01/01/2097");
        console.scrivi(By.id("motivo"), "Prova: più punti a chi risiede in Lombardia da 10 a 15 anni");
        console.clicca("Salva come nuova versione");
        console.guarda("isbar-nuova-versione", "salvata");
        int nuova = repository.versioni().stream().filter(v -> v.nome().equals("isbar")).mapToInt(v -> v.versione()).max().orElseThrow();
        assertThat(console.testo()).contains("Regole «isbar», versione " + nuova, "34.5");
        // the new version carries the test cases of the version it was written from, whatever drafts came in between
        String casi = "select descrizione || atteso::text from regola_caso_test where nome = 'isbar' and versione = ? order by 1";
        assertThat(jdbc.queryForList(casi, String.class, nuova)).as("cases per version: %s", jdbc.queryForList(
                        "select versione || ':' || count(*) from regola_caso_test where nome = 'isbar' group by versione", String.class))
                .isNotEmpty()
                .isEqualTo(jdbc.queryForList(casi, String.class, 1));

        console.clicca("Esegui i casi di prova");
        console.guarda("isbar-casi", "sono superati");

        new org.openqa.selenium.support.ui.Select(console.trova(By.id("avvisoId"))).selectByValue(String.valueOf(simulato));
        console.clicca("Simula");
        console.guarda("isbar-simulazione", "Simulazione delle regole «isbar», versione " + nuova);
        String simulazione = console.testo();
        assertThat(simulazione).contains("2 domande, un punteggio cambiato, 2 domande cambiano posizione", "Sale di 1", "Scende di 1");
        assertThat(riga("n. " + dodiciAnni)).contains("2 → 1", italiano(isbar(dodiciAnni)) + " → "
                + italiano(isbar(dodiciAnni).add(new BigDecimal("30"))));
        assertThat(riga("n. " + invalidita)).contains("1 → 2");
        assertThat(isbar(dodiciAnni)).as("a simulation writes nothing").isLessThan(isbar(invalidita));

        console.vai("/regole/isbar/versioni/" + nuova);
        console.scrivi(By.id("motivo"), "Più punti di residenza, da approvare");
        console.clicca("Richiedi pubblicazione");
        console.guarda("isbar-pubblicazione-richiesta", "Pubblicazione della versione " + nuova + " richiesta");

        // the second analyst: the approval is a task of the version's case, taken from its page, decided in Tasklist
        console.accedi(ANALISTA_REVISORE, PASSWORD);
        console.vai("/regole/isbar/versioni/" + nuova);
        console.guarda("isbar-revisore", "Attività aperte su questa pratica");
        WebElement prendi = console.trova(By.xpath("//form[contains(@action,'/prendi-in-carico')]//button"));
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", prendi);
        // by script: the version's page is long, and its tables are drawn wider as the fonts load
        console.driver().executeScript("arguments[0].click()", prendi);
        console.attesa().until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/default/"));
        console.accediAllaWebapp(ANALISTA_REVISORE, PASSWORD);
        WebElement modulo = console.attesa().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        console.attesa().until(d -> modulo.getText().contains("versione " + nuova));
        assertThat(modulo.getText()).contains("delle regole «isbar», valida dal 01/01/2097");
        console.foto("isbar-approvazione-tasklist");
        clicca(modulo.findElement(By.xpath(".//label[contains(normalize-space(.), 'Approva e pubblica')]")));
        WebElement nota = modulo.findElement(By.tagName("textarea"));
        nota.sendKeys("Verificata la tabella: approvata");
        pausa();
        clicca(console.driver().findElement(By.xpath("//div[contains(@class,'form-actions')]//button[contains(@ng-click,'complete')]")));
        console.attesa().until(d -> repository.versione("isbar", nuova).stato() == RepositoryRegole.Stato.PUBLISHED);
        console.foto("isbar-approvata");
        assertThat(repository.versione("isbar", nuova).approvatore()).isEqualTo(ANALISTA_REVISORE);
        assertThat(repository.inVigoreIl(LocalDate.now(ROMA)).versione("isbar")).as("today unchanged").isEqualTo(inVigore);

        // the avviso of 2097 had no domanda: it follows the publication; a domanda now scores under the new version
        assertThat(http.get("/api/avvisi/" + futuro + "/regole", CAPOFILA).json().get("versioni").get("isbar").asInt())
                .isEqualTo(nuova);
        String dodiciAnniFa = LocalDate.now(ROMA).minusYears(12).minusMonths(2).toString();
        long nuovaDomanda = DomandeDiSimulazione.presenta(http, futuro, "VRDLCU80A01L682", dodiciAnniFa, 0, false, delFuturo);
        assertThat(isbar(nuovaDomanda)).isEqualByComparingTo(isbar(dodiciAnni).add(new BigDecimal("30")));
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/domande/" + nuovaDomanda);
        console.guarda("isbar-domanda-nuova-versione", "ISBAR attuale: "
                + http.get("/api/domande/" + nuovaDomanda, CAPOFILA).json().get("isbarItaliano").asText());
        assertThat(console.testo()).contains("regole: Secondo step del r.r. 2/2025", "Residenza in Regione: 34,500 punti")
                .doesNotContain("LOMBARDIA_2025");
    }

    private String riga(String domanda) {
        return console.driver().findElements(By.cssSelector("tr")).stream().map(WebElement::getText)
                .filter(t -> t.contains(domanda)).findFirst().orElseThrow(() -> new AssertionError(domanda + " non c'è"));
    }

    private BigDecimal isbar(long domanda) {
        return http.get("/api/domande/" + domanda, CAPOFILA).json().get("isbar").decimalValue();
    }

    /** As the console writes a score: three decimals, a comma («28,380»). */
    private static String italiano(BigDecimal valore) {
        return String.format(java.util.Locale.ITALY, "%.3f", valore);
    }

    private void clicca(WebElement elemento) {
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", elemento);
        console.attesa().until(ExpectedConditions.elementToBeClickable(elemento)).click();
    }

    /** form-js takes a typed value 300 ms after the last key. */
    private static void pausa() {
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
