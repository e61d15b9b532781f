package it.piattaformacasa.marche.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.config.ConsoleNelBrowser;

/**
 * ADR 16 in a browser: from the «Condizioni» of a bando with the Region's model, the operator of Ancona opens «Prova il
 * punteggio», types an ISEE with the comma and ticks OGGETTIVA 1 and 2 (not cumulative), and reads the total with the
 * explanation of each band; a wrong number comes back beside its field. Each page passes axe-core (WCAG 2.1 AA).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvaPunteggioNelBrowserTest {

    @LocalServerPort
    int port;

    ConsoleNelBrowser console;
    long bando;

    @BeforeAll
    void apri() {
        ClientHttp http = new ClientHttp(port);
        String numero = "R" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
        ClientHttp.Risposta creato = http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"" + numero + "\",\"dataPubblicazione\":"
                + "\"2059-02-01\",\"dataScadenza\":\"2059-03-31\",\"dataScadenzaEstero\":\"2059-04-15\"}");
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
    void lOperatoreProvaIlPunteggioDiUnaDomanda() {
        console.accedi(ANCONA, PASSWORD);
        console.vai("/marche/bandi/" + bando + "/condizioni");
        console.guarda("marche-condizioni-con-dmn", "Scarica le regole DMN");
        console.trova(By.id("vai-prova")).click();
        console.guarda("marche-prova-punteggio", "Calcola il punteggio");

        console.scrivi(By.id("valore-ISEE"), "4.800,00");
        console.scrivi(By.id("valore-COMPONENTI"), "3");
        // Bootstrap Italia draws its own radio: the person clicks the label
        spunta("spuntata-OGGETTIVA_1-a");
        spunta("spuntata-OGGETTIVA_2-a");
        console.clicca("Calcola il punteggio");
        console.guarda("marche-prova-risultato", "Totale: 10,00 punti");
        assertThat(console.testoDi(By.id("voci"))).contains("SOGGETTIVA 1 fascia a: Valore ISEE (€) fino a 5.142,58 → 5 punti",
                "no (non cumulabile");

        console.scrivi(By.id("valore-COMPONENTI"), "2,5");
        console.clicca("Calcola il punteggio");
        console.guarda("marche-prova-errore", "un numero intero");
        assertThat(console.trova(By.id("valore-COMPONENTI")).getAttribute("aria-invalid")).isEqualTo("true");
    }

    private void spunta(String radio) {
        var etichetta = console.trova(By.cssSelector("label[for='" + radio + "']"));
        console.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", etichetta);
        etichetta.click();
        assertThat(console.driver().findElement(By.id(radio)).isSelected()).as(radio).isTrue();
    }
}
