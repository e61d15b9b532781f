package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.assegnazione.process.IstruttoriaBpmn;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * «Verifica istruttoria» in a real Chromium (issue 11): an operator of the Comune di Varese opens the task in
 * Tasklist, reads the domanda, the nucleo, ISBAR with its explanation, the alloggi chosen and the art. 15 order, picks
 * the alloggio among the nucleo's choices and completes; another completes a ricalcolo with the checklist. Screenshots:
 * target/browser/verifica-istruttoria-*.png.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerificaIstruttoriaNelBrowserTest {

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
    GraduatoriaRepository graduatorie;
    @Autowired
    GraduatoriaService graduatorieService;
    @Autowired
    JdbcTemplate jdbc;

    Chromium chromium;
    ChromeDriver browser;
    WebDriverWait attesa;
    ClientHttp http;
    List<Alloggio> diVarese;
    long prima;
    long seconda;
    long graduatoria;

    @BeforeAll
    void scenario() {
        chromium = Chromium.italiano();
        browser = chromium.driver;
        attesa = chromium.attesa;
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("SAP 2027 ambito di Varese");
        diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 2);
        long avviso = scenario.aperto(List.of(diVarese.get(0), diVarese.get(1)), List.of(CAPOFILA, CAPOFILA));
        prima = presenta(avviso, "CRSLNE66H50L682W", "Elena", "Corsi", 2_500, List.of(diVarese.get(1), diVarese.get(0)));
        seconda = presenta(avviso, "RVIPLA82C03L682J", "Paolo", "Rivi", 9_000, List.of(diVarese.get(0)));
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, aggiornato_il, aggiornato_da)
                select e.id, c.id, ?, 10, now(), 'test' from ente_proprietario e, comune c
                 where e.codice_fiscale = ? and c.codice_istat = '012133'
                on conflict (ente_id, comune_id, anno) do nothing""", LocalDate.now(ZoneId.of("Europe/Rome")).getYear(),
                CF_COMUNE_VARESE);
        Graduatoria definitiva = scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService, jdbc, true).get(0);
        graduatoria = definitiva.getId();
    }

    @AfterAll
    void chiudi() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private long presenta(long avviso, String cf, String nome, String cognome, int isee, List<Alloggio> scelti) {
        String body = "{\"nucleo\":[{\"codiceFiscale\":\"" + cf + "\",\"nome\":\"" + nome + "\",\"cognome\":\"" + cognome
                + "\",\"dataNascita\":\"19" + cf.substring(6, 8) + "-01-01\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0}],"
                + "\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"2000-01-01\","
                + "\"residenteComuneDal\":\"2005-01-01\"},\"isee\":{\"valore\":" + isee + ",\"protocolloDsu\":\"INPS-BRW-"
                + cf.substring(0, 6) + "\",\"dataDsu\":\"2026-01-20\"},\"patrimonio\":0,"
                + "\"condizioni\":{\"coabitazione\":true,\"sovraffollamento\":true},\"alloggi\":["
                + String.join(",", scelti.stream().map(a -> Long.toString(a.getId())).toList()) + "]}";
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        return risposta.json().get("id").asLong();
    }

    private Task avvia(long domanda) {
        ClientHttp.Risposta avviata = http.post("/api/graduatorie/" + graduatoria + "/istruttorie", VARESE_ISTRUTTORIA,
                "{\"domandaId\":" + domanda + "}");
        assertThat(avviata.status()).as(avviata.body()).isEqualTo(201);
        return taskService.createTaskQuery().processDefinitionKey(IstruttoriaBpmn.PROCESS_ID)
                .processInstanceBusinessKey(avviata.json().get("id").asText()).singleResult();
    }

    @Test
    void unOperatoreLeggeLaDomandaSceglieLAlloggioEAssegnaPoiUnAltroConfermaUnRicalcolo() throws IOException {
        Task task = avvia(prima);
        String base = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        accedi(base, VARESE_ISTRUTTORIA);

        browser.get(base + "#/?task=" + task.getId());
        WebElement modulo = attesa.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        attesa.until(d -> modulo.getText().contains("Domanda n. " + prima));
        String letto = modulo.getText();
        assertThat(letto).contains("Domanda n. " + prima, "Richiedente: Elena Corsi", "residente a Varese",
                "Punteggio ISBAR:", "Condizioni abitative:", "Alloggi scelti dal nucleo presso Comune di Varese",
                diVarese.get(1).getCodiceUi(), "comune di residenza", "è la prossima", "Esito");
        assertThat(letto).as("nothing internal").doesNotContain("{{", "schedaDomanda", "alloggiAssegnabili", "fuoriOrdine",
                "AMMISSIBILE", "\\", "CRSLNE66H50L682W");
        assertThat(modulo.findElements(By.cssSelector(".fjs-form-field-select"))).as("no alloggio asked before the outcome").isEmpty();
        chromium.foto("verifica-istruttoria-1-modulo");

        clicca(modulo.findElement(By.xpath(".//label[contains(normalize-space(.), 'Ammissibile: conferma assegnazione')]")));
        WebElement scelta = attesa.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-form-field-select .fjs-input-group")));
        assertThat(modulo.getText()).as("in order: no reason asked").doesNotContain("Motivo dell'assegnazione fuori");
        assertThat(scelta.getText()).isEqualTo("Seleziona");
        clicca(scelta);
        List<WebElement> opzioni = attesa.until(d -> {
            List<WebElement> voci = modulo.findElements(By.cssSelector(".fjs-dropdownlist-item"));
            return voci.isEmpty() ? null : voci;
        });
        assertThat(opzioni).as("the nucleo's two choices at this ente, nothing else").hasSize(2);
        assertThat(opzioni.get(0).getText()).startsWith(diVarese.get(1).getCodiceUi() + " – Varese, ").endsWith("(1ª scelta)");
        assertThat(opzioni.get(1).getText()).startsWith(diVarese.get(0).getCodiceUi()).endsWith("(2ª scelta)");
        chromium.foto("verifica-istruttoria-2-scelta-alloggio");
        clicca(opzioni.get(0));
        attesa.until(d -> scelta.getText().startsWith(diVarese.get(1).getCodiceUi()));
        chromium.foto("verifica-istruttoria-3-alloggio-scelto");
        completa(task, "verifica-istruttoria-4-errore");
        assertThat(jdbc.queryForObject("select alloggio_id from assegnazione where domanda_id = ?", Long.class, prima))
                .isEqualTo(diVarese.get(1).getId());
        chromium.foto("verifica-istruttoria-4-assegnato");

        // the other domanda: the checklist starts as declared; unticking sovraffollamento lowers the score
        BigDecimal isbar = jdbc.queryForObject("select coalesce(isbar_lavoro, isbar) from domanda where id = ?", BigDecimal.class,
                seconda);
        Task ricalcolo = avvia(seconda);
        browser.get(base + "#/?task=" + ricalcolo.getId());
        WebElement altro = attesa.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        attesa.until(d -> altro.getText().contains("Domanda n. " + seconda));
        clicca(altro.findElement(By.xpath(".//label[contains(normalize-space(.), 'Dati da correggere')]")));
        WebElement sovraffollamento = attesa.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'fjs-form-field-checklist')]//label[normalize-space(.)='Sovraffollamento']")));
        WebElement casella = (WebElement) browser.executeScript("const l = arguments[0]; "
                + "return document.getElementById(l.htmlFor) || l.querySelector('input');", sovraffollamento);
        assertThat(casella.isSelected()).as("ticked as declared").isTrue();
        clicca(sovraffollamento);
        assertThat(casella.isSelected()).isFalse();
        chromium.foto("verifica-istruttoria-5-ricalcolo");
        completa(ricalcolo, "verifica-istruttoria-6-errore");
        assertThat(jdbc.queryForObject("select stato from istruttoria where domanda_id = ?", String.class, seconda))
                .isEqualTo("RICALCOLATA");
        assertThat(jdbc.queryForObject("select isbar_lavoro from domanda where id = ?", BigDecimal.class, seconda)).isLessThan(isbar);
        assertThat(jdbc.queryForObject("select coalesce(condizioni ->> 'sovraffollamento', 'false') from domanda where id = ?",
                String.class, seconda)).isEqualTo("false");
        assertThat(jdbc.queryForObject("select condizioni ->> 'coabitazione' from domanda where id = ?", String.class, seconda))
                .isEqualTo("true");
    }

    /** The form is longer than the window: what the operator clicks is scrolled into view first, as they would. */
    private void clicca(WebElement elemento) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", elemento);
        attesa.until(ExpectedConditions.elementToBeClickable(elemento)).click();
    }

    /** «Completa», then the task is gone; if not, what the page showed is in the screenshot and the message. */
    private void completa(Task task, String fotoSeNo) throws IOException {
        chromium.risposte();
        clicca(browser.findElement(By.xpath("//div[contains(@class,'form-actions')]//button[contains(@ng-click,'complete')]")));
        try {
            attesa.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        } catch (org.openqa.selenium.TimeoutException e) {
            chromium.foto(fotoSeNo);
            throw new AssertionError("Attività non completata: " + chromium.risposte().stream().filter(r -> r.stato() >= 400).toList()
                    + "\n" + chromium.testo(), e);
        }
    }

    /** Logs in through Tasklist's own form, as whoever was logged in before leaves. */
    private void accedi(String base, String utente) {
        chromium.accediDaCapo(base, utente, PASSWORD);
        attesa.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.tasks-list, .tasks-list")));
    }
}
