package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
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

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.avviso.process.AvvisoBpmn;

/**
 * The engine guard must not get in the way of an honest operator: in a real Chromium, capofila opens Tasklist, takes
 * the Comune di Varese's «Seleziona alloggi per l'avviso» and completes its form, as any operator would. The form's
 * values end up on that task only. A screenshot of each step is left in target/browser ({@link Chromium}).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistNelBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;

    Chromium chromium;
    ChromeDriver browser;
    WebDriverWait attesa;

    @BeforeAll
    void browser() {
        chromium = Chromium.italiano();
        browser = chromium.driver;
        attesa = chromium.attesa;
    }

    @AfterAll
    void chiudi() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void unOperatorePrendeInCaricoECompletaLaSuaAttivitaInTasklist() throws IOException {
        ClientHttp http = new ClientHttp(port);
        long avviso = new ScenarioAvviso(http, runtimeService, managementService, alloggi).predisposto();
        String istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(avviso)).singleResult().getId();
        Task diVarese = taskService.createTaskQuery().processInstanceId(istanza)
                .taskCandidateGroup("ente-" + CF_COMUNE_VARESE + "-avviso").singleResult();
        String base = "http://localhost:" + port + "/camunda/app/tasklist/default/";

        browser.get(base);
        attesa.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(CAPOFILA);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        attesa.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.tasks-list, .tasks-list")));
        foto("1-accesso");

        browser.get(base + "#/?task=" + diVarese.getId());
        attesa.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        WebElement conferma = attesa.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".fjs-container input[type='checkbox']")));
        foto("2-presa-in-carico");
        conferma.click();
        browser.findElement(By.cssSelector(".fjs-container textarea")).sendKeys("Inseriti i due alloggi di via Sacco");
        foto("3-modulo");
        WebElement completa = browser.findElement(By.xpath("//div[contains(@class,'form-actions')]//button[contains(@ng-click,'complete')]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", completa);
        attesa.until(ExpectedConditions.elementToBeClickable(completa)).click();
        attesa.until(d -> taskService.createTaskQuery().taskId(diVarese.getId()).count() == 0);
        foto("4-completata");

        Map<String, Object> registro = new HashMap<>();
        historyService.createHistoricVariableInstanceQuery().taskIdIn(diVarese.getId()).list()
                .forEach(v -> registro.put(v.getName(), v.getValue()));
        assertThat(registro).containsEntry("selezioneCompletata", true)
                .containsEntry("noteSelezione", "Inseriti i due alloggi di via Sacco").containsEntry("completataDa", CAPOFILA);
        // the other enti's tasks are still open and carry nothing of it
        List<Task> altre = taskService.createTaskQuery().processInstanceId(istanza).list();
        assertThat(altre).hasSize(2);
        for (Task altra : altre) {
            assertThat(taskService.getVariables(altra.getId())).doesNotContainKeys("noteSelezione", "selezioneCompletata");
        }
    }

    private void foto(String nome) throws IOException {
        chromium.foto("tasklist-" + nome);
    }
}
