package it.piattaformacasa.graduatoria.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.config.ConsoleNelBrowser;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Issue 12, the console's domande and graduatorie as an operator uses them: finds a domanda by codice fiscale among
 * the avviso's, reads its ISBAR and the citizen's explanation, opens the definitive graduatoria of the Comune di
 * Varese, downloads it, starts the istruttoria of the domanda the art. 15 order proposes; an operator of another ente
 * (Malnate) is refused as the API refuses it, and so is whoever may not start an istruttoria.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GraduatorieNelBrowserTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

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
    /** Codice fiscale → domanda id, in the order they were submitted. */
    final Map<String, Long> domande = new LinkedHashMap<>();
    String cfCercato;
    long proposta;

    @BeforeAll
    void graduatoriaDefinitiva() {
        http = new ClientHttp(port);
        ScenarioAvviso scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi)
                .conTitolo("Avviso della console");
        List<Alloggio> diVarese = scenario.alloggiDi(CF_COMUNE_VARESE, StatoAlloggio.LIBERO, 2);
        avviso = scenario.aperto(diVarese, List.of(CAPOFILA, CAPOFILA));
        String alloggiScelti = diVarese.get(0).getId() + "," + diVarese.get(1).getId();
        presenta("Annalisa", "Gradolini", "GRDNLS", 2_500, alloggiScelti);
        cfCercato = presenta("Carmelo", "Bianchetti", "BNCCML", 7_000, alloggiScelti);
        presenta("Dorotea", "Nerazzini", "NRZDRT", 12_000, Long.toString(diVarese.get(0).getId()));
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, aggiornato_il, aggiornato_da)
                select e.id, c.id, ?, 10, now(), 'test' from ente_proprietario e, comune c
                 where e.codice_fiscale = ? and c.codice_istat = '012133'
                on conflict (ente_id, comune_id, anno) do nothing""", LocalDate.now(ROMA).getYear(), CF_COMUNE_VARESE);
        List<Graduatoria> generate = scenario.graduatorieApprovate(avviso, graduatorie, graduatorieService, jdbc, true);
        assertThat(generate).hasSize(1);
        graduatoria = generate.get(0).getId();
        proposta = http.get("/api/graduatorie/" + graduatoria + "/ordine-assegnazione", VARESE_ISTRUTTORIA).json()
                .get("ordine").get(0).get("domandaId").asLong();
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        if (console != null) {
            console.close();
        }
    }

    /** A domanda of a richiedente alone, with a codice fiscale made from the name (born 1 January 1980). */
    private String presenta(String nome, String cognome, String lettere, int isee, String alloggiScelti) {
        String cf = CodiceFiscale.conControllo(lettere + "80A01L682");
        String body = "{\"nucleo\":[{\"codiceFiscale\":\"" + cf + "\",\"nome\":\"" + nome + "\",\"cognome\":\"" + cognome
                + "\",\"dataNascita\":\"1980-01-01\",\"relazione\":\"RICHIEDENTE\",\"percentualeInvalidita\":0},"
                + "{\"codiceFiscale\":\"" + CodiceFiscale.conControllo(lettere.substring(0, 3) + "FGL10A41L682")
                + "\",\"nome\":\"Figlia\",\"cognome\":\"" + cognome + "\",\"dataNascita\":\"2010-01-01\",\"relazione\":\"FIGLIO\","
                + "\"percentualeInvalidita\":0}],"
                + "\"residenza\":{\"codiceIstatComune\":\"012133\",\"residenteLombardiaDal\":\"2000-01-01\","
                + "\"residenteComuneDal\":\"2005-01-01\"},\"isee\":{\"valore\":" + isee
                + ",\"protocolloDsu\":\"INPS-CONSOLE-" + lettere + "\",\"dataDsu\":\"2026-01-20\"},\"patrimonio\":0,"
                + "\"condizioni\":{\"coabitazione\":true},\"alloggi\":[" + alloggiScelti + "]}";
        ClientHttp.Risposta risposta = http.post("/api/avvisi/" + avviso + "/domande", CAPOFILA, body);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(201);
        domande.put(cf, risposta.json().get("id").asLong());
        return cf;
    }

    @Test
    @Order(1)
    void lOperatoreTrovaLaDomandaPerCodiceFiscaleELeggeIsbarESpiegazione() {
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/avvisi/" + avviso + "/domande");
        console.guarda("domande-avviso", "Tutte le domande");
        assertThat(righe()).hasSize(3);
        assertThat(console.testo()).contains("Gradolini", "Bianchetti", "Nerazzini", "Varese");

        WebElement cerca = console.trova(By.id("cerca"));
        cerca.sendKeys(cfCercato.toLowerCase());
        console.clicca("Cerca");
        console.guarda("domande-ricerca", "Domande da 1 a 1 di 1");
        List<WebElement> trovate = righe();
        assertThat(trovate).hasSize(1);
        assertThat(trovate.get(0).getText()).contains("Carmelo Bianchetti", cfCercato);
        // the downloads of the list as it is filtered, labelled as everywhere in the console
        WebElement xlsx = console.trova(By.id("scarica-xlsx"));
        assertThat(xlsx.getText()).isEqualTo("Scarica (.xlsx)");
        assertThat(xlsx.getAttribute("href")).endsWith("/avvisi/" + avviso + "/domande/esportazione?cerca="
                + cfCercato.toLowerCase() + "&ordina=isbar&formato=xlsx");
        assertThat(console.trova(By.id("scarica-csv")).getText()).isEqualTo("Scarica (.csv)");
        assertThat(console.trova(By.id("scarica-csv")).getAttribute("href")).endsWith("&formato=csv");

        long id = domande.get(cfCercato);
        String isbar = http.get("/api/domande/" + id, CAPOFILA).json().get("isbarItaliano").asText();
        assertThat(trovate.get(0).getText()).contains(isbar);
        console.trova(By.linkText(Long.toString(id))).click();
        console.guarda("domanda", "ISBAR attuale: " + isbar);
        String spiegazione = http.get("/api/domande/" + id + "/spiegazione?formato=testo", CAPOFILA).body();
        // the citizen's sentences, component by component (first and last lines are the page's own heading and total)
        List<String> frasi = spiegazione.lines().skip(1).filter(l -> !l.startsWith("Totale")).toList();
        assertThat(frasi).isNotEmpty();
        assertThat(console.testo()).contains(frasi);
        assertThat(console.testo()).contains("Nucleo familiare", "Figlia Bianchetti", "Figlio/a", "Richiedente",
                "7.000,00 €", "Storia del punteggio", "Calcolato alla presentazione", "Nessuna istruttoria avviata.");
    }

    @Test
    @Order(2)
    void laRicercaPerNomeELOrdinamentoSonoDelDatabase() {
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/avvisi/" + avviso + "/domande?cerca=nerazz&ordina=id");
        console.guarda("domande-per-nome", "Domande da 1 a 1 di 1");
        assertThat(righe().get(0).getText()).contains("Dorotea Nerazzini");
        console.vai("/avvisi/" + avviso + "/domande?ordina=richiedente");
        console.guarda("domande-per-richiedente", "Tutte le domande");
        assertThat(righe()).extracting(WebElement::getText)
                .satisfiesExactly(r -> assertThat(r).contains("Bianchetti"), r -> assertThat(r).contains("Gradolini"),
                        r -> assertThat(r).contains("Nerazzini"));
    }

    @Test
    @Order(3)
    void laGraduatoriaDefinitivaSiScaricaEMostraLOrdineDiAssegnazione() {
        console.accedi(VARESE_ISTRUTTORIA, PASSWORD);
        console.vai("/graduatorie/" + graduatoria);
        console.guarda("graduatoria-definitiva", "Ordine di assegnazione (art. 15)");
        assertThat(console.testo()).contains("Graduatoria definitiva – Comune di Varese, comune di riferimento Varese",
                "Scarica (.xlsx)", "Scarica (.csv)", "Riserve dell'anno");
        List<WebElement> righe = console.driver().findElements(By.cssSelector("#righe-graduatoria tbody tr"));
        assertThat(righe).hasSize(3);
        String primaDomanda = righe.get(0).findElement(By.tagName("th")).getText();
        String isbar = http.get("/api/domande/" + primaDomanda, CAPOFILA).json().get("isbarItaliano").asText();
        assertThat(righe.get(0).getText()).startsWith("1 " + primaDomanda + " " + isbar);

        SessioneConsole sessione = SessioneConsole.di(http, VARESE_ISTRUTTORIA);
        ClientHttp.Risposta csv = sessione.get("/graduatorie/" + graduatoria + "/esportazione?formato=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.raw().headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment", ".csv"));
        domande.values().forEach(id -> assertThat(csv.body()).contains(Long.toString(id)));
        assertThat(sessione.get("/graduatorie/" + graduatoria + "/esportazione?formato=xlsx").status()).isEqualTo(200);
        ClientHttp.Risposta sconosciuto = sessione.get("/graduatorie/" + graduatoria + "/esportazione?formato=pdf");
        assertThat(sconosciuto.status()).isEqualTo(400);
        assertThat(sconosciuto.body()).contains("formato sconosciuto (ammessi: xlsx, csv)");

        // the run records, as GET /api/avvisi/{id}/generazioni: supervisors and administrators only
        assertThat(console.testo()).doesNotContain("Generazioni delle graduatorie dell'avviso");
        String supervisore = SessioneConsole.di(http, SUPERVISORE).get("/graduatorie/" + graduatoria).body();
        assertThat(supervisore).contains("Registro delle generazioni delle graduatorie dell&#39;avviso",
                "Graduatorie provvisorie", "Graduatoria definitiva", "Registrata con i dati di ingresso: rieseguibile");
    }

    @Test
    @Order(4)
    void chiNonIstruisceNonAvviaLIstruttoriaEGlieLoDiceInItaliano() {
        console.accedi(CAPOFILA, PASSWORD);
        console.vai("/graduatorie/" + graduatoria);
        console.guarda("graduatoria-capofila", "Ordine di assegnazione (art. 15)");
        console.clicca("Avvia istruttoria");
        console.guarda("istruttoria-rifiutata", "Istruttoria non avviata: L'istruttoria la avviano gli operatori di");
        ClientHttp.Risposta rifiutata = SessioneConsole.di(http, CAPOFILA).post("/graduatorie/" + graduatoria + "/istruttorie",
                Map.of("domandaId", Long.toString(proposta)));
        assertThat(rifiutata.status()).isEqualTo(403);
        ClientHttp.Risposta altroEnte = SessioneConsole.di(http, MALNATE).post("/graduatorie/" + graduatoria + "/istruttorie",
                Map.of("domandaId", Long.toString(proposta)));
        assertThat(altroEnte.status()).isEqualTo(403);
        assertThat(altroEnte.body()).contains("solo i suoi operatori possono consultarla");
        assertThat(http.get("/api/domande/" + proposta + "/istruttorie", CAPOFILA).json()).isEmpty();
    }

    @Test
    @Order(5)
    void lIstruttoreAvviaLIstruttoriaDellaDomandaPropostaELaRitrovaInLavorazione() {
        console.accedi(VARESE_ISTRUTTORIA, PASSWORD);
        console.vai("/graduatorie/" + graduatoria);
        console.guarda("graduatoria-istruttore", "Ordine di assegnazione (art. 15)");
        WebElement prima = console.trova(By.cssSelector("#ordine-assegnazione tbody tr"));
        assertThat(prima.findElement(By.tagName("th")).getText()).isEqualTo(Long.toString(proposta));
        console.clicca("Avvia istruttoria");
        console.guarda("istruttoria-avviata", "avviata presso Comune di Varese");
        assertThat(console.driver().getCurrentUrl()).endsWith("/domande/" + proposta);
        assertThat(console.trova(By.xpath("//table[caption='Istruttorie della domanda presso ciascun ente']")).getText())
                .contains("Comune di Varese", "In corso", VARESE_ISTRUTTORIA);

        // the API sees the same istruttoria; a second start is refused (409), the page says why
        assertThat(http.get("/api/domande/" + proposta + "/istruttorie", VARESE_ISTRUTTORIA).json()).hasSize(1);
        ClientHttp.Risposta ancora = SessioneConsole.di(http, VARESE_ISTRUTTORIA).post("/graduatorie/" + graduatoria
                + "/istruttorie", Map.of("domandaId", Long.toString(proposta)));
        assertThat(ancora.status()).isEqualTo(409);
        assertThat(ancora.body()).contains("è già in istruttoria presso Comune di Varese");

        console.vai("/avvisi/" + avviso + "/domande?vista=in-lavorazione");
        console.guarda("domande-in-lavorazione", "Domande in lavorazione presso i tuoi enti");
        List<WebElement> aperte = righe();
        assertThat(aperte).hasSize(1);
        assertThat(aperte.get(0).getText()).contains(Long.toString(proposta), "Istruttoria", "Nei termini", VARESE_ISTRUTTORIA);
        assertThat(console.trova(By.id("scarica-xlsx")).getText()).isEqualTo("Scarica (.xlsx)");
        assertThat(console.trova(By.id("scarica-csv")).getAttribute("href"))
                .endsWith("/avvisi/" + avviso + "/domande/esportazione?vista=in-lavorazione&formato=csv");
    }

    @Test
    @Order(6)
    void malnateNonVedeLeDomandeELaGraduatoriaDiVarese() {
        console.accedi(MALNATE, PASSWORD);
        console.vai("/avvisi/" + avviso + "/domande");
        console.guarda("domande-altro-ente", "Nessuna domanda");
        assertThat(http.get("/api/avvisi/" + avviso + "/domande", MALNATE).json()).isEmpty();

        console.vai("/graduatorie/" + graduatoria);
        console.guarda("graduatoria-altro-ente", "solo i suoi operatori possono consultarla");
        console.vai("/domande/" + proposta);
        console.guarda("domanda-altro-ente", "Domanda " + proposta + " non trovata");

        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        assertThat(malnate.get("/graduatorie/" + graduatoria).status()).isEqualTo(403);
        assertThat(malnate.get("/graduatorie/" + graduatoria + "/esportazione?formato=csv").status()).isEqualTo(403);
        assertThat(malnate.get("/domande/" + proposta).status()).isEqualTo(404);
        assertThat(http.get("/api/graduatorie/" + graduatoria, MALNATE).status()).isEqualTo(403);
        assertThat(http.get("/api/domande/" + proposta, MALNATE).status()).isEqualTo(404);
    }

    private List<WebElement> righe() {
        return console.driver().findElements(By.cssSelector("main table tbody tr"));
    }
}
