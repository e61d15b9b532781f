package it.piattaformacasa.cittadino.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.OrologioDiProva;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.anagrafe.AlloggioRepository;
import it.piattaformacasa.avviso.process.AvvisoBpmn;
import it.piattaformacasa.cittadino.CasellaDellaDemo;
import it.piattaformacasa.cittadino.CittadiniDiProva;
import it.piattaformacasa.cittadino.InvioNotifiche;
import it.piattaformacasa.cittadino.PromemoriaScadenze;
import it.piattaformacasa.config.ConsoleNelBrowser;
import it.piattaformacasa.demo.OrologioDemoService;
import it.piattaformacasa.domanda.web.DomandaOnlineTest;
import it.piattaformacasa.graduatoria.GraduatoriaRepository;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Issue 16, the citizens' side end to end, in Chromium on a phone (390×844): the demo citizen Chiara Colombo logs in,
 * confirms her e-mail address, finds the open avviso, fills in the domanda step by step and downloads the ricevuta;
 * then, with the demo clock moving the platform's days as operators do their part, she is told of the provisional
 * graduatoria and reminded of the rettifica window, asks the rettifica online, sees it accepted by silence, follows her
 * domanda to the definitive graduatoria and the istruttoria, and accepts the alloggio proposed to her. Every message
 * is read from the platform's own mail server; another citizen finds none of her pages, not even by their addresses.
 * Each page is looked at (target/browser) and checked with axe-core.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PercorsoCittadinoNelBrowserTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");

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
    GraduatoriaService graduatorieService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrologioDemoService orologio;
    @Autowired
    CasellaDellaDemo casella;
    @Autowired
    InvioNotifiche invio;
    @Autowired
    PromemoriaScadenze promemoria;
    @Autowired
    java.time.Clock clock;

    ClientHttp http;
    ScenarioAvviso scenario;
    ConsoleNelBrowser console;
    long avviso;
    long alloggio;
    String codiceAlloggio;
    final String email = "chiara.colombo." + System.nanoTime() % 1_000_000 + "@esempio.it";

    @BeforeAll
    void unAvvisoAperto() {
        http = new ClientHttp(port);
        codiceAlloggio = "PERC-" + System.nanoTime() % 100000;
        alloggio = DomandaOnlineTest.nuovoAlloggio(jdbc, codiceAlloggio, CF_COMUNE_VARESE, "012133", "Via del Percorso 5", 58);
        scenario = new ScenarioAvviso(http, runtimeService, managementService, alloggi).conTitolo("SAP – Percorso della cittadina");
        avviso = scenario.aperto(List.of(alloggi.findById(alloggio).orElseThrow()), List.of(CAPOFILA));
        // the year's reserves of the Comune di Varese, which the istruttoria's art. 15 order needs
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, aggiornato_il, aggiornato_da)
                select e.id, c.id, ?, 10, now(), 'test' from ente_proprietario e, comune c
                 where e.codice_fiscale = ? and c.codice_istat = '012133'
                on conflict (ente_id, comune_id, anno) do nothing""", LocalDate.now(ROMA).getYear(), CF_COMUNE_VARESE);
        jdbc.update("""
                insert into piano_riserve (ente_id, comune_id, anno, alloggi_disponibili, aggiornato_il, aggiornato_da)
                select e.id, c.id, ?, 10, now(), 'test' from ente_proprietario e, comune c
                 where e.codice_fiscale = ? and c.codice_istat = '012133'
                on conflict (ente_id, comune_id, anno) do nothing""", LocalDate.now(ROMA).plusDays(40).getYear(), CF_COMUNE_VARESE);
        console = new ConsoleNelBrowser(port);
        console.driver().manage().window().setSize(new Dimension(390, 844));
    }

    @AfterAll
    void chiudi() {
        if (console != null) {
            console.close();
        }
        // the platform's time back to real time even if the walk stopped half-way
        jdbc.update("delete from orologio_demo");
        OrologioDiProva.ripristina();
    }

    @Test
    void unaCittadinaDalTelefonoDallaDomandaAllAlloggio() throws Exception {
        console.accedi(CITTADINO_COLOMBO, PASSWORD);
        console.guarda("percorso-cittadina-1-area", "Buongiorno, Chiara Colombo");

        confermaLIndirizzo();
        long domanda = presentaLaDomanda();
        ricevuta(domanda);
        assertThat(oggetti()).contains("Domanda n. " + domanda + " presentata");
        // the Comune di Varese's operator opens it in the console: it says how it came, and the read is recorded
        assertThat(SessioneConsole.di(http, CAPOFILA).get("/domande/" + domanda).body())
                .contains("Presentata online dal richiedente il");

        // the avviso closes, its graduatorie are generated, the Comune di Varese approves its provisional one today
        scenario.eseguiTimer(avviso, AvvisoBpmn.TIMER_CHIUSURA);
        scenario.eseguiTimer(avviso, AvvisoBpmn.SERVICE_GENERA_GRADUATORIE);
        long graduatoria = graduatorie.findByAvvisoIdOrderById(avviso).get(0).getId();
        approvaLaProvvisoria(graduatoria);
        assertThat(oggetti()).contains("Domanda n. " + domanda + ": pubblicata la graduatoria provvisoria");

        // the demo clock: 13 days later, two days before the window closes, the platform reminds her
        orologio.avanza(null, 13, ADMIN);
        promemoria.scrivi();
        assertThat(oggetti()).anyMatch(o -> o.startsWith("Domanda n. " + domanda + ": la rettifica si può chiedere fino al"));

        chiedeLaRettifica(domanda);

        // nobody at the ente decides within 15 days: silence means acceptance (the demo clock again)
        orologio.avanza(null, 16, ADMIN);
        long rettifica = jdbc.queryForObject("select id from rettifica_invalidita where domanda_id = ?", Long.class, domanda);
        String istanza = runtimeService.createProcessInstanceQuery().processDefinitionKey("rettifica-invalidita")
                .processInstanceBusinessKey(Long.toString(rettifica)).singleResult().getId();
        String silenzio = managementService.createJobQuery().processInstanceId(istanza)
                .activityId("Timer_SilenzioAssenso").singleResult().getId();
        managementService.executeJob(silenzio);
        assertThat(oggetti()).contains("Domanda n. " + domanda + ": decisa la richiesta di rettifica");

        // the window is over: the graduatoria becomes definitive, the Comune starts the istruttoria and assigns
        graduatorieService.rendiDefinitiva(graduatoria, CAPOFILA);
        ClientHttp.Risposta avviata = http.post("/api/graduatorie/" + graduatoria + "/istruttorie", VARESE_ISTRUTTORIA,
                "{\"domandaId\":" + domanda + "}");
        assertThat(avviata.status()).as(avviata.body()).isEqualTo(201);
        ClientHttp.Risposta verificata = http.post("/api/istruttorie/" + avviata.json().get("id").asLong() + "/verifica",
                VARESE_ISTRUTTORIA, "{\"esito\":\"AMMISSIBILE\",\"alloggioId\":" + alloggio
                        + ",\"motivoFuoriOrdine\":\"percorso della cittadina\"}");
        assertThat(verificata.status()).as(verificata.body()).isEqualTo(200);
        assertThat(oggetti()).contains("Domanda n. " + domanda + ": la graduatoria è definitiva",
                "Domanda n. " + domanda + ": avviata l'istruttoria", "Domanda n. " + domanda + ": conclusa l'istruttoria",
                "Domanda n. " + domanda + ": ti è stato assegnato un alloggio");

        accettaLAlloggio(domanda);
        unAltroCittadinoNonTrovaNulla(domanda);
    }

    // ---- the steps ----------------------------------------------------------------------------------------------

    /** «I miei dati»: the address, the code the platform's mail server received, the confirmation. */
    private void confermaLIndirizzo() {
        console.clicca("I miei dati");
        console.guarda("percorso-cittadina-2-dati", "I miei dati");
        console.scrivi(By.id("email"), email);
        console.clicca("Invia il codice");
        console.guarda("percorso-cittadina-3-codice", "Ti abbiamo inviato un codice di 6 cifre");
        console.scrivi(By.id("codice"), CittadiniDiProva.codice(casella, email));
        console.clicca("Conferma l'indirizzo");
        console.guarda("percorso-cittadina-4-confermato", "Indirizzo confermato");
    }

    /** «Avvisi aperti», the avviso and its alloggi, the seven steps, the riepilogo's pre-check, «Presenta la domanda». */
    private long presentaLaDomanda() {
        console.vai("/cittadino/avvisi");
        console.guarda("percorso-cittadina-5-avvisi", "SAP – Percorso della cittadina");
        console.clicca("SAP – Percorso della cittadina");
        console.guarda("percorso-cittadina-6-avviso", "Via del Percorso 5");
        console.clicca("Compila la domanda");
        console.guarda("percorso-cittadina-7-richiedente", "Passo 1 di 7");
        assertThat(console.testo()).contains(CF_CITTADINO_COLOMBO);
        console.scrivi(By.id("r-dataNascita"), "01/08/1985");
        console.clicca("Avanti");
        console.guarda("percorso-cittadina-8-nucleo", "Passo 2 di 7");
        console.clicca("Avanti");
        console.guarda("percorso-cittadina-9-residenza", "Passo 3 di 7");
        console.scrivi(By.id("codiceIstatResidenza"), "012133");
        console.scrivi(By.id("residenteLombardiaDal"), "01/01/2000");
        console.scrivi(By.id("residenteComuneDal"), "01/01/2005");
        console.clicca("Avanti");
        console.guarda("percorso-cittadina-10-isee", "Passo 4 di 7");
        console.scrivi(By.id("iseeValore"), "7.500,00");
        console.scrivi(By.id("protocolloDsu"), "INPS-ISEE-2026-PERC");
        console.scrivi(By.id("dataDsu"), "15/01/2026");
        console.scrivi(By.id("patrimonio"), "0");
        console.clicca("Avanti");
        console.guarda("percorso-cittadina-11-condizioni", "Passo 5 di 7");
        console.clicca("Avanti");
        console.guarda("percorso-cittadina-12-alloggi", "Passo 6 di 7");
        new Select(console.trova(By.id("alloggi-0"))).selectByVisibleText(codiceAlloggio + " – Varese, 58,000 m²");
        console.clicca("Avanti");
        console.guarda("percorso-cittadina-13-riepilogo", "La domanda supera la verifica dei requisiti");
        console.clicca("Presenta la domanda");
        console.guarda("percorso-cittadina-14-presentata", "Domanda presentata");
        String indirizzo = console.driver().getCurrentUrl();
        assertThat(indirizzo).matches(".*/cittadino/domande/\\d+/presentata$");
        long domanda = Long.parseLong(indirizzo.replaceAll(".*/cittadino/domande/(\\d+)/presentata$", "$1"));
        assertThat(jdbc.queryForObject("select richiedente_cf from domanda where id = ?", String.class, domanda))
                .isEqualTo(CF_CITTADINO_COLOMBO);
        return domanda;
    }

    /** The ricevuta the link downloads, with the browser's own session: the domanda's number and the declared ISEE. */
    private void ricevuta(long domanda) throws Exception {
        String href = console.trova(By.id("ricevuta")).getAttribute("href");
        String sessione = console.driver().manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + sessione).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        try (PDDocument documento = Loader.loadPDF(pdf.body())) {
            String testo = new PDFTextStripper().getText(documento);
            assertThat(testo).contains(Long.toString(domanda), CF_CITTADINO_COLOMBO, "7.500,00", "ISBAR");
        }
    }

    /** The Comune di Varese's operator approves the provisional graduatoria in its task, published today. */
    private void approvaLaProvvisoria(long graduatoria) {
        String approva = taskService.createTaskQuery().processDefinitionKey("graduatoria")
                .processInstanceBusinessKey(Long.toString(graduatoria)).singleResult().getId();
        assertThat(http.post("/engine-rest/task/" + approva + "/claim", CAPOFILA, "{\"userId\":\"" + CAPOFILA + "\"}").status())
                .isEqualTo(204);
        LocalDate oggi = LocalDate.now(clock.withZone(ROMA));
        ClientHttp.Risposta completata = http.post("/engine-rest/task/" + approva + "/complete", CAPOFILA, "{\"variables\":{"
                + "\"numeroProvvedimento\":{\"value\":\"DET-PERC\"},\"dataProvvedimento\":{\"value\":\"" + oggi + "\"},"
                + "\"pubblicazione\":{\"value\":\"SITO_ENTE\"},\"dataPubblicazione\":{\"value\":\"" + oggi + "\"}}}");
        assertThat(completata.status()).as(completata.body()).isEqualTo(204);
    }

    /** On her domanda's page: the position, the window's end, the form; the rettifica for herself at 80 %. */
    private void chiedeLaRettifica(long domanda) {
        console.vai("/cittadino/domande");
        console.guarda("percorso-cittadina-15-domande", "Le mie domande");
        console.vai("/cittadino/domande/" + domanda);
        console.guarda("percorso-cittadina-16-provvisoria", "Il percorso della domanda");
        assertThat(console.testoDi(By.cssSelector("ol.percorso-domanda"))).contains("Posizione 1 nella graduatoria di Comune di Varese");
        new Select(console.trova(By.id("componente"))).selectByValue(CF_CITTADINO_COLOMBO);
        console.scrivi(By.id("percentuale"), "80");
        console.clicca("Chiedi la rettifica");
        console.guarda("percorso-cittadina-17-rettifica", "inviata: l'ente decide entro il");
    }

    /** The proposta on her domanda's page, accepted. */
    private void accettaLAlloggio(long domanda) {
        console.vai("/cittadino/domande/" + domanda);
        console.guarda("percorso-cittadina-18-proposta", "Proposta di assegnazione");
        assertThat(console.testoDi(By.cssSelector("ol.percorso-domanda"))).contains("Graduatoria definitiva", "Via del Percorso 5");
        var accetto = console.trova(By.cssSelector("label[for='esito']"));
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", accetto);
        accetto.click();
        console.clicca("Invia la risposta");
        console.guarda("percorso-cittadina-19-accettata", "Hai accettato l'alloggio: l'ente ti contatterà");
        assertThat(console.testo()).contains("Chi ha consultato la tua domanda", "Giulia Bianchi");
        assertThat(jdbc.queryForObject("select accettata from risposta_proposta r join assegnazione a on a.id = r.assegnazione_id"
                + " where a.domanda_id = ?", Boolean.class, domanda)).isTrue();
    }

    /** Luca Ferrari, another demo citizen: her pages and forms by their addresses answer «not found», in the browser too. */
    private void unAltroCittadinoNonTrovaNulla(long domanda) {
        SessioneConsole ferrari = SessioneConsole.diCittadino(http, CITTADINO_FERRARI);
        long assegnazione = jdbc.queryForObject("select id from assegnazione where domanda_id = ?", Long.class, domanda);
        for (String pagina : List.of("/cittadino/domande/" + domanda, "/cittadino/domande/" + domanda + "/ricevuta",
                "/cittadino/domande/" + domanda + "/presentata")) {
            assertThat(ferrari.get(pagina).status()).as(pagina).isEqualTo(404);
        }
        assertThat(ferrari.post("/cittadino/domande/" + domanda + "/rettifica", Map.of("percentuale", "90")).status()).isEqualTo(404);
        assertThat(ferrari.post("/cittadino/domande/" + domanda + "/proposte/" + assegnazione + "/risposta",
                Map.of("esito", "RINUNCIA", "motivo", "non è mia")).status()).isEqualTo(404);
        assertThat(ferrari.get("/cittadino/dati/esportazione").body()).doesNotContain(CF_CITTADINO_COLOMBO, email);

        console.driver().manage().deleteAllCookies();
        console.accedi(CITTADINO_FERRARI, PASSWORD);
        console.guarda("percorso-cittadino-altro-area", "Buongiorno, Luca Ferrari");
        console.vai("/cittadino/domande/" + domanda);
        console.guarda("percorso-cittadino-altro-domanda", "non");
        assertThat(console.testo()).doesNotContain("Via del Percorso 5", CF_CITTADINO_COLOMBO);
    }

    /** The subjects of what the platform wrote to her, once the outbox has been sent. */
    private List<String> oggetti() {
        invio.inviaDovute();
        return casella.messaggi().stream().filter(m -> m.a().contains(email)).map(CasellaDellaDemo.Messaggio::oggetto).toList();
    }
}
