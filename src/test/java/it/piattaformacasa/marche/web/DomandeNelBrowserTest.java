package it.piattaformacasa.marche.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * Issue 15 in a browser: the operator of the Comune di Ancona files a domanda at the desk through the five steps
 * (seed 004, Fig. 14–19) — the applicant's data, the requisiti and two members of the nucleo added with «Nuovo», the
 * subjective conditions (the nucleo's suggestion confirmed), the objective ones with the «TOTALE», the riepilogo — then
 * finds it in «Ricerca domande».
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomandeNelBrowserTest {

    @LocalServerPort
    int port;

    ConsoleNelBrowser console;
    ClientHttp http;
    long bando;
    String numero;

    @BeforeAll
    void apri() {
        http = new ClientHttp(port);
        numero = "S" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
        ClientHttp.Risposta creato = http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"" + numero + "\",\"dataPubblicazione\":"
                + "\"2054-02-01\",\"dataScadenza\":\"2054-03-31\",\"dataScadenzaEstero\":\"2054-04-15\"}");
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        bando = creato.json().get("id").asLong();
        assertThat(http.post("/api/marche/bandi/" + bando + "/condizioni/copia-da-modello", ANCONA, "").status()).isEqualTo(201);
        console = new ConsoleNelBrowser(port);
    }

    @AfterAll
    void chiudi() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void lOperatoreDiAnconaInserisceUnaDomandaNeiCinquePassi() {
        console.accedi(ANCONA, PASSWORD);
        console.vai("/marche/bandi/" + bando);
        console.trova(By.id("vai-inserisci-domanda")).click();
        console.guarda("marche-domanda-passo1", "Anagrafica del richiedente");
        assertThat(console.testoDi(By.id("titolo-bando"))).isEqualTo("Bando n. " + numero + " del 01/02/2054");
        assertThat(console.testo()).contains("Scadenza per i residenti in Italia: 31/03/2054",
                "Scadenza per i residenti all'estero: 15/04/2054");

        // a date after the deadline is refused beside the field, and in the summary at the top
        console.scrivi(By.id("dataPresentazione"), "02/04/2054");
        console.scrivi(By.id("codiceFiscale"), CodiceFiscale.conControllo("DRCVTR70T12A271"));
        console.scrivi(By.id("cognome"), "DI ROCCO");
        console.scrivi(By.id("nome"), "VITTORIO");
        console.scrivi(By.id("dataNascita"), "12/12/1970");
        console.scrivi(By.id("luogoNascita"), "ANCONA");
        console.scrivi(By.id("nazionalita"), "Italiana");
        console.scrivi(By.id("residenteA"), "Ancona");
        console.scrivi(By.id("indirizzo"), "Via Marconi 3");
        console.scrivi(By.id("cap"), "60121");
        console.scrivi(By.id("residenteDal"), "01/01/2040");
        console.scrivi(By.id("anniPresentazione"), "2051, 2052, 2053");
        console.scrivi(By.id("isee"), "6.200,00");
        premi("salva");
        console.guarda("marche-domanda-passo1-errore", "entro e non oltre il 31/03/2054");
        assertThat(console.trova(By.id("dataPresentazione")).getAttribute("aria-describedby")).isEqualTo("dataPresentazione-errore");
        console.scrivi(By.id("dataPresentazione"), "10/02/2054");
        premi("salva");

        console.guarda("marche-domanda-passo2", "Domanda n. 1 inserita: passo 1 salvato.");
        assertThat(console.trova(By.cssSelector("#passi [aria-current='step']")).getText()).isEqualTo("Passo 2");
        premi("req-cittadinanza");
        premi("req-residenza");
        premi("nuovo-componente");
        console.scrivi(By.id("k0-cognome"), "PASQUALINI");
        console.scrivi(By.id("k0-nome"), "SIMONA");
        console.scrivi(By.id("k0-dataNascita"), "16/09/1975");
        console.scrivi(By.id("k0-parentela"), "Convivente");
        console.scrivi(By.id("k0-attivitaLavorativa"), "Casalinga");
        premi("nuovo-componente");
        console.scrivi(By.id("k1-cognome"), "DI ROCCO");
        console.scrivi(By.id("k1-nome"), "FEDELE");
        console.scrivi(By.id("k1-dataNascita"), "20/12/2046");
        console.scrivi(By.id("k1-parentela"), "Figlio/a a carico");
        console.scrivi(By.id("k1-invalidita"), "80");
        premi("k1-aCarico");
        console.guarda("marche-domanda-passo2-nucleo", "Componente 2");
        premi("salva");

        console.guarda("marche-domanda-passo3", "Passo 2 salvato.");
        assertThat(console.testoDi(By.id("valore-SOGGETTIVA_1"))).contains("6.200,00");
        assertThat(console.testoDi(By.id("valore-SOGGETTIVA_2"))).contains("3");
        assertThat(console.testoDi(By.id("valore-SOGGETTIVA_10"))).contains("14");
        console.scrivi(By.id("anniPartecipazione"), "3");
        premi("salva");

        console.guarda("marche-domanda-passo4", "Passo 3 salvato.");
        premi("c-OGGETTIVA_3_BIS-a");
        premi("c-OGGETTIVA_5-b");
        premi("salva");
        console.guarda("marche-domanda-passo5", "Passo 4 salvato.");
        String totale = console.testoDi(By.id("totale"));
        JsonNode domanda = domanda();
        assertThat(domanda.get("punteggio").decimalValue()).isPositive();
        assertThat(totale).isEqualTo(domanda.get("punteggio").decimalValue().setScale(2).toPlainString().replace('.', ','));

        console.scrivi(By.id("note"), "Documentazione completa");
        premi("salva");
        console.guarda("marche-domanda-riepilogo-salvato", "Passo 5 salvato: la domanda è completa.");

        console.vai("/marche/domande/" + domanda.get("id").asText() + "/passo/4");
        console.guarda("marche-domanda-totale", "TOTALE");
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                console.trova(By.id("titolo-totale")));
        console.foto("marche-domanda-spiegazione");
        assertThat(console.testoDi(By.id("spiegazione-punteggio"))).contains("OGGETTIVA 5 b.", "SOGGETTIVA 1");

        console.vai("/marche/bandi/" + bando + "/domande");
        console.scrivi(By.id("cognome"), "di r");
        premi("cerca");
        console.guarda("marche-ricerca-domande", "DI ROCCO VITTORIO");
        assertThat(console.testoDi(By.id("tabella-domande"))).contains("10/02/2054", totale);
        assertThat(domande()).isEqualTo(1);
    }

    private void premi(String id) {
        // present, not necessarily visible: Bootstrap Italia draws its own radio buttons over the inputs
        WebElement elemento = console.attesa().until(
                org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id(id)));
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", elemento);
        console.driver().executeScript("arguments[0].click()", elemento);
    }

    private JsonNode domanda() {
        JsonNode righe = http.get("/api/marche/bandi/" + bando + "/domande", ANCONA).json().get("elementi");
        return http.get("/api/marche/domande/" + righe.get(0).get("id").asText(), ANCONA).json();
    }

    private long domande() {
        return http.get("/api/marche/bandi/" + bando + "/domande", ANCONA).json().get("totale").asLong();
    }
}
