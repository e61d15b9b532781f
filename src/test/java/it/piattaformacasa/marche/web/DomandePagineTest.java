package it.piattaformacasa.marche.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.common.CodiceFiscale;

/**
 * Issue 15, the desk in the console without a browser: passo 1 with Italian dates and numbers and its refusals beside
 * the fields, the nucleo's «Nuovo» and «Elimina» redrawing the form without saving, passi 3 and 4 with radio buttons and
 * the «TOTALE», passo 5, «Ricerca domande» with «Elimina», and the refusals of who does not manage the bando.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomandePagineTest {

    private static final AtomicInteger PROGRESSIVO = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    SessioneConsole ancona;
    String prefisso;

    @BeforeAll
    void sessione() {
        http = new ClientHttp(port);
        ancona = SessioneConsole.di(http, ANCONA);
        prefisso = "Q" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
    }

    @Test
    void cinquePassiDalModuloAlTotale() {
        long bando = bando();
        String pagina = ancona.get("/marche/bandi/" + bando).body();
        assertThat(pagina).contains("id=\"vai-inserisci-domanda\"", "id=\"vai-ricerca-domande\"");
        String nuova = ancona.get("/marche/bandi/" + bando + "/domande/nuova").body();
        assertThat(nuova).contains("Bando n. ", " del 01/02/2053", "Scadenza per i residenti in Italia: 31/03/2053",
                "aria-current=\"step\"", "Anagrafica del richiedente", "for=\"codiceFiscale\"");

        ClientHttp.Risposta creata = ancona.post("/marche/bandi/" + bando + "/domande/nuova", passo1("10/02/2053"));
        assertThat(creata.status()).as(creata.body()).isEqualTo(303);
        String passo2 = creata.raw().headers().firstValue("Location").orElseThrow();
        assertThat(passo2).matches(".*/marche/domande/\\d+/passo/2");
        long id = Long.parseLong(passo2.replaceAll(".*/domande/(\\d+)/.*", "$1"));
        JsonNode d = domanda(id);
        assertThat(d.get("anagrafica").get("isee").decimalValue()).isEqualByComparingTo("4800.50");
        assertThat(d.get("anagrafica").get("residenteDal").asText()).isEqualTo("2040-05-01");

        // «Nuovo» adds an empty member without saving; «Salva» saves the members
        Map<String, String> p2 = new LinkedHashMap<>(Map.of("version", d.get("version").asText(), "azione", "nuovo",
                "req-cittadinanza", "on"));
        ClientHttp.Risposta conRiga = ancona.post("/marche/domande/" + id + "/passo/2", p2);
        assertThat(conRiga.status()).isEqualTo(200);
        assertThat(conRiga.body()).contains("id=\"k0-cognome\"", "Componente 1");
        assertThat(domanda(id).get("componenti")).isEmpty();
        p2.putAll(Map.of("azione", "salva", "k0-cognome", "DI ROCCO", "k0-nome", "FEDELE", "k0-dataNascita", "20/12/2048",
                "k0-parentela", "Figlio/a", "k0-aCarico", "on", "k0-invalidita", "80"));
        ClientHttp.Risposta salvato2 = ancona.post("/marche/domande/" + id + "/passo/2", p2);
        assertThat(salvato2.status()).as(salvato2.body()).isEqualTo(303);
        d = domanda(id);
        assertThat(d.get("componenti")).hasSize(1);
        assertThat(d.get("requisiti").get("cittadinanza").asBoolean()).isTrue();

        String passo3 = ancona.get("/marche/domande/" + id + "/passo/3").body();
        assertThat(passo3).contains("type=\"radio\"", "name=\"c-SOGGETTIVA_3\"", "4.800,50", "id=\"anniPartecipazione\"",
                "aria-current=\"step\"");
        ClientHttp.Risposta salvato3 = ancona.post("/marche/domande/" + id + "/passo/3", Map.of("version", d.get("version").asText(),
                "c-SOGGETTIVA_7", "", "anniPartecipazione", "2"));
        assertThat(salvato3.status()).as(salvato3.body()).isEqualTo(303);
        d = domanda(id);
        ClientHttp.Risposta salvato4 = ancona.post("/marche/domande/" + id + "/passo/4", Map.of("version", d.get("version").asText(),
                "c-OGGETTIVA_1", "a", "c-OGGETTIVA_2", "a"));
        assertThat(salvato4.status()).as(salvato4.body()).isEqualTo(303);
        d = domanda(id);
        String passo4 = ancona.get("/marche/domande/" + id + "/passo/4").body();
        assertThat(passo4).contains("id=\"totale\"", "non cumulabile: non contata", "OGGETTIVA 1 a.");
        assertThat(passo4).contains(">" + d.get("punteggio").decimalValue().setScale(2).toPlainString().replace('.', ',') + "<");

        ClientHttp.Risposta salvato5 = ancona.post("/marche/domande/" + id + "/passo/5", Map.of("version", d.get("version").asText(),
                "note", "Completa"));
        assertThat(salvato5.status()).as(salvato5.body()).isEqualTo(303);
        assertThat(domanda(id).get("passo").asInt()).isEqualTo(5);

        String ricerca = ancona.get("/marche/bandi/" + bando + "/domande?cognome=ros").body();
        assertThat(ricerca).contains("ROSSI MARIO", "10/02/2053", "id=\"seleziona-1\"", "id=\"elimina-1\"");
        assertThat(ancona.get("/marche/bandi/" + bando + "/domande?cognome=bianchi").body()).contains("Nessuna domanda trovata.");
        ClientHttp.Risposta eliminata = ancona.post("/marche/domande/" + id + "/eliminazione", Map.of());
        assertThat(eliminata.status()).isEqualTo(303);
        assertThat(http.get("/api/marche/domande/" + id, ANCONA).status()).isEqualTo(404);
    }

    @Test
    void datiNonValidiRestanoNelModuloConIlMotivoAccantoAlCampo() {
        long bando = bando();
        Map<String, String> campi = passo1("10/05/2053");
        campi.put("isee", "tanti");
        ClientHttp.Risposta rifiutata = ancona.post("/marche/bandi/" + bando + "/domande/nuova", campi);
        assertThat(rifiutata.status()).isEqualTo(400);
        assertThat(rifiutata.body()).contains("id=\"riepilogo-errori\"", "href=\"#isee\"", "id=\"isee-errore\"",
                "aria-describedby=\"isee-errore\"", "value=\"ROSSI\"");
        campi.put("isee", "4800");
        ClientHttp.Risposta tardi = ancona.post("/marche/bandi/" + bando + "/domande/nuova", campi);
        assertThat(tardi.status()).isEqualTo(400);
        assertThat(tardi.body()).contains("id=\"dataPresentazione-errore\"", "entro e non oltre il 31/03/2053");
        assertThat(jdbc.queryForObject("select count(*) from marche_domanda where bando_id = ?", Long.class, bando)).isZero();
    }

    @Test
    void richiedenteECaricaRecuperanoDallaDomandaPrecedenteSenzaSalvare() {
        long primo = bando();
        Map<String, String> campi = passo1("10/02/2053");
        String cf = CodiceFiscale.conControllo("VCCGNN70A01A" + String.format("%03d", PROGRESSIVO.incrementAndGet() % 1000));
        campi.put("codiceFiscale", cf);
        campi.put("cognome", "VECCHI");
        campi.put("nome", "GIANNI");
        campi.put("indirizzo", "Via Vecchia 9");
        String passo2 = ancona.post("/marche/bandi/" + primo + "/domande/nuova", campi).raw().headers().firstValue("Location").orElseThrow();
        long precedente = Long.parseLong(passo2.replaceAll(".*/domande/(\\d+)/.*", "$1"));
        ClientHttp.Risposta nucleo = ancona.post("/marche/domande/" + precedente + "/passo/2", Map.of("azione", "salva",
                "version", domanda(precedente).get("version").asText(), "k0-cognome", "VECCHI", "k0-nome", "ADA",
                "k0-dataNascita", "01/01/2050", "k0-parentela", "Figlio/a"));
        assertThat(nucleo.status()).as(nucleo.body()).isEqualTo(303);

        long secondo = bando();
        ClientHttp.Risposta trovato = ancona.post("/marche/bandi/" + secondo + "/domande/nuova", Map.of("azione", "richiedente",
                "codiceFiscale", cf, "dataPresentazione", "11/02/2053"));
        assertThat(trovato.status()).isEqualTo(200);
        assertThat(trovato.body()).contains("id=\"avviso-richiedente\"", "value=\"VECCHI\"", "value=\"Via Vecchia 9\"",
                "value=\"11/02/2053\"");
        assertThat(jdbc.queryForObject("select count(*) from marche_domanda where bando_id = ?", Long.class, secondo)).isZero();

        campi.put("dataPresentazione", "11/02/2053");
        String nuova = ancona.post("/marche/bandi/" + secondo + "/domande/nuova", campi).raw().headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(nuova.replaceAll(".*/domande/(\\d+)/.*", "$1"));
        ClientHttp.Risposta caricato = ancona.post("/marche/domande/" + id + "/passo/2", Map.of("azione", "carica",
                "version", domanda(id).get("version").asText()));
        assertThat(caricato.status()).isEqualTo(200);
        assertThat(caricato.body()).contains("id=\"k0-cognome\"", "value=\"ADA\"");
        assertThat(domanda(id).get("componenti")).as("«Carica» does not save").isEmpty();
    }

    @Test
    void chiNonGestisceIlBandoNonInserisceDomande() {
        long bando = bando();
        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        assertThat(malnate.get("/marche/bandi/" + bando + "/domande").status()).isEqualTo(404);
        assertThat(malnate.get("/marche/bandi/" + bando + "/domande/nuova").status()).isEqualTo(404);
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        assertThat(supervisore.get("/marche/bandi/" + bando + "/domande").status()).isEqualTo(200);
        assertThat(supervisore.get("/marche/bandi/" + bando + "/domande").body()).doesNotContain("id=\"inserisci-domanda\"");
        assertThat(supervisore.get("/marche/bandi/" + bando + "/domande/nuova").status()).isEqualTo(403);
        assertThat(supervisore.post("/marche/bandi/" + bando + "/domande/nuova", passo1("10/02/2053")).status()).isEqualTo(403);
    }

    // -------------------------------------------------------------------------------------------------------------

    private long bando() {
        ClientHttp.Risposta bando = http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"" + prefisso + "-" + PROGRESSIVO.incrementAndGet()
                + "\",\"dataPubblicazione\":\"2053-02-01\",\"dataScadenza\":\"2053-03-31\",\"dataScadenzaEstero\":\"2053-04-15\"}");
        assertThat(bando.status()).as(bando.body()).isEqualTo(201);
        long id = bando.json().get("id").asLong();
        assertThat(http.post("/api/marche/bandi/" + id + "/condizioni/copia-da-modello", ANCONA, "").status()).isEqualTo(201);
        return id;
    }

    private static Map<String, String> passo1(String data) {
        Map<String, String> campi = new LinkedHashMap<>();
        campi.put("azione", "salva");
        campi.put("numero", "");
        campi.put("dataPresentazione", data);
        campi.put("cognome", "ROSSI");
        campi.put("nome", "MARIO");
        campi.put("sesso", "M");
        campi.put("dataNascita", "01/01/1990");
        campi.put("codiceFiscale", CodiceFiscale.conControllo("RSSMRA90A01A271"));
        campi.put("residenteA", "Ancona");
        campi.put("cap", "60121");
        campi.put("residenteDal", "01/05/2040");
        campi.put("isee", "4.800,50");
        return campi;
    }

    private JsonNode domanda(long id) {
        ClientHttp.Risposta r = http.get("/api/marche/domande/" + id, ANCONA);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
