package it.piattaformacasa.assegnazione.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.config.ConsoleNelBrowser;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Issue 12 in the browser: a supervisor opens the avviso's generations from the definitive graduatoria and re-runs one
 * («Riprodotta: sì»); the Comune di Varese's Gestione Avviso operator confirms «Avvia il ripescaggio», adds an alloggio
 * freed after a sgombero — first with the spese written wrong, then right — and the API sees both.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RipescaggioEGenerazioniNelBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
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

    ClientHttp http;
    ConsoleNelBrowser console;
    long avviso;
    long graduatoria;
    long liberato;
    String codiceLiberato;

    @BeforeAll
    void unaGraduatoriaDefinitivaEUnAlloggioLiberato() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("Avviso del ripescaggio nel browser");
        Alloggio diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 1).get(0);
        avviso = scenario.aperto(List.of(diVarese), List.of(CAPOFILA));
        ClientHttp.Risposta domanda = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA,
                DomandaDiProva.json(CodiceFiscale.conControllo("RPSBRW80A01L682"), diVarese.getId()));
        assertThat(domanda.status()).as(domanda.body()).isEqualTo(201);
        List<Graduatoria> definitive = scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService, jdbc, true);
        graduatoria = definitive.get(0).getId();
        codiceLiberato = "VA-SGOMBERO-" + graduatoria;
        liberato = jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select ?, e.id, c.id, 'Via Sacco 12', 2, 64.5, 3, true, false, 'LIBERO'
                  from ente_proprietario e, comune c where e.codice_fiscale = ? and c.codice_istat = '012133'
                returning id""", Long.class, codiceLiberato, CF_COMUNE_VARESE);
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    @Order(1)
    void ilSupervisoreRiesegueUnaGenerazioneDallaGraduatoria() {
        console.accedi(SUPERVISORE, PASSWORD);
        console.vai("/graduatorie/" + graduatoria);
        console.guarda("graduatoria-generazioni", "Registro delle generazioni delle graduatorie dell'avviso");
        assertThat(console.testo()).doesNotContain("Avvia il ripescaggio");
        console.clicca("Apri le generazioni e riesegui");
        console.guarda("generazioni", "Generazioni registrate");
        assertThat(console.testo()).contains("Graduatorie provvisorie", "Graduatoria definitiva", "Secondo step del r.r. 2/2025",
                "Criterio finale: domanda presentata prima");
        console.clicca("Riesegui");
        console.guarda("generazioni-riesecuzione", "Riprodotta: sì");
        assertThat(console.testoDi(By.id("impronte"))).contains("Dati di ingresso", "Risultato");
    }

    @Test
    @Order(2)
    void lOperatoreConfermaIlRipescaggioEAggiungeUnAlloggioLiberato() {
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/graduatorie/" + graduatoria);
        console.guarda("graduatoria-ripescaggio", "Avvia il ripescaggio");
        console.clicca("Avvia il ripescaggio");
        console.guarda("ripescaggio-conferma", "Confermi l'avvio del ripescaggio?");
        assertThat(http.get("/api/graduatorie/" + graduatoria, CAPOFILA).json().get("graduatoria").get("stato").asText())
                .as("nothing sent before the confirmation").isEqualTo("DEFINITIVA");
        console.clicca("Conferma: avvia il ripescaggio");
        console.guarda("ripescaggio-avviato", "Ripescaggio avviato");
        assertThat(console.testo()).contains("Graduatoria in ripescaggio", "Aggiungi un alloggio liberato");
        assertThat(http.get("/api/graduatorie/" + graduatoria, CAPOFILA).json().get("graduatoria").get("stato").asText())
                .isEqualTo("RIPESCAGGIO");

        new Select(console.trova(By.id("alloggioId"))).selectByValue(Long.toString(liberato));
        console.scrivi(By.id("tipologiaRiscaldamento"), "Autonomo a gas");
        console.scrivi(By.id("speseAnnueUtenze"), "novecento");
        console.clicca("Aggiungi l'alloggio");
        console.guarda("alloggio-liberato-errore", "importo non valido: scrivere ad esempio 1.200,50");
        assertThat(console.trova(By.id("tipologiaRiscaldamento")).getAttribute("value")).isEqualTo("Autonomo a gas");

        console.scrivi(By.id("speseAnnueUtenze"), "1.234,50");
        console.clicca("Aggiungi l'alloggio");
        console.guarda("alloggio-liberato-aggiunto", "Alloggio " + codiceLiberato + " aggiunto al ripescaggio");
        BigDecimal spese = null;
        for (var a : http.get("/api/avvisi/" + avviso + "/alloggi", CAPOFILA).json()) {
            if (a.get("alloggioId").asLong() == liberato) {
                spese = a.get("speseAnnueUtenze").decimalValue();
            }
        }
        assertThat(spese).isEqualByComparingTo("1234.50");
    }
}
