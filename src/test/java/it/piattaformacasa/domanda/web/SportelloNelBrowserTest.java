package it.piattaformacasa.domanda.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * Issue 12, «Nuova domanda allo sportello»: an operator of the Comune di Varese files a domanda on a citizen's behalf in
 * seven steps in the browser — a step sent empty shows the API's own messages beside each field and at the top, the
 * draft survives leaving the page, the riepilogo presents it and the domanda records who filed it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SportelloNelBrowserTest {

    private static final String RICHIEDENTE = "BNCGLI90C41L682B";

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
    ClientHttp http;
    long avviso;
    long alloggio;
    String codiceAlloggio;

    @BeforeAll
    void unAvvisoAperto() {
        http = new ClientHttp(port);
        codiceAlloggio = "SPT-" + System.currentTimeMillis() % 100000;
        alloggio = jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select ?, e.id, c.id, 'Via dello Sportello 1', 1, 62, 3, true, false, 'LIBERO'
                  from ente_proprietario e, comune c where e.codice_fiscale = ? and c.codice_istat = '012133'
                returning id""", Long.class, codiceAlloggio, CF_COMUNE_VARESE);
        avviso = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("SAP – Sportello nel browser")
                .aperto(List.of(alloggi.findById(alloggio).orElseThrow()), List.of(CAPOFILA));
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        console.close();
        runtimeService.createProcessInstanceQuery().processDefinitionKey(AvvisoBpmn.PROCESS_ID).processInstanceBusinessKey(Long.toString(avviso))
                .list().forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "fine del test"));
    }

    @Test
    void unOperatorePresentaUnaDomandaAlloSportelloPassoDopoPasso() {
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/avvisi/" + avviso);
        console.clicca("Nuova domanda allo sportello");
        console.guarda("sportello-1-richiedente", "Passo 1 di 7");

        console.clicca("Avanti");
        console.guarda("sportello-1-errori", "La domanda non può essere presentata così");
        assertThat(console.testo()).contains("Richiedente – codice fiscale: il codice fiscale è obbligatorio",
                "Richiedente – data di nascita: la data di nascita è obbligatoria");
        WebElement codice = console.trova(By.id("r-codiceFiscale"));
        assertThat(codice.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(console.driver().findElement(By.id("r-codiceFiscale-errore")).getText()).isEqualTo("il codice fiscale è obbligatorio");

        scrivi("r-codiceFiscale", RICHIEDENTE);
        scrivi("r-nome", "Giulia");
        scrivi("r-cognome", "Bianchi");
        scrivi("r-dataNascita", "31/02/1990");
        console.clicca("Avanti");
        console.guarda("sportello-1-data-errata", "data non valida: scriverla come gg/mm/aaaa");
        assertThat(console.trova(By.id("r-nome")).getAttribute("value")).as("what was typed stays").isEqualTo("Giulia");
        scrivi("r-dataNascita", "01/03/1990");
        console.clicca("Avanti");

        console.guarda("sportello-2-nucleo", "Passo 2 di 7");
        console.clicca("Avanti");

        console.guarda("sportello-3-residenza", "Passo 3 di 7");
        scrivi("codiceIstatResidenza", "012133");
        scrivi("residenteLombardiaDal", "01/01/2000");
        scrivi("residenteComuneDal", "01/01/2005");
        console.clicca("Avanti");

        // the draft is in the database: leaving and coming back starts where the operator was
        console.vai("/");
        console.vai("/avvisi/" + avviso + "/sportello");
        console.guarda("sportello-4-isee", "Passo 4 di 7");
        scrivi("iseeValore", "7.000,00");
        scrivi("protocolloDsu", "INPS-ISEE-2026-BNCGLI");
        scrivi("dataDsu", "20/01/2026");
        scrivi("patrimonio", "0");
        console.clicca("Avanti");

        console.guarda("sportello-5-condizioni", "Passo 5 di 7");
        console.driver().findElement(By.cssSelector("label[for='condizione-coabitazione']")).click();
        console.clicca("Avanti");

        console.guarda("sportello-6-alloggi", "Passo 6 di 7");
        new Select(console.trova(By.id("alloggi-0"))).selectByVisibleText(codiceAlloggio + " – Varese, 62,000 m²");
        console.clicca("Avanti");

        console.guarda("sportello-7-riepilogo", "Passo 7 di 7");
        assertThat(console.testo()).contains("Giulia Bianchi (" + RICHIEDENTE + ")", "Coabitazione con altri nuclei", codiceAlloggio + " – Varese");
        console.clicca("Presenta la domanda");

        console.attesa().until(d -> d.getCurrentUrl().matches(".*/domande/\\d+$") || console.testo().contains("non può essere presentata"));
        console.foto("sportello-8-presentata");
        assertThat(console.driver().getCurrentUrl()).as(console.testo()).matches(".*/domande/\\d+$");
        long domanda = Long.parseLong(console.driver().getCurrentUrl().replaceAll(".*/domande/", ""));
        console.guarda("sportello-9-domanda", "presentata allo sportello: ISBAR");
        Map<String, Object> presentata = jdbc.queryForMap("select richiedente_cf, presentata_da, avviso_id from domanda where id = ?", domanda);
        assertThat(presentata).containsEntry("richiedente_cf", RICHIEDENTE).containsEntry("presentata_da", CAPOFILA)
                .containsEntry("avviso_id", avviso);
        assertThat(jdbc.queryForObject("select count(*) from bozza_domanda where avviso_id = ?", Integer.class, avviso))
                .as("the draft is gone once presented").isZero();
    }

    @Test
    void chiNonOperaPerUnEnteDellAmbitoNonApreLoSportello() {
        ClientHttp.Risposta analista = SessioneConsole.di(http, ANALISTA).get("/avvisi/" + avviso + "/sportello/1");
        assertThat(analista.status()).isEqualTo(403);
        assertThat(analista.body()).contains("si presentano allo sportello di un ente");
        ClientHttp.Risposta inviata = SessioneConsole.di(http, SUPERVISORE).post("/avvisi/" + avviso + "/sportello/1",
                Map.of("r.codiceFiscale", RICHIEDENTE));
        assertThat(inviata.status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from bozza_domanda where operatore = ?", Integer.class, SUPERVISORE)).isZero();
    }

    @Test
    void unPassoCheNonEsisteEUnaPaginaNonTrovata() {
        assertThat(SessioneConsole.di(http, CAPOFILA).get("/avvisi/" + avviso + "/sportello/9").status()).isEqualTo(404);
    }

    private void scrivi(String id, String testo) {
        console.scrivi(By.id(id), testo);
    }
}
