package it.piattaformacasa.marche.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * Issue 15 end to end in one browser session (seed 004: «a browser walk of a Marche operator from "Nuovo bando" to
 * the definitive list»). The operator of the Comune di Ancona, only clicking and typing in the console: «Bandi» from
 * the menu → «Nuovo bando» → «Condizioni» → «Copia da modello», band «b» of the ISEE condition from 3,5 to 4,5 points →
 * «Salva» → back to the bando → «Inserisci domanda» twice through the five passi (ROSSI with ISEE in band «b» and a
 * member of the nucleo added with «Nuovo»; BIANCHI alone with ISEE in band «c») → «Ricerca domande» finds both →
 * «Graduatoria domande alloggi ERP»: «Inserisci», «Calcola» (ROSSI first), BIANCHI moved up with the Commission's
 * reason, provisional list (albo), definitive list (albo, verbale) → «Definitiva», no «Calcola», BIANCHI 1st, ROSSI 2nd;
 * «Stampa» is an Excel workbook. The other browser tests of the module create their bando or domande through the API
 * or a fixture; this one proves the pages chain together as a person uses them. Bandi of year 2061 belong to this test.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PercorsoMarcheNelBrowserTest {

    @LocalServerPort
    int port;

    ConsoleNelBrowser console;
    String numero;

    @BeforeAll
    void apri() {
        numero = "P" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void lOperatoreDiAnconaVaDalNuovoBandoAllaGraduatoriaDefinitiva() {
        // 1. the bando
        console.accedi(ANCONA, PASSWORD);
        console.trova(By.cssSelector("#menu-principale a[href='/marche/bandi']")).click();
        console.guarda("marche-percorso-01-bandi", "I bandi di concorso del Comune");
        console.clicca("Nuovo bando");
        console.guarda("marche-percorso-02-nuovo-bando", "Nuovo bando");
        console.scrivi(By.id("numero"), numero);
        console.scrivi(By.id("dataPubblicazione"), "01/02/2061");
        console.scrivi(By.id("dataScadenza"), "31/03/2061");
        console.scrivi(By.id("dataScadenzaEstero"), "15/04/2061");
        console.clicca("OK");
        console.guarda("marche-percorso-03-bando-inserito", "Bando n. " + numero + " del 01/02/2061 inserito");
        assertThat(console.testo()).contains("31/03/2061", "15/04/2061", "Da definire");
        String bando = console.driver().getCurrentUrl().replaceAll(".*/marche/bandi/(\\d+).*", "$1");
        assertThat(bando).matches("\\d+");
        // no condition yet: no domanda can be filed
        assertThat(console.driver().findElements(By.id("vai-inserisci-domanda"))).isEmpty();

        // 2. its conditions: the Region's model, one band changed
        clicca(By.id("vai-condizioni"));
        console.guarda("marche-percorso-04-condizioni-vuote", "Le condizioni del bando sono contenitori vuoti");
        console.clicca("Copia da modello");
        console.guarda("marche-percorso-05-condizioni-copiate", "Condizioni copiate dal modello della Regione (versione 1)");
        assertThat(console.trova(By.id("c0-f1-punti")).getAttribute("value")).isEqualTo("3,5");
        console.scrivi(By.id("c0-f1-punti"), "4,5");
        console.clicca("Salva");
        console.guarda("marche-percorso-06-condizioni-salvate", "Condizioni del bando salvate: versione 2.");
        assertThat(console.trova(By.id("c0-f1-punti")).getAttribute("value")).isEqualTo("4,5");

        clicca(By.cssSelector(".breadcrumb a[href='/marche/bandi/" + bando + "']"));
        console.guarda("marche-percorso-07-bando-con-condizioni", "Versioni delle condizioni");
        assertThat(console.testoDi(By.id("tabella-versioni"))).contains("Copia da modello", "Salva", ANCONA);

        // 3. two domande at the desk, five passi each
        clicca(By.id("vai-inserisci-domanda"));
        String rossi = domanda(10, "rossi", "10/02/2061", CodiceFiscale.conControllo("RSSPRC71B12A271"), "ROSSI", "PERCORSO",
                "12/02/1971", "6.200,00", true);
        String totaleRossi = console.testoDi(By.id("totale"));
        clicca(By.cssSelector(".breadcrumb a[href='/marche/bandi/" + bando + "']"));
        console.guarda("marche-percorso-19-bando-una-domanda", "Domande inserite");
        assertThat(console.testoDi(By.id("domande"))).isEqualTo("1");
        clicca(By.id("vai-inserisci-domanda"));
        String bianchi = domanda(20, "bianchi", "12/02/2061", CodiceFiscale.conControllo("BNCLCU85M41A271"), "BIANCHI", "LUCIA",
                "01/08/1985", "9.500,00", false);
        String totaleBianchi = console.testoDi(By.id("totale"));
        // ISEE in band «b» as the bando changed it (4,5) + a nucleo of two (1), versus band «c» (2) + one person (1)
        assertThat(punti(totaleRossi)).isGreaterThan(punti(totaleBianchi));
        assertThat(List.of(totaleRossi, totaleBianchi)).containsExactly("5,50", "3,00");

        clicca(By.cssSelector(".breadcrumb a[href='/marche/bandi/" + bando + "/domande']"));
        console.guarda("marche-percorso-30-ricerca-domande", "Ricerca domande");
        premi("cerca");
        console.guarda("marche-percorso-31-domande-trovate", "BIANCHI LUCIA");
        String trovate = console.testoDi(By.id("tabella-domande"));
        assertThat(trovate).contains("ROSSI PERCORSO", "10/02/2061", totaleRossi, "BIANCHI LUCIA", "12/02/2061", totaleBianchi);

        // 4. the graduatoria
        clicca(By.cssSelector(".breadcrumb a[href='/marche/bandi/" + bando + "']"));
        console.guarda("marche-percorso-32-bando-due-domande", "Graduatoria domande alloggi ERP");
        assertThat(console.testoDi(By.id("domande"))).isEqualTo("2");
        clicca(By.id("vai-graduatoria"));
        console.guarda("marche-percorso-40-graduatoria-da-inserire", "specificare i dati richiesti e confermare con «Inserisci»");
        assertThat(console.testoDi(By.id("presentate"))).isEqualTo("2");
        console.scrivi(By.id("data"), "01/04/2061");
        console.clicca("Inserisci");
        console.guarda("marche-percorso-41-graduatoria-inserita", "Graduatoria inserita");

        console.clicca("Calcola");
        console.guarda("marche-percorso-42-graduatoria-calcolata", "Graduatoria calcolata: 2 domande");
        assertThat(righe()).containsExactly("1 ROSSI PERCORSO", "2 BIANCHI LUCIA");
        assertThat(console.testoDi(By.id("riga-" + rossi))).contains(totaleRossi + " (" + totaleRossi + ")", "10/02/2061");

        console.scrivi(By.id("motivo"), "Verbale della Commissione n. 3: precedenza per sfratto");
        clicca(By.id("su-" + bianchi));
        console.guarda("marche-percorso-43-graduatoria-spostata", "spostata in posizione 1");
        assertThat(righe()).containsExactly("1 BIANCHI LUCIA", "2 ROSSI PERCORSO");
        assertThat(console.testoDi(By.id("riga-" + bianchi))).contains("Spostata a mano (calcolata in posizione 2)",
                "Verbale della Commissione n. 3");

        new Select(console.trova(By.id("fase"))).selectByValue("PROVVISORIA");
        console.scrivi(By.id("provvisoriaAlboNumero"), "14/2061");
        console.scrivi(By.id("provvisoriaAlboData"), "02/05/2061");
        console.clicca("Salva");
        console.guarda("marche-percorso-44-graduatoria-provvisoria", "Graduatoria salvata: fase provvisoria.");

        new Select(console.trova(By.id("fase"))).selectByValue("DEFINITIVA");
        console.scrivi(By.id("definitivaAlboNumero"), "31/2061");
        console.scrivi(By.id("definitivaAlboData"), "03/07/2061");
        console.scrivi(By.id("verbaleNumero"), "8");
        console.scrivi(By.id("verbaleData"), "21/06/2061");
        console.clicca("Salva");
        console.guarda("marche-percorso-45-graduatoria-definitiva", "Graduatoria salvata: fase definitiva.");
        assertThat(console.testo()).contains("Graduatoria – fase Definitiva");
        assertThat(Map.of("provvisoriaAlboNumero", "14/2061", "provvisoriaAlboData", "02/05/2061", "definitivaAlboNumero", "31/2061",
                "definitivaAlboData", "03/07/2061", "verbaleNumero", "8", "verbaleData", "21/06/2061"))
                .allSatisfy((campo, valore) -> assertThat(console.trova(By.id(campo)).getAttribute("value")).as(campo).isEqualTo(valore));
        assertThat(console.driver().findElements(By.id("calcola"))).isEmpty();
        assertThat(console.driver().findElements(By.id("su-" + rossi))).isEmpty();
        assertThat(righe()).containsExactly("1 BIANCHI LUCIA", "2 ROSSI PERCORSO");
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                console.trova(By.id("tabella-graduatoria")));
        console.foto("marche-percorso-46-graduatoria-definitiva-tabella");

        // «Stampa»: the helper does not keep downloads, so the browser fetches the link with the session's cookie
        String stampa = console.trova(By.id("stampa")).getAttribute("href");
        assertThat(stampa).endsWith("/marche/bandi/" + bando + "/graduatoria/stampa.xlsx");
        @SuppressWarnings("unchecked")
        Map<String, Object> scaricato = (Map<String, Object>) console.driver().executeAsyncScript("""
                const fatto = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => fatto({stato: r.status,
                    tipo: r.headers.get('Content-Type'), disposizione: r.headers.get('Content-Disposition'),
                    inizio: String.fromCharCode(...new Uint8Array(b.slice(0, 2))), byte: b.byteLength})))
                  .catch(e => fatto({errore: String(e)}));
                """, stampa);
        assertThat(scaricato).containsEntry("stato", 200L).containsEntry("inizio", "PK");
        assertThat((String) scaricato.get("tipo")).contains("spreadsheetml");
        assertThat((String) scaricato.get("disposizione")).contains(".xlsx");
    }

    /**
     * A domanda through the five passi, from the «Inserisci domanda» page to the riepilogo saved; the browser stays on
     * passo 4, with its «TOTALE». Returns the domanda's id.
     */
    private String domanda(int n, String chi, String data, String cf, String cognome, String nome, String nascita, String isee,
            boolean conComponente) {
        console.guarda("marche-percorso-" + n + "-" + chi + "-passo1", "Anagrafica del richiedente");
        assertThat(console.testoDi(By.id("titolo-bando"))).isEqualTo("Bando n. " + numero + " del 01/02/2061");
        console.scrivi(By.id("dataPresentazione"), data);
        console.scrivi(By.id("codiceFiscale"), cf);
        console.scrivi(By.id("cognome"), cognome);
        console.scrivi(By.id("nome"), nome);
        console.scrivi(By.id("dataNascita"), nascita);
        console.scrivi(By.id("luogoNascita"), "ANCONA");
        console.scrivi(By.id("nazionalita"), "Italiana");
        console.scrivi(By.id("residenteA"), "Ancona");
        console.scrivi(By.id("indirizzo"), "Via della Loggia 7");
        console.scrivi(By.id("cap"), "60121");
        console.scrivi(By.id("residenteDal"), "01/01/2050");
        console.scrivi(By.id("isee"), isee);
        premi("salva");

        console.guarda("marche-percorso-" + (n + 1) + "-" + chi + "-passo2", "passo 1 salvato.");
        String id = console.driver().getCurrentUrl().replaceAll(".*/marche/domande/(\\d+)/.*", "$1");
        assertThat(id).matches("\\d+");
        premi("req-cittadinanza");
        premi("req-residenza");
        if (conComponente) {
            premi("nuovo-componente");
            console.scrivi(By.id("k0-cognome"), cognome);
            console.scrivi(By.id("k0-nome"), "MARTA");
            console.scrivi(By.id("k0-dataNascita"), "03/03/1974");
            console.scrivi(By.id("k0-parentela"), "Coniuge");
            console.scrivi(By.id("k0-attivitaLavorativa"), "Impiegata");
            console.guarda("marche-percorso-" + (n + 2) + "-" + chi + "-passo2-nucleo", "Componente 1");
        }
        premi("salva");

        console.guarda("marche-percorso-" + (n + 3) + "-" + chi + "-passo3", "Passo 2 salvato.");
        // the label names the unit, the value does not repeat it
        assertThat(console.testoDi(By.id("valore-SOGGETTIVA_1"))).isEqualTo("Valore ISEE (€): " + isee);
        premi("salva");
        console.guarda("marche-percorso-" + (n + 4) + "-" + chi + "-passo4", "Passo 3 salvato.");
        premi("salva");
        console.guarda("marche-percorso-" + (n + 5) + "-" + chi + "-passo5", "Passo 4 salvato.");
        console.scrivi(By.id("note"), "Documentazione completa");
        premi("salva");
        console.guarda("marche-percorso-" + (n + 6) + "-" + chi + "-riepilogo", "Passo 5 salvato: la domanda è completa.");
        clicca(By.id("vai-passo-4"));
        console.guarda("marche-percorso-" + (n + 7) + "-" + chi + "-totale", "TOTALE");
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                console.trova(By.id("titolo-totale")));
        console.foto("marche-percorso-" + (n + 8) + "-" + chi + "-totale-spiegazione");
        assertThat(console.testoDi(By.id("totale"))).matches("\\d+,\\d\\d");
        return id;
    }

    /** The graduatoria's rows as «position SURNAME NAME», top to bottom. */
    private List<String> righe() {
        return console.driver().findElements(By.cssSelector("#tabella-graduatoria tbody tr")).stream()
                .map(riga -> riga.findElement(By.cssSelector("td")).getText() + " "
                        + riga.findElement(By.cssSelector("a[id^='seleziona-']")).getText().replaceAll(" \\(n\\. \\d+\\)$", ""))
                .toList();
    }

    private static BigDecimal punti(String testo) {
        return new BigDecimal(testo.replace(".", "").replace(',', '.'));
    }

    private void premi(String id) {
        // present, not necessarily visible: Bootstrap Italia draws its own check boxes over the inputs
        WebElement elemento = console.attesa().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", elemento);
        console.driver().executeScript("arguments[0].click()", elemento);
    }

    /** A button or link below the fold: brought into view first (the page's footer may cover it otherwise). */
    private void clicca(By come) {
        WebElement elemento = console.trova(come);
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", elemento);
        console.attesa().until(ExpectedConditions.elementToBeClickable(elemento)).click();
    }
}
