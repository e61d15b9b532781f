package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;


import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.DomandaDiProva;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.OrologioDiProva;
import it.piattaformacasa.ScenarioAvviso;
import it.piattaformacasa.common.Termini;

/**
 * Issue 11, item 6: the whole walk of README «Where to click first» in a real headless Chromium, as the operators do it
 * — an avviso from predisposizione to the contratto, in Tasklist, on the demo clock's page and in Cockpit. At each step
 * the test reads what the person sees (Italian words, the case named in the list, no error message), leaves a screenshot
 * in target/browser/percorso-*.png and checks the page with axe-core (WCAG 2.1 A and AA: no serious or critical
 * violation; reports in target/browser/axe/).
 * <p>
 * The avviso is predisposed, the domanda filed and the citizen's rettifica request registered at Malnate's desk in the
 * console, the year's reserves set on its «Riserve» page and the istruttoria started from the definitive graduatoria's
 * page (issue 12): no step needs the API. The suite runs with the job executor off (its
 * process tests fire timers by name), so after each move of the demo clock the test runs this case's due jobs, which
 * the job executor does by itself on {@code ./mvnw spring-boot:run}.
 * <p>
 * It runs in every build (README «Tests»). When a «Completa» leads nowhere, the failure says what the page did from the
 * press on (events, the button's place, requests, console) and leaves percorso-NN-completa-fallito.png.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PercorsoNelBrowserTest {

    private static final ZoneId ROMA = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter GG_MM_AAAA = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String TITOLO = "SAP 2027 – Percorso nel browser";
    private static final String MALNATE_ISTAT = "012096";
    private static final String VARESE_ISTAT = "012133";
    private static final String RICHIEDENTE = "GRCLSE95R50L682N";
    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final String FILTRO_DEL_MIO_ENTE = "Le attività del mio ente";
    /**
     * Rules excluded with the reason, where the markup is Camunda's and cannot be changed from our customisations
     * (README «Tests»). Keep this short: anything we can fix goes in user-styles.css, config.js or
     * lib/piattaforma-italiano.js.
     */
    private static final Map<String, String> REGOLE_ESCLUSE = Map.of();

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    Chromium chromium;
    ChromeDriver browser;
    WebDriverWait attesa;
    ClientHttp http;
    String loggato;
    int passo;
    /** Process definition key → business key of this case's instances, for its due jobs. */
    final Map<String, List<Long>> istanze = new LinkedHashMap<>();
    final Map<String, List<String>> violazioniGravi = new LinkedHashMap<>();

    long avviso;
    Instant apertura;
    Instant chiusura;
    final Map<String, Long> alloggioDi = new LinkedHashMap<>();
    long domanda;
    long graduatoria;
    long rettifica;
    long istruttoria;
    long assegnazione;

    @BeforeAll
    void browser() {
        chromium = Chromium.italiano();
        browser = chromium.driver;
        // Angular draws a list or a form again as its data arrive: an element found a moment ago may be gone
        // Tasklist draws its lists and forms again as their data arrive: a click that lands on a redrawn or still
        // moving element is tried again
        attesa = (WebDriverWait) chromium.attesa.ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class);
        http = new ClientHttp(port);
    }

    @AfterAll
    void chiudi() {
        if (chromium != null) {
            chromium.close();
        }
        // the clock back to real time even if the walk stopped half-way, and nothing of this case left running
        jdbc.update("delete from orologio_demo");
        OrologioDiProva.ripristina();
        istanze.forEach((processo, chiavi) -> chiavi.forEach(chiave -> {
            ProcessInstance istanza = istanza(processo, chiave);
            if (istanza != null) {
                runtimeService.deleteProcessInstanceIfExists(istanza.getId(), "fine del test", true, true, true, false);
            }
        }));
    }

    @Test
    void unOperatoreSegueNelBrowserLAvvisoFinoAlContratto() throws IOException {
        accessoDelCapofila();
        nuovoAlloggio(VARESE_ISTAT, CF_COMUNE_VARESE);
        nuovoAlloggio(VARESE_ISTAT, CF_ALER);
        nuovoAlloggio(MALNATE_ISTAT, CF_COMUNE_MALNATE);
        creaAvviso();
        selezionaAlloggi(CAPOFILA, "Comune di Varese", CF_COMUNE_VARESE);
        selezionaAlloggi(ALER_AVVISO, "ALER Varese - Como - Monza Brianza - Busto Arsizio", CF_ALER);
        selezionaAlloggi(MALNATE, "Comune di Malnate", CF_COMUNE_MALNATE);
        assertThat(statoAvviso()).isEqualTo("SELEZIONE_ALLOGGI");

        avanzaLOrologioOltre(apertura, "apertura");
        assertThat(statoAvviso()).isEqualTo("APERTO");
        presentaDomanda();

        avanzaLOrologioOltre(chiusura, "chiusura");
        assertThat(statoAvviso()).isEqualTo("CHIUSO");
        graduatoria = jdbc.queryForObject("select g.id from graduatoria g join ente_proprietario e on e.id = g.ente_id "
                + "where g.avviso_id = ? and e.codice_fiscale = ?", Long.class, avviso, CF_COMUNE_MALNATE);
        istanze.computeIfAbsent("graduatoria", k -> new ArrayList<>()).add(graduatoria);
        LocalDate pubblicata = oggi();
        approvaGraduatoria(pubblicata);

        chiediRettifica();
        decidiRettifica();

        avanzaLOrologioOltre(Termini.fineDel(pubblicata.plusDays(15)), "fine-rettifiche");
        rendiDefinitiva();
        assertThat(jdbc.queryForObject("select stato from graduatoria where id = ?", String.class, graduatoria)).isEqualTo("DEFINITIVA");

        impostaRiserveDellAnno();
        avviaIstruttoria();
        verificaIstruttoria();
        confermaContratto();
        assertThat(jdbc.queryForObject("select stato from alloggio where id = ?", String.class, alloggioDi.get(CF_COMUNE_MALNATE)))
                .isEqualTo("OCCUPATO");

        ilSupervisoreInCockpit();
        tornaAllOraReale();

        assertThat(violazioniGravi).as("axe-core: serious or critical WCAG 2.1 AA violations per page (target/browser/axe)")
                .isEmpty();
    }

    // ---- the steps ----------------------------------------------------------------------------------------------

    /** capofila opens Tasklist, logs in on the platform's page (the identity provider's, issue 14) and sees its list. */
    void accessoDelCapofila() throws IOException {
        browser.get(url(TASKLIST));
        attesa.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        guarda("accesso", "Accedi");
        accedi(CAPOFILA);
        guarda("tasklist-capofila", FILTRO_DEL_MIO_ENTE);
    }

    /** Predisposizione of the avviso by capofila in the console: Avvisi → «Nuovo avviso» → the avviso's page. */
    void creaAvviso() throws IOException {
        nellaConsole(CAPOFILA);
        browser.get(url("/avvisi/nuovo"));
        attesa.until(ExpectedConditions.visibilityOfElementLocated(By.id("titolo"))).sendKeys(TITOLO);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("ambito"))).selectByValue("VARESE");
        ZonedDateTime inizio = ScenarioAvviso.lavorativo(5, 10).atZone(ROMA);
        ZonedDateTime fine = ScenarioAvviso.lavorativo(40, 12).atZone(ROMA);
        // date and time inputs take ISO values whatever order the browser's locale shows them in
        browser.executeScript("document.getElementById('aperturaData').value = arguments[0];"
                + "document.getElementById('aperturaOra').value = arguments[1];"
                + "document.getElementById('chiusuraData').value = arguments[2];"
                + "document.getElementById('chiusuraOra').value = arguments[3];",
                inizio.toLocalDate().toString(), "10:00", fine.toLocalDate().toString(), "12:00");
        guarda("console-nuovo-avviso", "Nuovo avviso");
        chromium.clic(browser.findElement(By.xpath("//main//button[@type='submit' and starts-with(normalize-space(.), 'Predisponi')]")));
        attesa.until(ExpectedConditions.urlMatches(".*/avvisi/\\d+$"));
        guarda("console-avviso-predisposto", "Avviso predisposto");
        avviso = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/avvisi/", ""));
        apertura = jdbc.queryForObject("select apertura from avviso where id = ?", java.sql.Timestamp.class, avviso).toInstant();
        chiusura = jdbc.queryForObject("select chiusura from avviso where id = ?", java.sql.Timestamp.class, avviso).toInstant();
        assertThat(apertura).isEqualTo(inizio.toInstant());
        istanze.computeIfAbsent("avviso", k -> new ArrayList<>()).add(avviso);
    }

    /** The console's own login, in the same browser (its session is not Tasklist's). */
    private void nellaConsole(String utente) {
        esci();
        chromium.accediAllaConsole(url("/accesso"), utente, PASSWORD);
    }

    /**
     * A free alloggio of the ente, new in the Anagrafe before the avviso (the demo's alloggi are used by other tests'
     * avvisi: a new one keeps the walk independent); the selection form offers the alloggi free when it opens.
     */
    void nuovoAlloggio(String istatComune, String cfEnte) {
        alloggioDi.put(cfEnte, jdbc.queryForObject("""
                insert into alloggio (codice_ui, ente_id, comune_id, indirizzo, piano, superficie_utile, vani, ascensore,
                                      barriere_architettoniche, stato)
                select ?, e.id, c.id, 'Via del Percorso 1', 1, 62, 3, true, false, 'LIBERO'
                  from ente_proprietario e, comune c where e.codice_fiscale = ? and c.codice_istat = ?
                returning id""", Long.class, "PNB-" + cfEnte.substring(7) + "-" + System.currentTimeMillis() % 100000, cfEnte,
                istatComune));
    }

    /**
     * The ente's operator opens «Seleziona alloggi per l'avviso» from its list, adds in the form one row for its new
     * alloggio with tipologia, heating and costs, and confirms.
     */
    void selezionaAlloggi(String utente, String ente, String cfEnte) throws IOException {
        long alloggio = alloggioDi.get(cfEnte);
        String codice = jdbc.queryForObject("select codice_ui from alloggio where id = ?", String.class, alloggio);
        apriAttivita(utente, "Seleziona alloggi per l'avviso – " + ente);
        attesa.until(d -> {
            chromium.clic(d.findElement(By.cssSelector(".fjs-container button.fjs-repeat-render-add")));
            return true;
        });
        WebElement riga = attesa.until(d -> d.findElements(By.cssSelector(".fjs-container .fjs-repeat-row-container")).stream()
                .findFirst().orElse(null));
        chromium.scegli(riga, "Alloggio", codice);
        chromium.scegli(riga, "Tipologia", "Immediatamente assegnabile");
        chromium.scrivi(chromium.campo(riga, "Tipologia riscaldamento"), "Centralizzato a metano");
        chromium.scrivi(chromium.campo(riga, "Spese annuali per le utenze (€)"), "1450");
        spunta("Confermo di aver inserito tutti gli alloggi");
        scrivi("Note", "Inserito l'alloggio di via del Percorso");
        guarda("selezione-" + utente, "Selezione degli alloggi da inserire in avviso");
        completa();
        assertThat(jdbc.queryForObject("select count(*) from alloggio_in_avviso where avviso_id = ? and alloggio_id = ?",
                Integer.class, avviso, alloggio)).as("the row of the form in the avviso").isEqualTo(1);
    }

    /**
     * A domanda of a household resident in Malnate for Malnate's alloggio, filed at Malnate's desk in the console:
     * the avviso's page → «Nuova domanda allo sportello», seven steps, «Presenta la domanda».
     */
    void presentaDomanda() throws IOException {
        nellaConsole(MALNATE);
        browser.get(url("/avvisi/" + avviso));
        chromium.clic(attesa.until(ExpectedConditions.elementToBeClickable(By.linkText("Nuova domanda allo sportello"))));
        guarda("sportello-richiedente", "Passo 1 di 7");
        compila(Map.of("r-codiceFiscale", RICHIEDENTE, "r-nome", "Elisa", "r-cognome", "Greco", "r-dataNascita", "10/10/1995"));
        avanti("Passo 2 di 7");
        avanti("Passo 3 di 7");
        compila(Map.of("codiceIstatResidenza", MALNATE_ISTAT, "residenteLombardiaDal", "01/01/2000", "residenteComuneDal", "01/01/2005"));
        avanti("Passo 4 di 7");
        compila(Map.of("iseeValore", "7.000,00", "protocolloDsu", "INPS-ISEE-2026-GRCLSE", "dataDsu", "20/01/2026", "patrimonio", "0"));
        avanti("Passo 5 di 7");
        chromium.clic(browser.findElement(By.cssSelector("label[for='condizione-coabitazione']")));
        avanti("Passo 6 di 7");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("alloggi-0")))
                .selectByValue(Long.toString(alloggioDi.get(CF_COMUNE_MALNATE)));
        avanti("Passo 7 di 7");
        guarda("sportello-riepilogo", "Riepilogo");
        chromium.clic(browser.findElement(By.xpath("//main//button[normalize-space(.)='Presenta la domanda']")));
        attesa.until(ExpectedConditions.urlMatches(".*/domande/\\d+$"));
        guarda("console-domanda", "presentata allo sportello");
        domanda = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/domande/", ""));
        assertThat(jdbc.queryForObject("select presentata_da from domanda where id = ?", String.class, domanda)).isEqualTo(MALNATE);
    }

    private void compila(Map<String, String> campi) {
        campi.forEach((id, valore) -> {
            WebElement campo = attesa.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
            campo.clear();
            campo.sendKeys(valore);
        });
    }

    private void avanti(String passo) throws IOException {
        chromium.clic(browser.findElement(By.xpath("//main//button[normalize-space(.)='Avanti']")));
        attendiTesto(passo);
    }

    /** Malnate approves its graduatoria provvisoria from Tasklist, published today on its website. */
    void approvaGraduatoria(LocalDate pubblicata) throws IOException {
        apriAttivita(MALNATE, "Approva graduatoria provvisoria – Comune di Malnate");
        scrivi("Numero del provvedimento", "DET-2027-12");
        data("Data del provvedimento", pubblicata);
        scegli("Dove è stata pubblicata", "Sito istituzionale");
        data("Data di pubblicazione", pubblicata);
        guarda("approvazione", "Approvazione della graduatoria provvisoria");
        completa();
    }

    /**
     * The citizen's request of a rettifica, registered at Malnate's desk on the domanda's page in the console: the
     * graduatoria's row says until when it may be asked, the form names the member and the percentage.
     */
    void chiediRettifica() throws IOException {
        nellaConsole(MALNATE);
        browser.get(url("/domande/" + domanda));
        attesa.until(ExpectedConditions.visibilityOfElementLocated(By.id("titolo-rettifica")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("componente"))).selectByValue(RICHIEDENTE);
        compila(Map.of("percentuale", "80"));
        guarda("rettifica-richiesta", "Registra la richiesta di rettifica per invalidità civile");
        chromium.clic(browser.findElement(By.xpath("//main//button[normalize-space(.)='Registra la richiesta']")));
        attendiTesto("registrata (80 % per " + RICHIEDENTE + ")");
        guarda("rettifica-registrata", "80 % chiesto il");
        rettifica = jdbc.queryForObject("select id from rettifica_invalidita where domanda_id = ?", Long.class, domanda);
        istanze.computeIfAbsent("rettifica-invalidita", k -> new ArrayList<>()).add(rettifica);
    }

    void decidiRettifica() throws IOException {
        apriAttivita(MALNATE, "Rettifica punteggio per invalidità civile – Comune di Malnate");
        radio("Accolta");
        guarda("rettifica", "Rettifica del punteggio per invalidità civile");
        completa();
    }

    void rendiDefinitiva() throws IOException {
        apriAttivita(MALNATE, "Rendi definitiva la graduatoria – Comune di Malnate");
        spunta("Confermo il passaggio della graduatoria a definitiva");
        guarda("definitiva", "Graduatoria definitiva");
        completa();
    }

    /** The year's units of Malnate on the console's «Riserve» page: the reserves they make follow from the rules. */
    void impostaRiserveDellAnno() throws IOException {
        nellaConsole(MALNATE);
        browser.get(url("/riserve?anno=" + oggi().getYear()));
        new org.openqa.selenium.support.ui.Select(attesa.until(ExpectedConditions.visibilityOfElementLocated(By.id("comune"))))
                .selectByValue(MALNATE_ISTAT);
        compila(Map.of("alloggiDisponibili", "10"));
        chromium.clic(browser.findElement(By.cssSelector("#modulo-riserve button[type=submit]")));
        attesa.until(ExpectedConditions.visibilityOfElementLocated(By.id("esito")));
        guarda("riserve", "Riserve dell'anno " + oggi().getYear());
        assertThat(browser.findElement(By.id("riserve-" + MALNATE_ISTAT)).getText()).contains("10");
    }

    /** The definitive graduatoria's page in the console: the art. 15 order, «Avvia istruttoria» on the proposed domanda. */
    void avviaIstruttoria() throws IOException {
        nellaConsole(MALNATE);
        browser.get(url("/graduatorie/" + graduatoria));
        WebElement avvia = attesa.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//form[contains(@class,'avvia-istruttoria')][input[@name='domandaId'][@value='" + domanda + "']]//button")));
        guarda("graduatoria-definitiva", "Avvia istruttoria");
        chromium.clic(avvia);
        attesa.until(ExpectedConditions.urlMatches(".*/domande/" + domanda + "$"));
        attendiTesto("l'attività «Verifica istruttoria» è in carico a te");
        istruttoria = jdbc.queryForObject("select id from istruttoria where domanda_id = ?", Long.class, domanda);
        istanze.computeIfAbsent("istruttoria", k -> new ArrayList<>()).add(istruttoria);
    }

    /** AMMISSIBILE with Malnate's alloggio, chosen among those the nucleo asked of Malnate. */
    void verificaIstruttoria() throws IOException {
        apriAttivita(MALNATE, "Verifica istruttoria – Comune di Malnate");
        radio("Ammissibile");
        scegli("Alloggio da assegnare", jdbc.queryForObject("select codice_ui from alloggio where id = ?", String.class,
                alloggioDi.get(CF_COMUNE_MALNATE)));
        guarda("istruttoria", "Verifica istruttoria");
        completa();
        assegnazione = jdbc.queryForObject("select id from assegnazione where domanda_id = ?", Long.class, domanda);
        istanze.computeIfAbsent("contratto", k -> new ArrayList<>()).add(assegnazione);
    }

    void confermaContratto() throws IOException {
        apriAttivita(MALNATE, "Conferma registrazione contratto – Comune di Malnate");
        radio("Contratto firmato");
        scrivi("Numero del contratto", "CTR-2027-1");
        data("Data di firma", oggi());
        data("Decorrenza", oggi());
        scrivi("Canone mensile", "180");
        scrivi("Estremi della registrazione", "Agenzia delle Entrate, Varese, n. 1234 serie 3T");
        guarda("contratto", "Conferma registrazione contratto");
        completa();
    }

    /** The supervisor follows the case in Cockpit: the graduatoria waits for its definitive publication. */
    void ilSupervisoreInCockpit() throws IOException {
        esci();
        browser.get(url("/camunda/app/cockpit/default/"));
        attesa.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        accedi(SUPERVISORE);
        attendiTesto("Definizioni di processo");
        guarda("cockpit-cruscotto", "Definizioni di processo");
        String istanza = istanza("graduatoria", graduatoria).getId();
        browser.get(url("/camunda/app/cockpit/default/#/process-instance/" + istanza + "/runtime"));
        attendiTesto(Long.toString(graduatoria));
        guarda("cockpit-graduatoria", "Graduatoria");
    }

    void tornaAllOraReale() throws IOException {
        orologio();
        browser.findElement(By.xpath("//button[normalize-space()=\"Torna all'ora reale\"]")).click();
        attesa.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                "Fatto: la piattaforma è tornata all'ora reale."));
        guarda("orologio-ora-reale", "Orologio della demo");
        assertThat(Termini.oggi(clock)).isEqualTo(LocalDate.now(ROMA));
    }

    // ---- what a person does on a page ---------------------------------------------------------------------------

    /** The administrator moves the demo clock past {@code istante} on its page; then this case's due jobs run. */
    void avanzaLOrologioOltre(Instant istante, String nome) throws IOException {
        long giorni = Duration.between(clock.instant(), istante).toDays() + 1;
        orologio();
        WebElement quantita = browser.findElement(By.id("quantita"));
        quantita.clear();
        quantita.sendKeys(Long.toString(giorni));
        browser.findElement(By.id("unita-giorni")).click();
        browser.findElement(By.xpath("//button[normalize-space()='Avanza']")).click();
        attesa.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Fatto: +" + giorni + " giorni."));
        guarda("orologio-" + nome, "Orologio della demo");
        assertThat(clock.instant()).isAfter(istante);
        eseguiILavoriScaduti();
    }

    private void orologio() {
        esci();
        browser.get("http://" + ADMIN + ":" + PASSWORD + "@localhost:" + port + "/demo/orologio");
        attesa.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(browser.getTitle()).isEqualTo("Orologio della demo – Piattaforma Casa");
    }

    /**
     * In the operator's «Le attività del mio ente», searched by the avviso's name as Tasklist's search bar does: the
     * card names the case; the operator opens it and takes it in charge unless it is already theirs.
     */
    void apriAttivita(String utente, String inizioDelNome) throws IOException {
        if (!utente.equals(loggato)) {
            esci();
            browser.get(url(TASKLIST));
            accedi(utente);
        }
        String filtro = jdbc.queryForObject("select id_ from act_ru_filter where name_ = ?", String.class, FILTRO_DEL_MIO_ENTE);
        String ricerca = "[{\"type\":\"taskVariables\",\"operator\":\"eq\",\"value\":\"" + TITOLO + "\",\"name\":\"praticaAvviso\"}]";
        browser.get(url(TASKLIST + "#/?filter=" + filtro + "&searchQuery=" + URLEncoder.encode(ricerca, StandardCharsets.UTF_8)));
        // the card of this avviso's task: Tasklist may draw the filter's other tasks before applying the search
        By scheda = By.xpath("//ol[contains(@class,'tasks-list')]/li[.//h4[starts-with(normalize-space(.), \"" + inizioDelNome
                + "\")]][contains(., \"" + TITOLO + "\")]");
        // the list is drawn again as its data arrive: read and click it afresh until it stands still
        String testoScheda;
        try {
            testoScheda = attesa.until(d -> d.findElement(scheda).getText());
        } catch (org.openqa.selenium.TimeoutException e) {
            chromium.foto("percorso-fallimento-" + utente);
            throw new AssertionError("«" + inizioDelNome + "» not on " + browser.getCurrentUrl() + ":\n" + chromium.testo()
                    + "\ntraffic:\n" + String.join("\n", chromium.traffico())
                    + "\nconsole: " + chromium.console(), e);
        }
        assertThat(testoScheda).contains(TITOLO, "Scadenza:", "Pratica:");
        guarda("elenco-" + String.format("%02d", passo + 1), FILTRO_DEL_MIO_ENTE);
        attesa.until(d -> {
            d.findElement(scheda).findElement(By.cssSelector("h4 a, a")).click();
            return true;
        });
        attesa.until(ExpectedConditions.urlContains("task="));
        attesa.until(d -> !d.findElements(By.cssSelector("button.claim, .fjs-container .fjs-form-field")).isEmpty());
        if (!browser.findElements(By.cssSelector("button.claim")).isEmpty()) {
            attesa.until(d -> {
                WebElement prendi = d.findElement(By.cssSelector("button.claim"));
                assertThat(prendi.getText()).contains("Prendi in carico");
                prendi.click();
                return true;
            });
        }
        attesa.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container .fjs-form-field")));
    }

    void completa() {
        Task prima = taskService.createTaskQuery().taskAssignee(loggato).processInstanceIdIn(idIstanze()).singleResult();
        assertThat(prima).as("the task open in the form").isNotNull();
        By pulsante = By.xpath("//div[contains(@class,'form-actions')]//button[contains(@ng-click,'complete')]");
        WebElement completa = browser.findElement(pulsante);
        assertThat(completa.getText()).isEqualTo("Completa");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", completa);
        // by its place, not the element found above: Tasklist draws the form's buttons again as the form validates
        chromium.risposte();
        // what happens from the press on, for diagnosi(): the events, the button's place, the requests
        browser.executeScript("""
                const d = window.__diag = [];
                const t0 = performance.now();
                const b = () => document.querySelector("div.form-actions button[ng-click*='complete']");
                const r = (x) => x ? Math.round(x.getBoundingClientRect().top) + '/' + x.disabled : 'none';
                ['pointerdown','mousedown','focusout','mouseup','click'].forEach(n => document.addEventListener(n, e => d.push(
                  Math.round(performance.now() - t0) + ' ' + n + ' on ' + (e.target.id || e.target.tagName + '.' + e.target.className)
                  + (e.clientY !== undefined ? ' y=' + e.clientY : '') + ' button=' + r(b())), true));
                new MutationObserver(ms => d.push(Math.round(performance.now() - t0) + ' mutations ' + ms.length + ' button=' + r(b())
                  + ' h=' + document.documentElement.scrollHeight)).observe(document.body, {subtree: true, childList: true, attributes: true});
                const o = XMLHttpRequest.prototype.open;
                XMLHttpRequest.prototype.open = function (m, u) { d.push(Math.round(performance.now() - t0) + ' xhr ' + m + ' ' + u); return o.apply(this, arguments); };
                """);
        attesa.until(ExpectedConditions.elementToBeClickable(pulsante)).click();
        try {
            attesa.until(d -> taskService.createTaskQuery().taskId(prima.getId()).count() == 0 || !errori().isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(diagnosi(prima.getName(), pulsante), e);
        }
        assertThat(errori()).as("error messages after «Completa» on " + prima.getName()).isEmpty();
    }

    /** What the page shows and did after a «Completa» that led nowhere, for the failure's message. */
    private String diagnosi(String attivita, By pulsante) {
        StringBuilder testo = new StringBuilder("«Completa» on " + attivita + " led nowhere.");
        try {
            chromium.foto(String.format("percorso-%02d-completa-fallito", passo));
        } catch (IOException | RuntimeException e) {
            testo.append("\n(no screenshot: ").append(e).append(')');
        }
        try {
            List<WebElement> pulsanti = browser.findElements(pulsante);
            testo.append("\nbutton: ").append(pulsanti.isEmpty() ? "gone" : "disabled=" + pulsanti.get(0).getAttribute("disabled"));
            testo.append("\nresponses: ").append(chromium.risposte().stream().filter(r -> !r.url().contains("/assets/")
                    && !r.url().endsWith(".js") && !r.url().endsWith(".css") && !r.url().endsWith(".html")).toList());
            testo.append("\nconsole: ").append(chromium.console());
            testo.append("\nfields: ").append(browser.executeScript("""
                    return Array.from(document.querySelectorAll('.fjs-container input, .fjs-container textarea'))
                      .map(i => i.id.replace(/^fjs-form-[^-]+-/, '') + '=' + i.value).join(', ')
                      + ' | focus: ' + (document.activeElement && (document.activeElement.id || document.activeElement.tagName))
                      + ' | open calendars: ' + document.querySelectorAll('.flatpickr-calendar.open').length"""));
            testo.append("\nevents: ").append(browser.executeScript("return (window.__diag || []).slice(0, 150).join('\\n')"));
            testo.append("\ntext: ").append(chromium.testo());
        } catch (RuntimeException e) {
            testo.append("\n(diagnosis stopped: ").append(e).append(')');
        }
        return testo.toString();
    }

    /** The error notices Tasklist shows (toasts and the form's field errors). */
    private List<String> errori() {
        return browser.findElements(By.cssSelector(".notifications .alert-danger, .notifications .alert-error, .fjs-form-field-error"))
                .stream().filter(WebElement::isDisplayed).map(e -> {
                    WebElement campo = e.findElements(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]//label")).stream()
                            .findFirst().orElse(null);
                    return (campo == null ? "" : campo.getText() + ": ") + e.getText();
                }).toList();
    }

    /** The field beside its label, scrolled to the middle of the form as a person scrolls to it. */
    private WebElement campo(String etichetta) {
        WebElement label = browser.findElement(By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(.), \""
                + etichetta + "\")]"));
        WebElement campo = browser.findElement(By.id(label.getAttribute("for")));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", campo);
        return campo;
    }

    private void scrivi(String etichetta, String testo) {
        // Tasklist may draw the form again just after the claim: type again into the field drawn now until it keeps the text
        attesa.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement campo = campo(etichetta);
            if (!testo.equals(campo.getAttribute("value"))) {
                campo.clear();
                chromium.scrivi(campo, testo);
            }
            return testo.equals(campo(etichetta).getAttribute("value"));
        });
    }

    /**
     * A date typed as the field asks in its placeholder: form-js takes the order from the browser's own locale (a
     * Chromium without its Italian locale files asks mm/dd/yyyy, an Italian one gg/mm/aaaa), not from the webapp's.
     */
    private void data(String etichetta, LocalDate giorno) {
        WebElement campo = campo(etichetta);
        String segnaposto = campo.getAttribute("placeholder");
        DateTimeFormatter formato = segnaposto == null || segnaposto.isBlank() ? GG_MM_AAAA
                : DateTimeFormatter.ofPattern(segnaposto.replace("mm", "MM").replace("aaaa", "yyyy").replace("gg", "dd"));
        campo.click();
        campo.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        campo.sendKeys(giorno.format(formato));
        // Enter has the calendar read the typed date (form-js takes the calendar's date), Escape closes it
        campo.sendKeys(Keys.ENTER);
        campo.sendKeys(Keys.ESCAPE);
    }

    private void spunta(String etichetta) {
        attesa.until(d -> {
            campo(etichetta).click();
            return true;
        });
    }

    /** A radio option, by the text a person reads next to it. */
    private void radio(String opzione) {
        WebElement etichetta = browser.findElement(By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(.), \""
                + opzione + "\")]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", etichetta);
        etichetta.click();
        assertThat(browser.findElement(By.id(etichetta.getAttribute("for"))).isSelected()).as(opzione).isTrue();
    }

    /**
     * A form-js select: open it unless it is open already (it opens when the focus reaches it, e.g. by Tab from the
     * field before, and a click would close it again), choose the option whose text starts with {@code opzione}.
     */
    private void scegli(String etichetta, String opzione) {
        String id = campo(etichetta).getAttribute("id");
        By voce = By.xpath("//*[@id='" + id + "-display']/ancestor::div[contains(@class,'fjs-form-field')][1]"
                + "//div[contains(@class,'fjs-dropdownlist-item') and starts-with(normalize-space(.), \"" + opzione + "\")]");
        if (browser.findElements(voce).isEmpty()) {
            WebElement scelta = browser.findElement(By.id(id + "-display"));
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", scelta);
            scelta.click();
        }
        attesa.until(ExpectedConditions.elementToBeClickable(voce)).click();
        attesa.until(d -> d.findElement(By.id(id + "-display")).getText().startsWith(opzione));
    }

    /** The login form of the webapp on the screen. */
    private void accedi(String utente) {
        chromium.accedi(utente, PASSWORD);
        loggato = utente;
    }

    /** The next user starts without the previous one's session, on a page loaded afresh. */
    private void esci() {
        chromium.esci();
        loggato = null;
    }

    private void attendiTesto(String testo) {
        attesa.until(d -> chromium.testo().contains(testo));
    }

    /**
     * What the person sees now: the expected Italian text, no error message, no English word of Camunda's own; a
     * screenshot, and axe-core's WCAG 2.1 AA check of the page.
     */
    private void guarda(String nome, String testoAtteso) throws IOException {
        attendiTesto(testoAtteso);
        passo++;
        String file = String.format("percorso-%02d-%s", passo, nome);
        // form-js checks a field as it is typed into (an emptied field is «obbligatorio» for a moment): what stays counts
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> errori().isEmpty());
        } catch (org.openqa.selenium.TimeoutException restano) {
            // asserted below, with the messages
        }
        chromium.foto(file);
        assertThat(errori()).as("error messages on " + file).isEmpty();
        assertThat(chromium.testo()).as("English left on " + file)
                .doesNotContain("Claim", "Complete", "Due date", "Follow-up", "Select", "Loading", "Sign in", "Username");
        controllaAccessibilita(file);
    }

    private void controllaAccessibilita(String pagina) {
        List<String> gravi = ConsoleNelBrowser.violazioniGravi(browser, pagina, List.copyOf(REGOLE_ESCLUSE.keySet()));
        if (!gravi.isEmpty()) {
            violazioniGravi.put(pagina, gravi);
        }
    }

    // ---- the case ------------------------------------------------------------------------------------------------

    /** The due jobs of this case's instances, as the job executor would run them after the clock's jump. */
    private void eseguiILavoriScaduti() {
        for (int giro = 0; giro < 100; giro++) {
            List<Job> dovuti = new ArrayList<>();
            for (String id : idIstanze()) {
                dovuti.addAll(managementService.createJobQuery().processInstanceId(id).executable().list());
            }
            if (dovuti.isEmpty()) {
                return;
            }
            // one at a time: a job may end another (a timer that fires cancels its task's other timers)
            managementService.executeJob(dovuti.get(0).getId());
            // the graduatorie generated at chiusura start instances of their own
            jdbc.queryForList("select id from graduatoria where avviso_id = ?", Long.class, avviso).forEach(g -> {
                List<Long> graduatorie = istanze.computeIfAbsent("graduatoria", k -> new ArrayList<>());
                if (!graduatorie.contains(g)) {
                    graduatorie.add(g);
                }
            });
        }
        throw new AssertionError("jobs still due after 100 rounds");
    }

    private String[] idIstanze() {
        List<String> id = new ArrayList<>();
        istanze.forEach((processo, chiavi) -> chiavi.forEach(chiave -> {
            ProcessInstance istanza = istanza(processo, chiave);
            if (istanza != null) {
                id.add(istanza.getId());
            }
        }));
        return id.isEmpty() ? new String[] {"nessuna"} : id.toArray(String[]::new);
    }

    private ProcessInstance istanza(String processo, long chiave) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processo)
                .processInstanceBusinessKey(Long.toString(chiave)).singleResult();
    }

    private String statoAvviso() {
        return http.get("/api/avvisi/" + avviso, CAPOFILA).json().get("stato").asText();
    }

    private LocalDate oggi() {
        return Termini.oggi(clock);
    }

    private String url(String percorso) {
        return "http://localhost:" + port + percorso;
    }
}
