package it.piattaformacasa.report.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * «Report» in a browser: an operator of ALER opens it from the menu, picks «Report con le domande in avviso» and its
 * avviso, presses «Mostra» and reads the domande in a table with the downloads beside it; then the «stato delle
 * assegnazioni» of the Comune di Varese's year, as the Comune's operator.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportNelBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    ConsoleNelBrowser console;
    long avviso;
    long domanda;

    @BeforeAll
    void apri() {
        ClientHttp http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("Avviso dei report nel browser");
        Alloggio diAler = scenario.alloggiDi(CF_ALER, StatoAlloggio.LIBERO, 20).stream()
                .filter(a -> a.getComune().getNome().equals("Varese")
                        && a.getSuperficieUtile().compareTo(new BigDecimal("45")) >= 0).findFirst().orElseThrow();
        avviso = scenario.aperto(List.of(diAler), List.of(ALER_AVVISO));
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, DomandaDiProva.unaDomanda(
                CodiceFiscale.conControllo("RPTBRW82A41L682"), diAler.getId()).json());
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        domanda = risposta.json().get("id").asLong();
        // the Comune di Varese's plan for a year no other test uses
        long comuneDiVarese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class,
                CF_COMUNE_VARESE);
        ClientHttp.Risposta piano = http.invia(http.richiesta("/api/enti/" + comuneDiVarese + "/riserve/2047/012133", CAPOFILA)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"alloggiDisponibili":25,"sogliaIndigentiComune":0,"percentualeCategorie":8,"categorie":["ANZIANI","DISABILI"],
                         "percentualeForzePolizia":0,"percentualePoliziaLocale":0}""")).build());
        assertThat(piano.status()).as(piano.body()).isEqualTo(200);
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        console.close();
    }

    @Test
    void lOperatoreSceglieIlReportELAvvisoEVedeLaTabella() {
        console.accedi(ALER_AVVISO, PASSWORD);
        console.trova(By.cssSelector("#menu-principale a[href='/report']")).click();
        console.guarda("report-elenco", "Report dinamico delle assegnazioni (Art. 14)");
        assertThat(console.trova(By.cssSelector("#menu-principale a.active")).getText()).isEqualTo("Report");

        console.clicca("Report con le domande in avviso");
        console.guarda("report-filtri", "Scegli l'avviso");
        new Select(console.trova(By.id("filtro-avviso"))).selectByValue(Long.toString(avviso));
        console.clicca("Mostra");
        console.guarda("report-domande-in-avviso", "1 riga.");
        // the wide table scrolls inside its region: the page itself is no wider than the window
        assertThat((Boolean) console.driver().executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
        assertThat(console.testoDi(By.id("tabella-report"))).contains(Long.toString(domanda), "Prova", "Richiedente",
                "PRESENTATA", "Varese");
        assertThat(console.trova(By.linkText("Scarica (.xlsx)")).getAttribute("href"))
                .contains("/report/scarica?report=domande-in-avviso&avviso=" + avviso, "formato=xlsx");

        // the comune filter now lists the avviso's comuni
        new Select(console.trova(By.id("filtro-comune"))).selectByVisibleText("Varese");
        new Select(console.trova(By.id("filtro-stato"))).selectByVisibleText("Assegnataria");
        console.clicca("Mostra");
        console.guarda("report-filtrato-vuoto", "Nessuna riga per questi filtri.");
    }

    @Test
    void lOperatoreDelComuneLeggeLoStatoDelleAssegnazioni() {
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/report");
        console.clicca("Report dinamico delle assegnazioni (Art. 14)");
        new Select(console.trova(By.id("filtro-ente"))).selectByVisibleText("Comune di Varese");
        console.scrivi(By.id("filtro-anno"), "2047");
        console.clicca("Mostra");
        console.guarda("report-stato-assegnazioni", "di cui Disabili");
    }
}
