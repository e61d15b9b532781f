package it.piattaformacasa.marche.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.config.ConsoleNelBrowser;
import it.piattaformacasa.marche.DomandeMarcheDiProva;

/**
 * Issue 15 in a browser, «Graduatoria domande alloggi ERP» (seed 004 Fig. 23–24): the operator of the Comune di Ancona
 * opens it from the bando, inserts it, calculates it, moves a domanda up with a reason, publishes the provisional
 * list and then the definitive one; a working score changed afterwards shows in red with the word «variato».
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraduatoriaBandoNelBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    ConsoleNelBrowser console;

    @BeforeAll
    void apri() {
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void anconaCalcolaSpostaUnaDomandaERendeDefinitivaLaGraduatoria() {
        String numero = "GB" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
        ClientHttp http = new ClientHttp(port);
        ClientHttp.Risposta creato = http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"" + numero + "\",\"dataPubblicazione\":"
                + "\"2052-01-15\",\"dataScadenza\":\"2052-03-15\",\"dataScadenzaEstero\":\"2052-03-31\"}");
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        long bando = creato.json().get("id").asLong();
        assertThat(http.post("/api/marche/bandi/" + bando + "/condizioni/copia-da-modello", ANCONA, "").status()).isEqualTo(201);
        DomandeMarcheDiProva domande = new DomandeMarcheDiProva(jdbc, clock, bando);
        long rossi = domande.domanda(57, "2052-02-10", "Rossi", "17.50");
        domande.domanda(58, "2052-02-23", "Bianchi", "16.50");
        long verdi = domande.domanda(59, "2052-02-26", "Verdi", "15.75");
        domande.domanda(60, "2052-02-21", "Neri", "15.50");
        domande.domanda(61, "2052-02-10", "Gialli", "15.50");
        domande.domanda(62, "2052-02-11", "Esclusi", "9.00", true);

        console.accedi(ANCONA, PASSWORD);
        console.vai("/marche/bandi/" + bando);
        clicca(By.id("vai-graduatoria"));
        console.guarda("marche-graduatoria-da-inserire", "specificare i dati richiesti e confermare con «Inserisci»");
        assertThat(console.testoDi(By.id("contatori"))).contains("Domande presentate", "6", "Domande valide", "5");
        console.scrivi(By.id("data"), "01/04/2052");
        console.clicca("Inserisci");
        console.guarda("marche-graduatoria-inserita", "Graduatoria inserita");

        console.clicca("Calcola");
        console.guarda("marche-graduatoria-calcolata", "Graduatoria calcolata: 5 domande");
        // same score 15,50: who filed first comes first (provisional tie-break)
        String tabella = console.testoDi(By.id("tabella-graduatoria"));
        assertThat(tabella.indexOf("Gialli")).isLessThan(tabella.indexOf("Neri"));

        console.scrivi(By.id("motivo"), "Verbale della Commissione n. 4: precedenza per sfratto");
        clicca(By.id("su-" + verdi));
        console.guarda("marche-graduatoria-spostata", "Domanda n. 59 spostata in posizione 2");
        assertThat(console.testoDi(By.id("riga-" + verdi))).contains("Spostata a mano (calcolata in posizione 3)", "Verbale della Commissione");

        // «Calcola» now asks first: the moves that would be lost, and «Annulla» keeps them
        console.clicca("Calcola");
        console.guarda("marche-graduatoria-conferma-calcolo", "tali interventi manuali andranno persi");
        assertThat(console.testoDi(By.id("spostamenti"))).contains("Domanda n. 59", "Verbale della Commissione n. 4");
        clicca(By.id("annulla"));
        console.guarda("marche-graduatoria-calcolo-annullato", "Spostata a mano (calcolata in posizione 3)");

        new Select(console.trova(By.id("fase"))).selectByValue("PROVVISORIA");
        console.scrivi(By.id("provvisoriaAlboNumero"), "12/2052");
        console.scrivi(By.id("provvisoriaAlboData"), "01/05/2052");
        console.clicca("Salva");
        console.guarda("marche-graduatoria-provvisoria", "Graduatoria salvata: fase provvisoria.");

        // definitive without the Commission's verbale: the fields named in the summary
        new Select(console.trova(By.id("fase"))).selectByValue("DEFINITIVA");
        console.scrivi(By.id("definitivaAlboNumero"), "30/2052");
        console.scrivi(By.id("definitivaAlboData"), "01/07/2052");
        console.clicca("Salva");
        console.guarda("marche-graduatoria-senza-verbale", "Numero verbale di approvazione della Commissione: obbligatorio");
        console.scrivi(By.id("verbaleNumero"), "7");
        console.scrivi(By.id("verbaleData"), "20/06/2052");
        console.clicca("Salva");
        console.guarda("marche-graduatoria-definitiva", "Graduatoria salvata: fase definitiva.");
        assertThat(console.testo()).doesNotContain("Calcola\n").contains("Graduatoria – fase Definitiva");
        assertThat(console.driver().findElements(By.id("calcola"))).isEmpty();
        assertThat(console.driver().findElements(By.id("su-" + verdi))).isEmpty();

        // art. 11: the working score re-checked after the definitive list
        domande.cambiaPunteggio(rossi, "14.25");
        console.vai("/marche/bandi/" + bando + "/graduatoria");
        console.guarda("marche-graduatoria-punteggio-variato", "variato");
        assertThat(console.testoDi(By.id("riga-" + rossi))).contains("14,25", "variato", "(17,50)");
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                console.trova(By.id("riga-" + rossi)));
        console.foto("marche-graduatoria-punteggio-variato-riga");
    }

    /** A button or link below the fold: brought into view first (the page's footer may cover it otherwise). */
    private void clicca(By come) {
        var elemento = console.trova(come);
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", elemento);
        console.attesa().until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(elemento)).click();
    }
}
