package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.avviso.process.AvvisoBpmn;

/**
 * Tasklist, Cockpit, Admin and Welcome as the demo users see them in a browser whose first language is Italian:
 * Italian words on the main screens, dates gg/mm/aaaa, groups by name, no banner about Camunda 8, and no request
 * that fails while a page loads (the webapps used to get a 404 for «who is logged in», for /camunda-welcome and for
 * the password policy). English stays available to a browser that asks for it first. Screenshots in target/browser.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebappInItalianoNelBrowserTest {

    private static final String DATA_E_ORA = "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}";

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

    Chromium chromium;
    /** The Comune di Varese's «Seleziona alloggi per l'avviso», candidate group ente-…-avviso. */
    Task diVarese;
    String definizioneAvviso;

    @BeforeAll
    void prepara() {
        long avviso = new ScenarioAvviso(new ClientHttp(port), runtimeService, managementService, alloggi).predisposto();
        String istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(avviso)).singleResult().getId();
        diVarese = taskService.createTaskQuery().processInstanceId(istanza)
                .taskCandidateGroup("ente-" + CF_COMUNE_VARESE + "-avviso").singleResult();
        definizioneAvviso = diVarese.getProcessDefinitionId();
        chromium = Chromium.italiano();
    }

    @AfterAll
    void chiudi() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** A failed test leaves the page it stopped on, as a screenshot and as text. */
    @RegisterExtension
    final TestWatcher fotoDelFallimento = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext contesto, Throwable causa) {
            try {
                chromium.foto("fallito-" + contesto.getRequiredTestMethod().getName());
                Files.writeString(Path.of("target", "browser", "fallito-" + contesto.getRequiredTestMethod().getName() + ".txt"),
                        chromium.driver.getCurrentUrl() + "\n" + chromium.testo() + "\n" + chromium.risposte());
            } catch (IOException | RuntimeException e) {
                causa.addSuppressed(e);
            }
        }
    };

    /** Each test starts with nobody logged in, from a page of the platform that runs no script of its own. */
    @BeforeEach
    void nessunoCollegato() {
        chromium.driver.get(url("/actuator/health"));
        chromium.esci();
        assertThat(chromium.driver.manage().getCookies()).isEmpty();
        chromium.risposte();
    }

    @Test
    void tasklistParlaItalianoEPrendereInCaricoSiChiamaCosi() throws IOException {
        chromium.driver.get(url("/camunda/app/tasklist/default/"));
        // nobody logged in yet: the platform's login (issue 14), in Italian, not the webapp's own form
        attendiTesto(By.cssSelector("main form button[type='submit']"), "Accedi");
        assertThat(chromium.driver.getCurrentUrl()).endsWith("/accesso");
        assertThat(chromium.driver.findElement(By.cssSelector("label[for='username']")).getText()).isEqualTo("Nome utente");
        assertThat(chromium.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("it");
        chromium.foto("italiano-tasklist-1-accesso");
        senzaErrori(chromium.risposte());

        chromium.accedi(CAPOFILA, PASSWORD);
        attendiTesto(By.cssSelector("[cam-widget-header]"), "Avvia processo");
        chromium.driver.get(url("/camunda/app/tasklist/default/#/?task=" + diVarese.getId()));
        WebElement prendi = attendiTesto(By.cssSelector("button.claim"), "Prendi in carico");
        attendiTesto(By.cssSelector("[cam-tasklist-task-meta] .groups"), "Comune di Varese – Gestione avviso");
        // the list loads after the task: its rows say when each task is due
        attendiTesto(By.tagName("body"), "Scadenza tra");
        String pagina = chromium.testo();
        assertThat(pagina).contains("Scorciatoie da tastiera", "Crea attività", "Avvia processo", "Le attività del mio ente",
                "Data di creazione", "Scadenza tra", "Fissa promemoria", "Modulo", "Cronologia", "Diagramma", "Descrizione",
                "Date e orari nel fuso orario locale: Europe/Rome")
                .doesNotContain("Claim", "Keyboard Shortcuts", "Start process", "Created", "Set due date", "Camunda 8");
        senzaBannerDiMigrazione();
        chromium.foto("italiano-tasklist-2-attivita");

        prendi.click();
        attendiTesto(By.cssSelector("[cam-tasklist-task-meta] .assignee"), "Giulia Bianchi");
        assertThat(chromium.testo()).contains("Completa", "Salva");
        chromium.foto("italiano-tasklist-3-presa-in-carico");
        senzaErrori(chromium.risposte());
        assertThat(taskService.createTaskQuery().taskId(diVarese.getId()).singleResult().getAssignee()).isEqualTo(CAPOFILA);
    }

    @Test
    void cockpitMostraAlSupervisoreGruppiPerNomeEDateItaliane() throws IOException {
        chromium.driver.get(url("/camunda/app/cockpit/default/"));
        chromium.accedi(SUPERVISORE, PASSWORD);
        attendiTesto(By.tagName("body"), "Istanze di processo in corso");
        assertThat(chromium.testo()).contains("Processi", "Decisioni", "Attività umane", "Incidenti aperti",
                "Attività umane aperte", "Definizioni di processo").doesNotContain("Running Process Instances", "Camunda 8");
        assertThat(chromium.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("it");
        senzaBannerDiMigrazione();
        chromium.foto("italiano-cockpit-1-cruscotto");

        chromium.driver.get(url("/camunda/app/cockpit/default/#/tasks"));
        attendiTesto(By.tagName("body"), "Comune di Varese – Gestione avviso");
        assertThat(chromium.testo()).contains("Assegnazioni per gruppo", "Assegnazioni per tipo")
                .doesNotContain("ente-" + CF_COMUNE_VARESE + "-avviso");
        chromium.foto("italiano-cockpit-2-attivita-per-gruppo");

        chromium.driver.get(url("/camunda/app/cockpit/default/#/process-definition/" + definizioneAvviso + "/runtime"));
        chromium.attesa.until(d -> chromium.testo().matches("(?s).*" + DATA_E_ORA + ".*"));
        assertThat(chromium.testo()).contains("Istanze di processo", "Ora di avvio", "Chiave di business");
        chromium.foto("italiano-cockpit-3-processo");
        senzaErrori(chromium.risposte());
    }

    @Test
    void adminMostraAllAmministratoreUtentiEGruppiInItaliano() throws IOException {
        chromium.driver.get(url("/camunda/app/admin/default/"));
        chromium.accedi(ADMIN, PASSWORD);
        attendiTesto(By.cssSelector("[cam-widget-header]"), "Autorizzazioni");
        assertThat(chromium.testo()).contains("Utenti", "Gruppi", "Sistema", "Crea un nuovo utente", "Elenco dei gruppi")
                .doesNotContain("Users", "Authorizations", "Camunda 8");
        senzaBannerDiMigrazione();
        chromium.foto("italiano-admin-1-cruscotto");

        chromium.driver.get(url("/camunda/app/admin/default/#/groups"));
        attendiTesto(By.tagName("body"), "Comune di Malnate – Gestione avviso");
        assertThat(chromium.testo()).contains("Elenco dei gruppi", "Nome", "Tipo", "Azione");
        chromium.foto("italiano-admin-2-gruppi");
        senzaErrori(chromium.risposte());
    }

    @Test
    void welcomeSiApreConAccessoEProfiloInItaliano() throws IOException {
        chromium.driver.get(url("/camunda/app/welcome/default/"));
        attendiTesto(By.cssSelector("main form button[type='submit']"), "Accedi");

        chromium.accedi(CAPOFILA, PASSWORD);
        assertThat(chromium.driver.getCurrentUrl()).contains("/camunda/app/welcome/default/");
        attendiTesto(By.tagName("body"), "Comune di Varese – Gestione avviso");
        assertThat(chromium.testo()).contains("Applicazioni", "Tasklist", "Profilo", "Gruppi", "Giulia Bianchi",
                "Modifica il profilo", "Cambia la password", "Ambito di Varese – Comune capofila")
                .doesNotContain("Applications", "Camunda 8");
        senzaBannerDiMigrazione();
        chromium.foto("italiano-welcome-2-profilo");
        // the profile asks for the password policy, switched off here: 204 for an operator too, never 403 or 404
        List<Chromium.Risposta> risposte = chromium.risposte();
        assertThat(risposte).anySatisfy(r -> {
            assertThat(r.url()).endsWith("/identity/password-policy");
            assertThat(r.stato()).isEqualTo(204);
        });
        senzaErrori(risposte);
    }

    @Test
    void unOperatoreCheApreCockpitLeggeInItalianoCheNonPuo() throws IOException {
        chromium.driver.get(url("/camunda/app/tasklist/default/"));
        chromium.accedi(MALNATE, PASSWORD);
        attendiTesto(By.cssSelector("[cam-widget-header]"), "Avvia processo");
        chromium.risposte();
        chromium.driver.get(url("/camunda/app/cockpit/default/"));
        attendiTesto(By.tagName("body"), "Nessun accesso a Cockpit");
        chromium.foto("italiano-cockpit-operatore");
        // the refusal itself is the only failed request (its icon is the webapps' own)
        assertThat(chromium.risposte()).filteredOn(r -> r.stato() >= 400)
                .containsExactly(new Chromium.Risposta(403, url("/camunda/app/cockpit/default/")));
    }

    @Test
    void chiHaIlBrowserInIngleseLeggeInInglese() throws IOException {
        try (Chromium inglese = new Chromium("en-US,en")) {
            inglese.driver.get(url("/camunda/app/tasklist/default/"));
            inglese.accedi(CAPOFILA, PASSWORD);
            inglese.attesa.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-widget-header]"), "Start process"));
            inglese.foto("inglese-tasklist");
        }
    }

    private String url(String percorso) {
        return "http://localhost:" + port + percorso;
    }

    private WebElement attendiTesto(By dove, String testo) {
        chromium.attesa.until(ExpectedConditions.textToBePresentInElementLocated(dove, testo));
        return chromium.driver.findElement(dove);
    }

    /** Nothing the page asked for failed, and /camunda-welcome (a page this application does not have) was not asked. */
    private static void senzaErrori(List<Chromium.Risposta> risposte) {
        assertThat(risposte).isNotEmpty();
        assertThat(risposte).filteredOn(r -> r.stato() >= 400).isEmpty();
        assertThat(risposte).noneMatch(r -> r.url().matches("https?://[^/]+/camunda-welcome([/?].*)?"));
    }

    private void senzaBannerDiMigrazione() {
        assertThat(chromium.driver.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
    }
}
