package it.piattaformacasa.cittadino.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.Dimension;
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
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.config.ConsoleNelBrowser;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.operatori.ModelloDiProva;

/**
 * Issue 16 on a phone (390×844): Chiara Colombo opens «Le mie domande», reads the timeline of a domanda in its
 * provisional graduatoria, who read it, and asks a rettifica per invalidità civile for her husband; each page looked
 * at in Chromium with axe-core; then, in the same session, accepts the alloggio the Comune di Varese proposes her.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SeguireLaDomandaNelBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    AlloggioRepository alloggi;
    @Autowired
    GraduatoriaRepository graduatorie;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    it.piattaformacasa.graduatoria.GraduatoriaService graduatorieService;

    ConsoleNelBrowser console;
    long domanda;
    /** Another domanda of hers, in Varese, with an alloggio proposed. */
    long domandaConProposta;
    final String coniuge = ModelloDiProva.nuovoCodiceFiscale();

    @BeforeAll
    void unaDomandaInGraduatoriaProvvisoria() {
        ClientHttp http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("Avviso al telefono");
        Alloggio diMalnate = scenario.alloggiDi(CF_COMUNE_MALNATE, StatoAlloggio.LIBERO, 1).get(0);
        long avviso = scenario.aperto(List.of(diMalnate), List.of(MALNATE));
        ClientHttp.Risposta presentata = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA,
                DomandaDiProva.unaDomanda(CF_CITTADINO_COLOMBO, diMalnate.getId()).conComponente(coniuge, "CONIUGE", 0, false, false)
                        .json());
        assertThat(presentata.status()).as(presentata.body()).isEqualTo(201);
        domanda = presentata.json().get("id").asLong();
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avviso, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        long graduatoria = graduatorie.findByAvvisoIdOrderById(avviso).get(0).getId();
        String approva = taskService.createTaskQuery().processDefinitionKey("graduatoria")
                .processInstanceBusinessKey(Long.toString(graduatoria)).singleResult().getId();
        http.post("/engine-rest/task/" + approva + "/claim", MALNATE, "{\"userId\":\"" + MALNATE + "\"}");
        LocalDate oggi = LocalDate.now(ZoneId.of("Europe/Rome"));
        assertThat(http.post("/engine-rest/task/" + approva + "/complete", MALNATE, "{\"variables\":{"
                + "\"numeroProvvedimento\":{\"value\":\"DET-T\"},\"dataProvvedimento\":{\"value\":\"" + oggi + "\"},"
                + "\"pubblicazione\":{\"value\":\"SITO_ENTE\"},\"dataPubblicazione\":{\"value\":\"" + oggi + "\"}}}").status())
                .isEqualTo(204);
        // an operator of the Comune di Malnate opens it: the citizen will see the read
        assertThat(http.get("/api/domande/" + domanda, MALNATE).status()).isEqualTo(200);

        // in Varese: definitive graduatoria, istruttoria, an alloggio of the test's own proposed
        long alloggio = jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select 'TEL-' || floor(random() * 1000000)::int, e.id, c.id, 'Via del Telefono 3', 2, 64, 3, true, false, 'LIBERO'
                  from ente_proprietario e, comune c where e.codice_fiscale = ? and c.codice_istat = '012133'
                returning id""", Long.class, CF_COMUNE_VARESE);
        long avvisoVarese = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("Avviso al telefono, Varese")
                .aperto(alloggi.findAllById(List.of(alloggio)), List.of(CAPOFILA));
        ClientHttp.Risposta aVarese = http.post("/api/avvisi/" + avvisoVarese + "/domande", CAPOFILA,
                DomandaDiProva.json(CF_CITTADINO_COLOMBO, alloggio));
        assertThat(aVarese.status()).as(aVarese.body()).isEqualTo(201);
        domandaConProposta = aVarese.json().get("id").asLong();
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, aggiornato_il, aggiornato_da)
                select e.id, c.id, ?, 10, now(), 'test' from ente_proprietario e, comune c
                 where e.codice_fiscale = ? and c.codice_istat = '012133'
                on conflict (ente_id, comune_id, anno) do nothing""", oggi.getYear(), CF_COMUNE_VARESE);
        long graduatoriaVarese = scenario.graduatorieApprovate(avvisoVarese, graduatorie, graduatorieService, jdbc, true).get(0).getId();
        ClientHttp.Risposta avviata = http.post("/api/graduatorie/" + graduatoriaVarese + "/istruttorie", VARESE_ISTRUTTORIA,
                "{\"domandaId\":" + domandaConProposta + "}");
        assertThat(avviata.status()).as(avviata.body()).isEqualTo(201);
        ClientHttp.Risposta verificata = http.post("/api/istruttorie/" + avviata.json().get("id").asLong() + "/verifica",
                VARESE_ISTRUTTORIA, "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":" + alloggio
                        + ",\"motivoFuoriOrdine\":\"prova al telefono\"}");
        assertThat(verificata.status()).as(verificata.body()).isEqualTo(200);
        console = new ConsoleNelBrowser(port);
        console.driver().manage().window().setSize(new Dimension(390, 844));
    }

    @AfterAll
    void chiudi() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void laCittadinaSegueLaDomandaEChiedeLaRettificaDalTelefono() {
        console.accedi(CITTADINO_COLOMBO, PASSWORD);
        console.guarda("cittadino-area-telefono", "La domanda più recente");
        console.vai("/cittadino/domande");
        console.guarda("cittadino-domande-telefono", "Le mie domande");
        var link = console.trova(By.cssSelector("main a[href='/cittadino/domande/" + domanda + "']"));
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link);
        link.click();
        console.guarda("cittadino-domanda-telefono", "Il percorso della domanda");
        assertThat(console.testoDi(By.cssSelector("ol.percorso-domanda"))).contains("Domanda presentata", "Completato",
                "Posizione 1 nella graduatoria di Comune di Malnate", "In corso", "Da fare");
        scorriA("percorso");
        console.foto("cittadino-domanda-percorso-telefono");
        scorriA("punteggio");
        console.foto("cittadino-domanda-punteggio-telefono");
        scorriA("letture");
        console.foto("cittadino-domanda-letture-telefono");
        assertThat(console.testo()).contains("Chi ha consultato la tua domanda", "(Comune di Malnate)");

        scorriA("rispondi");
        console.foto("cittadino-domanda-rettifica-telefono");
        new Select(console.trova(By.id("componente"))).selectByValue(coniuge);
        console.scrivi(By.id("percentuale"), "centoventi");
        console.clicca("Chiedi la rettifica");
        console.guarda("cittadino-rettifica-errore-telefono", "Percentuale di invalidità: un numero intero da 0 a 100");
        scorriA("rispondi");
        console.foto("cittadino-rettifica-errore-campo-telefono");
        new Select(console.trova(By.id("componente"))).selectByValue(coniuge);
        console.scrivi(By.id("percentuale"), "75");
        console.clicca("Chiedi la rettifica");
        console.guarda("cittadino-rettifica-chiesta-telefono", "inviata: l'ente decide entro il");
        assertThat(jdbc.queryForObject("select count(*) from rettifica_invalidita where domanda_id = ? and richiesta_dal_cittadino",
                Integer.class, domanda)).isEqualTo(1);
    }

    /** After the first test, in the same session. */
    @Test
    @org.junit.jupiter.api.Order(2)
    void laCittadinaAccettaLAlloggioPropostoDalTelefono() {
        console.vai("/cittadino/domande/" + domandaConProposta);
        console.guarda("cittadino-proposta-telefono", "Proposta di assegnazione");
        scorriA("rispondi");
        console.foto("cittadino-proposta-modulo-telefono");
        console.clicca("Invia la risposta");
        console.guarda("cittadino-proposta-errore-telefono", "Risposta: scegli se accetti l'alloggio o se rinunci");
        var accetto = console.trova(By.cssSelector("label[for='esito']"));
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", accetto);
        accetto.click();
        console.clicca("Invia la risposta");
        console.guarda("cittadino-proposta-accettata-telefono", "Hai accettato l'alloggio: l'ente ti contatterà");
        assertThat(console.testo()).contains("Hai accettato l'alloggio online il").doesNotContain("Accetti l'alloggio proposto?");
        assertThat(jdbc.queryForObject("select accettata from risposta_proposta r join assegnazione a on a.id = r.assegnazione_id"
                + " where a.domanda_id = ?", Boolean.class, domandaConProposta)).isTrue();
    }

    private void scorriA(String id) {
        // at once: Bootstrap Italia scrolls smoothly, and a screenshot taken meanwhile shows the page half-way
        console.driver().executeScript("document.documentElement.style.scrollBehavior = 'auto';"
                + "window.scrollTo(0, document.getElementById(arguments[0]).getBoundingClientRect().top + window.scrollY - 8);", id);
        try {
            Thread.sleep(300); // the next frame painted before the screenshot
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
