package it.piattaformacasa.marche.web;

import static it.piattaformacasa.DemoUtenti.*;
import static it.piattaformacasa.marche.web.GrigliaDiProva.assertErrore;
import static it.piattaformacasa.marche.web.GrigliaDiProva.corpo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.regole.kie.KieDmnRuntime;

/**
 * Issue 15, ADR 16: the grid's derived DMN model («Scarica le regole DMN») and «Prova il punteggio» through the API —
 * the model is the one the score is computed with, readable by whoever reads the bando; a grid whose model cannot be
 * built is refused at save with the field; a Lombardia operator is refused.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CondizioniDmnApiTest {


    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    String prefisso;
    int progressivo;

    @BeforeAll
    void client() {
        http = new ClientHttp(port);
        prefisso = "D" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
    }

    @Test
    void ilDmnDellaGrigliaSiScaricaEPassaLaValidazioneDelCatalogo() {
        long id = creaBandoConModello();
        String numero = http.get("/api/marche/bandi/" + id, ANCONA).json().get("numero").asText();
        ClientHttp.Risposta dmn = http.get("/api/marche/bandi/" + id + "/condizioni/dmn", ANCONA);
        assertThat(dmn.status()).as(dmn.body()).isEqualTo(200);
        assertThat(dmn.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        assertThat(dmn.raw().headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("attachment", "bando-" + numero + "-2057-condizioni-v1.dmn"));
        assertThat(dmn.body()).contains("<decision id=\"Decision_SOGGETTIVA_1\"", "hitPolicy=\"UNIQUE\"",
                "SOGGETTIVA 1 fascia a: Valore ISEE (€) fino a 5.142,58 → 5 punti", "<dmndi:DMNDI>");
        assertThat(KieDmnRuntime.problemi("scaricato.dmn", dmn.body().getBytes(StandardCharsets.UTF_8))).isEmpty();
        // an earlier version by its number; one that does not exist is a 404
        assertThat(http.get("/api/marche/bandi/" + id + "/condizioni/dmn?versione=1", SUPERVISORE).status()).isEqualTo(200);
        assertThat(http.get("/api/marche/bandi/" + id + "/condizioni/dmn?versione=9", ANCONA).status()).isEqualTo(404);
        assertThat(http.get("/api/marche/bandi/" + id + "/condizioni/dmn", LETTORE_MARCHE).status()).isEqualTo(200);
    }

    @Test
    void provaIlPunteggioConLaSpiegazione() {
        long id = creaBandoConModello();
        ClientHttp.Risposta prova = http.post("/api/marche/bandi/" + id + "/condizioni/prova", ANCONA, """
                {"valori": {"ISEE": 4800, "COMPONENTI": 3},
                 "spuntate": {"OGGETTIVA_1": ["a"], "OGGETTIVA_2": ["a"]},
                 "ripetizioni": {"SOGGETTIVA_4": 2}}""");
        assertThat(prova.status()).as(prova.body()).isEqualTo(200);
        JsonNode p = prova.json();
        assertThat(p.get("versione").asInt()).isEqualTo(1);
        // 5 (ISEE) + 2 (componenti) + 2 (per ogni ×2) + 3 (OGGETTIVA 1; OGGETTIVA 2 not cumulative)
        assertThat(p.get("totale").decimalValue()).isEqualByComparingTo("12");
        assertThat(prova.body()).as("two decimals").contains("\"totale\":12.00");
        JsonNode oggettiva2 = voce(p, "OGGETTIVA_2");
        assertThat(oggettiva2.get("contata").asBoolean()).isFalse();
        assertThat(voce(p, "SOGGETTIVA_1").get("spiegazione").asText()).contains("fino a 5.142,58", "4.800");
        assertThat(voce(p, "SOGGETTIVA_1").get("etichetta").asText()).isEqualTo("SOGGETTIVA 1");

        // bad input: 400 with the field, never 5xx
        assertErrore(http.post("/api/marche/bandi/" + id + "/condizioni/prova", ANCONA,
                "{\"spuntate\": {\"OGGETTIVA_5\": [\"a\", \"b\"]}}"), "spuntate.OGGETTIVA_5", "una sola fascia");
        assertErrore(http.post("/api/marche/bandi/" + id + "/condizioni/prova", ANCONA,
                "{\"spuntate\": {\"OGGETTIVA_5\": [\"z\"]}}"), "spuntate.OGGETTIVA_5", "non esiste");
        assertErrore(http.post("/api/marche/bandi/" + id + "/condizioni/prova", ANCONA,
                "{\"valori\": {\"REDDITO\": 3}}"), "valori.REDDITO", "parametro sconosciuto");
        assertErrore(http.post("/api/marche/bandi/" + id + "/condizioni/prova", ANCONA,
                "{\"valori\": {\"ISEE\": -1}}"), "valori.ISEE", "negativo");
        assertErrore(http.post("/api/marche/bandi/" + id + "/condizioni/prova", ANCONA,
                "{\"valori\": {\"COMPONENTI\": 2.5}}"), "valori.COMPONENTI", "intero");
        assertThat(http.post("/api/marche/bandi/" + id + "/condizioni/prova", ANCONA, "{\"versione\": 7}").status()).isEqualTo(404);
    }

    @Test
    void unOperatoreLombardoNonVedeNeIlDmnNeLaProva() {
        long id = creaBandoConModello();
        assertThat(http.get("/api/marche/bandi/" + id + "/condizioni/dmn", MALNATE).status()).isIn(403, 404);
        assertThat(http.post("/api/marche/bandi/" + id + "/condizioni/prova", MALNATE, "{}").status()).isIn(403, 404);
        assertThat(http.post("/api/marche/bandi/" + id + "/condizioni/prova", LETTORE_MARCHE, "{}").status()).isEqualTo(403);
    }

    @Test
    void unaGrigliaCheNonDiventaDmnERifiutataAlSalvataggioSenzaScrivere() throws Exception {
        long id = creaBandoConModello();
        ObjectNode corpo = corpo(http.get("/api/marche/bandi/" + id + "/condizioni", ANCONA).json());
        // SOGGETTIVA 1 is measured on the ISEE: a band without bounds cannot be chosen by the value
        ObjectNode fascia = (ObjectNode) fasce(corpo, "SOGGETTIVA_1").get(2);
        fascia.remove("oltre");
        fascia.remove("finoA");
        ClientHttp.Risposta rifiutata = put("/api/marche/bandi/" + id + "/condizioni", ANCONA, corpo.toString());
        assertErrore(rifiutata, "condizioni[0].fasce[2]", "una fascia si sceglie dal valore");
        assertThat(http.get("/api/marche/bandi/" + id, ANCONA).json().get("versioneCondizioni").asInt()).isEqualTo(1);
        // the same grid as it was saves, and its version's DMN follows
        ClientHttp.Risposta salvata = put("/api/marche/bandi/" + id + "/condizioni", ANCONA,
                corpo(http.get("/api/marche/bandi/" + id + "/condizioni", ANCONA).json()).toString());
        assertThat(salvata.status()).as(salvata.body()).isEqualTo(200);
        assertThat(http.get("/api/marche/bandi/" + id + "/condizioni/dmn", ANCONA).raw().headers()
                .firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("-condizioni-v2.dmn"));
    }

    // -------------------------------------------------------------------------------------------------------------

    private long creaBandoConModello() {
        String numero = prefisso + "-" + (++progressivo);
        ClientHttp.Risposta creato = http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"" + numero + "\",\"dataPubblicazione\":"
                + "\"2057-02-01\",\"dataScadenza\":\"2057-03-31\",\"dataScadenzaEstero\":\"2057-04-15\"}");
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        long id = creato.json().get("id").asLong();
        assertThat(http.post("/api/marche/bandi/" + id + "/condizioni/copia-da-modello", ANCONA, "").status()).isEqualTo(201);
        return id;
    }

    private ClientHttp.Risposta put(String percorso, String utente, String json) {
        return http.invia(http.richiesta(percorso, utente).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static JsonNode voce(JsonNode punteggio, String codice) {
        for (JsonNode v : punteggio.get("voci")) {
            if (v.get("condizione").asText().equals(codice)) {
                return v;
            }
        }
        throw new AssertionError("voce " + codice + " assente: " + punteggio);
    }

    private static ArrayNode fasce(ObjectNode corpo, String codice) {
        for (JsonNode c : corpo.get("condizioni")) {
            if (c.get("codice").asText().equals(codice)) {
                return (ArrayNode) c.get("fasce");
            }
        }
        throw new AssertionError(codice);
    }
}
