package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Issue 11 in a real Chromium ({@link Chromium}): Malnate's operator fills «Conferma registrazione contratto» with a
 * decorrenza before the signature, reads the Italian reason beside that field with everything typed still there,
 * corrects it and completes; and downloads the graduatoria from the link of «Approva graduatoria provvisoria» with the
 * Tasklist login alone. Screenshots in target/browser (moduli-*.png).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuliNelBrowserTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter GG_MM_AAAA = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    GraduatoriaService graduatorieService;

    Chromium chromium;
    ChromeDriver browser;
    WebDriverWait attesa;
    PraticheDeiModuli pratiche;
    String base;

    @BeforeAll
    void browser() {
        chromium = Chromium.italiano();
        browser = chromium.driver;
        attesa = chromium.attesa;
        pratiche = new PraticheDeiModuli(new ClientHttp(port), runtimeService, managementService, taskService, alloggi, jdbc,
                graduatorie, graduatorieService);
        base = "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    @AfterAll
    void chiudi() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void unContrattoRifiutatoMostraIlMotivoAccantoAlCampoTieneIDatiEPoiSiCompleta() throws IOException {
        PraticheDeiModuli.Pratica contratto = pratiche.contrattoDaConfermare("SLATRS50B41L682V");
        try {
            LocalDate oggi = LocalDate.now(ROMA);
            apri(contratto.taskId());
            attesa.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(".fjs-container"))
                    .stream().anyMatch(m -> m.getText().contains("nucleo di 1 componente")));
            WebElement modulo = browser.findElement(By.cssSelector(".fjs-container"));
            assertThat(modulo.getText()).contains("Nucleo: Domanda n. " + contratto.domanda() + ": nucleo di 1 componente",
                    "Via dei Moduli 7, scala B, interno 4, piano 2, Malnate", "Scadenza:", "30 giorni dall'assegnazione (art. 25)");

            browser.findElement(By.xpath("//label[contains(normalize-space(.), 'Contratto firmato')]")).click();
            WebElement numero = input("Numero del contratto");
            // the contract's fields show now, each marked as required
            for (String etichetta : List.of("Numero del contratto", "Data di firma", "Decorrenza del contratto", "Canone mensile (€)",
                    "Estremi della registrazione (Agenzia delle Entrate)")) {
                assertThat(campo(etichetta).findElements(By.cssSelector(".fjs-asterix"))).as(etichetta).isNotEmpty();
            }
            // form-js's own check, in Italian
            numero.sendKeys("x");
            numero.sendKeys(Keys.BACK_SPACE);
            numero.sendKeys(Keys.TAB);
            attesa.until(d -> campo("Numero del contratto").getText().contains("Campo obbligatorio."));
            foto("1-contratto-obbligatori");

            numero.sendKeys("MAL-2026-77");
            data("Data di firma", oggi);
            data("Decorrenza del contratto", oggi.minusDays(3));
            scrivi("Canone mensile (€)", "180.50");
            scrivi("Estremi della registrazione (Agenzia delle Entrate)", "Agenzia delle Entrate di Varese, n. 4567");
            assertThat(input("Data di firma").getAttribute("placeholder")).isEqualTo("gg/mm/aaaa");
            assertThat(input("Decorrenza del contratto").getAttribute("value")).isEqualTo(oggi.minusDays(3).format(GG_MM_AAAA));
            completa(d -> !d.findElements(By.cssSelector(".piattaforma-errore-del-server")).isEmpty());

            WebElement motivo = attesa.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".piattaforma-errore-del-server")));
            assertThat(motivo.getText()).isEqualTo("Decorrenza del contratto: non può precedere la firma");
            assertThat(motivo.getAttribute("role")).isEqualTo("alert");
            WebElement decorrenza = input("Decorrenza del contratto");
            assertThat(campo("Decorrenza del contratto").findElements(By.cssSelector(".piattaforma-errore-del-server"))).hasSize(1);
            assertThat(decorrenza.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(decorrenza.getAttribute("aria-describedby")).contains(motivo.getAttribute("id"));
            // what was typed is still there
            assertThat(input("Numero del contratto").getAttribute("value")).isEqualTo("MAL-2026-77");
            assertThat(input("Data di firma").getAttribute("value")).isEqualTo(oggi.format(GG_MM_AAAA));
            assertThat(input("Estremi della registrazione (Agenzia delle Entrate)").getAttribute("value"))
                    .isEqualTo("Agenzia delle Entrate di Varese, n. 4567");
            assertThat(taskService.createTaskQuery().taskId(contratto.taskId()).count()).isEqualTo(1);
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", motivo);
            foto("2-contratto-rifiutato");
            assertThat(chromium.testo()).doesNotContain("dataFirma", "decorrenza:", "Field is required", "Exception");

            data("Decorrenza del contratto", oggi.plusDays(1));
            assertThat(browser.findElements(By.cssSelector(".piattaforma-errore-del-server"))).isEmpty();
            completa(d -> taskService.createTaskQuery().taskId(contratto.taskId()).count() == 0);
            foto("3-contratto-completato");
            assertThat(jdbc.queryForObject("select numero from contratto where assegnazione_id = ?", String.class, contratto.id()))
                    .isEqualTo("MAL-2026-77");
            assertThat(jdbc.queryForObject("select decorrenza from contratto where assegnazione_id = ?", LocalDate.class, contratto.id()))
                    .isEqualTo(oggi.plusDays(1));
            assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, contratto.alloggio())).isEqualTo("OCCUPATO");
        } finally {
            pratiche.togli(contratto);
        }
    }

    @Test
    void dalModuloDiApprovazioneLaGraduatoriaSiScaricaConLAccessoATasklist() throws IOException {
        PraticheDeiModuli.Pratica approvazione = pratiche.graduatoriaDaApprovare("RTOMRC80A15L682D");
        Path cartella = Files.createDirectories(Path.of("target", "browser", "scaricati")).toAbsolutePath();
        try (Stream<Path> vecchi = Files.list(cartella)) {
            for (Path vecchio : vecchi.toList()) {
                Files.delete(vecchio);
            }
        }
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", cartella.toString()));
        try {
            apri(approvazione.taskId());
            // Tasklist draws the form again once the task is taken: read it afresh until it shows the case
            attesa.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(".fjs-container"))
                    .stream().anyMatch(m -> m.getText().contains("Domande in graduatoria: 1")));
            WebElement modulo = browser.findElement(By.cssSelector(".fjs-container"));
            assertThat(modulo.getText()).contains("Graduatoria n. " + approvazione.id() + ", provvisoria", "Ente: Comune di Malnate",
                    "Comune: Malnate", "Avviso: SAP moduli di Malnate", "Scadenza:", "5 giorni dalla chiusura dell'avviso")
                    .doesNotContain("«Graduatorie»", "{{");
            foto("4-approvazione");

            WebElement xlsx = modulo.findElement(By.partialLinkText("foglio di calcolo"));
            assertThat(xlsx.getAttribute("href")).endsWith("/api/graduatorie/" + approvazione.id() + "/esportazione?formato=xlsx");
            xlsx.click();
            Path scaricato = attendiFile(cartella, ".xlsx");
            byte[] inizio = Files.readAllBytes(scaricato);
            assertThat(new String(inizio, 0, 2)).as("a zip (xlsx) file").isEqualTo("PK");

            browser.findElement(By.cssSelector(".fjs-container")).findElement(By.partialLinkText("punto e virgola")).click();
            assertThat(Files.readString(attendiFile(cartella, ".csv"))).contains(Long.toString(approvazione.domanda()));
        } finally {
            pratiche.togli(approvazione);
        }
    }

    /**
     * Issue 13 in the operators' inbox: the Comune di Malnate's «Comunica offerta abitativa» of an annual plan, taken in
     * Tasklist; an indigent threshold not above 20 % comes back beside its field with the figures kept; corrected, the
     * communication is received with its date and time.
     */
    @Test
    void laComunicazioneDelPianoAnnualeSiInviaDaTasklist() throws IOException {
        ClientHttp http = new ClientHttp(port);
        LocalDate oggi = LocalDate.now(ROMA);
        ClientHttp.Risposta piano = http.post("/api/programmazione", CAPOFILA, "{\"ambito\":\"VARESE\",\"anno\":2076,"
                + "\"inizioComunicazioni\":\"" + oggi + "\",\"fineComunicazioni\":\"" + oggi.plusDays(10) + "\"}");
        assertThat(piano.status()).as(piano.body()).isEqualTo(201);
        String istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey("programmazione-annuale")
                .processInstanceBusinessKey(piano.json().get("id").asText()).singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(istanza)
                .activityId("Timer_InizioComunicazioni").singleResult().getId());
        String task = taskService.createTaskQuery().processInstanceId(istanza).taskNameLike("%Comune di Malnate%").singleResult().getId();

        apri(task);
        attesa.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(".fjs-container"))
                .stream().anyMatch(m -> m.getText().contains("Schema comunicazione annuale")));
        assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("Piano annuale 2076", "Comune di Malnate",
                "Numero complessivo U.I. disponibili nell'anno", "Soglia % eccedente il 20% per indigenti").doesNotContain("{{");
        scrivi("Numero complessivo U.I. disponibili nell'anno", "37");
        scrivi("Numero U.I. libere e che si libereranno per effetto del turn-over", "20");
        scrivi("Categoria Sociale Anziani (soglia %)", "5");
        scrivi("Soglia % eccedente il 20% per indigenti", "15");
        completa(d -> !d.findElements(By.cssSelector(".piattaforma-errore-del-server")).isEmpty());
        WebElement motivo = attesa.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".piattaforma-errore-del-server")));
        assertThat(motivo.getText()).startsWith("Soglia % eccedente il 20% per indigenti:");
        assertThat(input("Numero complessivo U.I. disponibili nell'anno").getAttribute("value")).isEqualTo("37");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", motivo);
        foto("5-comunicazione-rifiutata");

        scrivi("Soglia % eccedente il 20% per indigenti", "25");
        completa(d -> taskService.createTaskQuery().taskId(task).count() == 0);
        foto("6-comunicazione-inviata");
        assertThat(jdbc.queryForMap("select alloggi_disponibili, alloggi_turn_over, inviata_da, ricevuta_il is not null as ricevuta"
                        + " from comunicazione_annuale where piano_id = ? and ente_id = (select id from ente_proprietario where codice_fiscale = ?)",
                piano.json().get("id").asLong(), CF_COMUNE_MALNATE))
                .containsEntry("alloggi_disponibili", 37).containsEntry("alloggi_turn_over", 20)
                .containsEntry("inviata_da", MALNATE).containsEntry("ricevuta", true);
    }

    /**
     * Issues 13 and 14 in Tasklist: the capofila's «Approva piano annuale» and the regional validator's «Valida richiesta
     * di abilitazione» show their case — the plan's communications, the request's operators — in Italian.
     */
    @Test
    void iModuliDelPianoEDelleAbilitazioniMostranoLaPratica() throws IOException {
        ClientHttp http = new ClientHttp(port);
        LocalDate oggi = LocalDate.now(ROMA);
        ClientHttp.Risposta piano = http.post("/api/programmazione", CAPOFILA, "{\"ambito\":\"VARESE\",\"anno\":2074,"
                + "\"inizioComunicazioni\":\"" + oggi + "\",\"fineComunicazioni\":\"" + oggi.plusDays(10) + "\"}");
        assertThat(piano.status()).as(piano.body()).isEqualTo(201);
        String istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey("programmazione-annuale")
                .processInstanceBusinessKey(piano.json().get("id").asText()).singleResult().getId();
        for (String timer : List.of("Timer_InizioComunicazioni", "Timer_FineComunicazioni")) {
            managementService.executeJob(managementService.createJobQuery().processInstanceId(istanza).activityId(timer)
                    .list().get(0).getId());
        }
        String approva = taskService.createTaskQuery().processInstanceId(istanza).taskDefinitionKey("UserTask_ApprovaPiano")
                .singleResult().getId();
        apri(approva, CAPOFILA);
        attesa.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(".fjs-container"))
                .stream().anyMatch(m -> m.getText().contains("2074")));
        assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("2074").doesNotContain("{{");
        foto("7-approva-piano");

        long varese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
        ClientHttp.Risposta richiesta = http.post("/api/enti/" + varese + "/abilitazioni", CAPOFILA, "{\"tipo\":\"ABILITAZIONE\",\"righe\":"
                + "[{\"ragioneSociale\":\"Comune di Varese\",\"nome\":\"Irene\",\"cognome\":\"Tasklist\",\"codiceFiscale\":\""
                + it.piattaformacasa.operatori.ModelloDiProva.nuovoCodiceFiscale() + "\",\"email\":\"irene@comune.varese.it\","
                + "\"telefono\":\"\",\"gestioneAvviso\":\"NO\",\"istruttoriaDomande\":\"SI\"}]}");
        assertThat(richiesta.status()).as(richiesta.body()).isEqualTo(201);
        String valida = taskService.createTaskQuery().processDefinitionKey("abilitazioni")
                .processInstanceBusinessKey(richiesta.json().get("id").asText()).singleResult().getId();
        apri(valida, VALIDATORE);
        attesa.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(".fjs-container"))
                .stream().anyMatch(m -> m.getText().contains("Irene")));
        assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("Irene", "Tasklist", "Comune di Varese")
                .doesNotContain("{{");
        foto("8-valida-abilitazione");
    }

    /** Logs in as Malnate's operator, opens the task and takes it in charge. */
    private void apri(String taskId) {
        apri(taskId, MALNATE);
    }

    /** Logs in as {@code utente}, opens the task and takes it in charge. */
    private void apri(String taskId, String utente) {
        chromium.accediDaCapo(base, utente, PASSWORD);
        new WebDriverWait(browser, java.time.Duration.ofSeconds(180))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.tasks-list, .tasks-list")));
        browser.get(base + "#/?task=" + taskId);
        attesa.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        attesa.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container .fjs-form-field")));
    }

    private WebElement campo(String etichetta) {
        return browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field')][.//label[normalize-space(.)=\""
                + etichetta + "\" or normalize-space(.)=\"" + etichetta + "*\"]]"));
    }

    private WebElement input(String etichetta) {
        return campo(etichetta).findElement(By.cssSelector("input, textarea"));
    }

    /** Types into the field once it has the focus (a calendar left open takes the keys otherwise). */
    private void scrivi(String etichetta, String testo) {
        attesa.until(d -> {
            // form-js may render the field anew while the form changes: type again into the current one
            WebElement input = input(etichetta);
            if (!testo.equals(input.getAttribute("value"))) {
                browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", input);
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                input.sendKeys(testo);
            }
            return testo.equals(input(etichetta).getAttribute("value"));
        });
        // form-js takes a typed value 300 ms after the last key: «Completa» clicked sooner submits the field empty
        Chromium.pausa(500);
    }


    /** A date as an Italian types it; Escape closes the calendar. */
    private void data(String etichetta, LocalDate giorno) {
        WebElement input = input(etichetta);
        // to the middle of the form first: at the bottom of the window Tasklist's footer covers the field
        chromium.clic(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(giorno.format(GG_MM_AAAA));
        input.sendKeys(Keys.ENTER);
        input.sendKeys(Keys.ESCAPE);
    }

    /**
     * Clicks «Completa» until {@code esito} shows: the button is enabled only once form-js has validated the last change,
     * which it does a moment after the input, so a click on a button still disabled is tried again.
     */
    private void completa(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> esito) throws IOException {
        try {
            attesa.until(d -> {
                if (Boolean.TRUE.equals(esito.apply(d))) {
                    return true;
                }
                List<WebElement> bottoni = d.findElements(By.xpath("//div[contains(@class,'form-actions')]//button[contains(@ng-click,'complete')]"));
                if (!bottoni.isEmpty() && bottoni.get(0).isEnabled()) {
                    // the page's footer lies over the bottom of the window, where the button stays: a click by script
                    browser.executeScript("arguments[0].click()", bottoni.get(0));
                }
                try {
                    return new WebDriverWait(d, java.time.Duration.ofSeconds(4)).until(x -> esito.apply(x));
                } catch (org.openqa.selenium.TimeoutException e) {
                    return false;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            foto("diagnosi");
            throw new AssertionError("Nessun esito del completamento; errori del modulo: " + browser.findElements(By.cssSelector(".fjs-form-field-error"))
                    .stream().map(WebElement::getText).toList(), e);
        }
    }

    private Path attendiFile(Path cartella, String estensione) {
        return attesa.until(d -> {
            try (Stream<Path> file = Files.list(cartella)) {
                return file.filter(f -> f.getFileName().toString().endsWith(estensione)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    private void foto(String nome) throws IOException {
        chromium.foto("moduli-" + nome);
    }
}
