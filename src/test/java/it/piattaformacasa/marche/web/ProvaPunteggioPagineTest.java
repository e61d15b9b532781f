package it.piattaformacasa.marche.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.regole.kie.KieDmnRuntime;

/**
 * ADR 16 in the console: «Scarica le regole DMN» from the «Condizioni» page and «Prova il punteggio» — numbers with the
 * comma, one radio per condition without parameter, the result with the explanation of each band and the member of a
 * non-cumulative group that does not count; wrong data beside their field; nothing saved.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvaPunteggioPagineTest {

    @LocalServerPort
    int port;

    ClientHttp http;
    SessioneConsole ancona;
    long bando;

    @BeforeAll
    void bando() {
        http = new ClientHttp(port);
        ancona = SessioneConsole.di(http, ANCONA);
        String numero = "Q" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
        ClientHttp.Risposta creato = http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"" + numero + "\",\"dataPubblicazione\":"
                + "\"2058-02-01\",\"dataScadenza\":\"2058-03-31\",\"dataScadenzaEstero\":\"2058-04-15\"}");
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        bando = creato.json().get("id").asLong();
        assertThat(http.post("/api/marche/bandi/" + bando + "/condizioni/copia-da-modello", ANCONA, "").status()).isEqualTo(201);
    }

    @Test
    void laPaginaDelleCondizioniPortaAlDmnEAllaProva() {
        String pagina = ancona.get("/marche/bandi/" + bando + "/condizioni").body();
        assertThat(pagina).contains("id=\"scarica-dmn\"", "href=\"/marche/bandi/" + bando + "/condizioni/dmn\"", "Scarica le regole DMN",
                "href=\"/marche/bandi/" + bando + "/condizioni/prova\"");
        HttpResponse<byte[]> dmn = ancona.scarica("/marche/bandi/" + bando + "/condizioni/dmn");
        assertThat(dmn.statusCode()).isEqualTo(200);
        assertThat(dmn.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("-2058-condizioni-v1.dmn"));
        assertThat(KieDmnRuntime.problemi("console.dmn", dmn.body())).isEmpty();
        assertThat(new String(dmn.body(), StandardCharsets.UTF_8)).contains("OGGETTIVA 5 fascia e spuntata");
    }

    @Test
    void provaIlPunteggioConLaSpiegazione() {
        String modulo = ancona.get("/marche/bandi/" + bando + "/condizioni/prova").body();
        assertThat(modulo).contains("for=\"valore-ISEE\"", "Valore ISEE (€)", "name=\"spuntata-OGGETTIVA_5\"",
                "for=\"ripetizioni-SOGGETTIVA_4\"", "id=\"calcola\"");
        ClientHttp.Risposta calcolata = ancona.post("/marche/bandi/" + bando + "/condizioni/prova", Map.of("valore-ISEE", "4.800,00",
                "valore-COMPONENTI", "3", "spuntata-OGGETTIVA_1", "a", "spuntata-OGGETTIVA_2", "a", "ripetizioni-SOGGETTIVA_4", "2"));
        assertThat(calcolata.status()).as(calcolata.body()).isEqualTo(200);
        assertThat(calcolata.body()).contains("Totale: 12,00 punti", "SOGGETTIVA 1 fascia a: Valore ISEE (€) fino a 5.142,58",
                "no (non cumulabile", "5,00");
        // the values typed stay in the form
        assertThat(calcolata.body()).contains("value=\"4.800,00\"");
    }

    @Test
    void datiSbagliatiRestanoAccantoAlCampo() {
        ClientHttp.Risposta testo = ancona.post("/marche/bandi/" + bando + "/condizioni/prova", Map.of("ripetizioni-SOGGETTIVA_4", "molte"));
        assertThat(testo.status()).isEqualTo(400);
        assertThat(testo.body()).contains("id=\"riepilogo-errori\"", "href=\"#ripetizioni-SOGGETTIVA_4\"",
                "id=\"ripetizioni-SOGGETTIVA_4-errore\"", "un numero intero da 0 a 9999");
        ClientHttp.Risposta rifiutata = ancona.post("/marche/bandi/" + bando + "/condizioni/prova", Map.of("valore-COMPONENTI", "2,5"));
        assertThat(rifiutata.status()).isEqualTo(400);
        assertThat(rifiutata.body()).contains("href=\"#valore-COMPONENTI\"", "id=\"valore-COMPONENTI-errore\"", "un numero intero",
                "aria-describedby=\"valore-COMPONENTI-errore valore-COMPONENTI-aiuto\"");
        ClientHttp.Risposta lettera = ancona.post("/marche/bandi/" + bando + "/condizioni/prova", Map.of("spuntata-OGGETTIVA_5", "z"));
        assertThat(lettera.status()).isEqualTo(400);
        assertThat(lettera.body()).contains("id=\"spuntata-OGGETTIVA_5-errore\"", "la fascia «z» non esiste");
    }

    @Test
    void unOperatoreLombardoNonVedeLaProva() {
        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        assertThat(malnate.get("/marche/bandi/" + bando + "/condizioni/prova").status()).isIn(403, 404);
        assertThat(malnate.get("/marche/bandi/" + bando + "/condizioni/dmn").status()).isIn(403, 404);
        // the regional reader reads the page, without the form (its POST would be refused as every reader's)
        String lettore = SessioneConsole.di(http, LETTORE_MARCHE).get("/marche/bandi/" + bando + "/condizioni/prova").body();
        assertThat(lettore).contains("id=\"prova-sola-lettura\"").doesNotContain("id=\"calcola\"", "id=\"prova-dati\"");
    }
}
