package it.piattaformacasa.domanda.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * Issue 16 in Chromium on a phone (390×844): the demo citizen Chiara Colombo logs in, finds the open avviso, reads its
 * alloggi, fills in the domanda step by step (a step sent wrong shows the API's message beside its field), checks the
 * requirements on the riepilogo, presents it and lands on the page with the ricevuta's download link. Every page is
 * looked at (screenshot) and checked with axe-core.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomandaOnlineNelBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    JdbcTemplate jdbc;

    ConsoleNelBrowser console;
    long avviso;
    String codiceAlloggio;

    @BeforeAll
    void unAvvisoAperto() {
        ClientHttp http = new ClientHttp(port);
        codiceAlloggio = "TEL-" + System.nanoTime() % 100000;
        long alloggio = DomandaOnlineTest.nuovoAlloggio(jdbc, codiceAlloggio, CF_COMUNE_VARESE, "012133", "Via del Telefono 3", 64);
        avviso = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("SAP – Domanda dal telefono")
                .aperto(List.of(alloggi.findById(alloggio).orElseThrow()), List.of(CAPOFILA));
        console = new ConsoleNelBrowser(port);
        console.driver().manage().window().setSize(new Dimension(390, 844));
    }

    @AfterAll
    void chiudi() {
        console.close();
        runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID)
                .processInstanceBusinessKey(Long.toString(avviso)).list()
                .forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "fine del test"));
    }

    @Test
    void unaCittadinaPresentaLaDomandaDalTelefonoEScaricaLaRicevuta() {
        console.accedi(CITTADINO_COLOMBO, PASSWORD);
        console.guarda("online-0-area", "Buongiorno, Chiara Colombo");
        console.clicca("Avvisi aperti");
        console.guarda("online-1-avvisi", "SAP – Domanda dal telefono");
        console.clicca("SAP – Domanda dal telefono");
        console.guarda("online-2-avviso", "Via del Telefono 3");
        assertThat(console.testo()).contains("Riscaldamento", "Centralizzato", "Quali alloggi puoi scegliere");
        console.clicca("Compila la domanda");

        console.guarda("online-3-richiedente", "Passo 1 di 7");
        assertThat(console.testo()).contains(CF_CITTADINO_COLOMBO);
        assertThat(console.driver().findElements(By.id("r-codiceFiscale"))).as("the codice fiscale is no field").isEmpty();
        assertThat(console.trova(By.id("r-nome")).getAttribute("value")).isEqualTo("Chiara");
        scrivi("r-dataNascita", "31/02/1985");
        console.clicca("Avanti");
        console.guarda("online-3-errore", "data non valida: scriverla come gg/mm/aaaa");
        scrivi("r-dataNascita", "01/08/1985");
        console.clicca("Avanti");

        console.guarda("online-4-nucleo", "Passo 2 di 7");
        console.clicca("Avanti");
        console.guarda("online-5-residenza", "Passo 3 di 7");
        scrivi("codiceIstatResidenza", "012133");
        scrivi("residenteLombardiaDal", "01/01/2000");
        scrivi("residenteComuneDal", "01/01/2005");
        console.clicca("Avanti");

        console.guarda("online-6-isee", "Passo 4 di 7");
        scrivi("iseeValore", "8.000,00");
        scrivi("protocolloDsu", "INPS-ISEE-2026-CLM");
        scrivi("dataDsu", "20/01/2026");
        scrivi("patrimonio", "0");
        console.clicca("Avanti");

        console.guarda("online-7-condizioni", "Passo 5 di 7");
        // on a phone the label may sit under Bootstrap Italia's back-to-top button while the page scrolls smoothly
        console.driver().executeScript("arguments[0].click()", console.driver().findElement(By.id("condizione-coabitazione")));
        assertThat(console.driver().findElement(By.id("condizione-coabitazione")).isSelected()).isTrue();
        console.clicca("Avanti");

        console.guarda("online-8-alloggi", "Passo 6 di 7");
        assertThat(console.testo()).contains("Lo puoi scegliere");
        new Select(console.trova(By.id("alloggi-0"))).selectByVisibleText(codiceAlloggio + " – Varese, 64,000 m²");
        console.clicca("Avanti");

        console.guarda("online-9-riepilogo", "La domanda supera la verifica dei requisiti");
        console.clicca("Presenta la domanda");

        console.guarda("online-10-presentata", "Domanda presentata");
        assertThat(console.driver().getCurrentUrl()).matches(".*/cittadino/domande/\\d+/presentata$");
        String ricevuta = console.trova(By.id("ricevuta")).getAttribute("href");
        assertThat(ricevuta).matches(".*/cittadino/domande/\\d+/ricevuta$");
        assertThat(console.testoDi(By.id("ricevuta"))).isEqualTo("Scarica la ricevuta (PDF)");
    }

    private void scrivi(String id, String testo) {
        console.scrivi(By.id(id), testo);
    }
}
