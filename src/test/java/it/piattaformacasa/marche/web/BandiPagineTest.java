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

/**
 * Issue 15 in the console without a browser: «Nuovo bando» with dates gg/mm/aaaa and its refusals beside the fields,
 * «Copia da modello» and «Salva» of the grid as six rows per condition (numbers with the comma), «Elimina», the seed's
 * message once a domanda exists, and the menu's «Bandi» only for who sees a Marche Comune.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BandiPagineTest {

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
        prefisso = "P" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
    }

    @Test
    void nuovoBandoConDateItalianePoiLElencoConLeColonneDelSeed() {
        String numero = numero();
        ClientHttp.Risposta ok = ancona.post("/marche/bandi/nuovo", Map.of("numero", numero, "dataPubblicazione", "01/02/2041",
                "dataScadenza", "31/03/2041", "dataScadenzaEstero", "15/04/2041"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(303);
        String bando = ok.raw().headers().firstValue("Location").orElseThrow();
        assertThat(bando).matches(".*/marche/bandi/\\d+");

        String elenco = ancona.get("/marche/bandi").body();
        assertThat(elenco).contains(">" + numero + "<", "01/02/2041", "31/03/2041", "15/04/2041", "Data scad. (estero)")
                .contains("href=\"/marche/bandi\"");
        String pagina = ancona.get(bando.substring(bando.indexOf("/marche/"))).body();
        assertThat(pagina).contains("Bando n. " + numero + " del 01/02/2041", "Comune di Ancona", "id=\"elimina\"");
    }

    @Test
    void datiNonValidiRestanoNelModuloConIlMotivoAccantoAlCampo() {
        long prima = jdbc.queryForObject("select count(*) from marche_bando", Long.class);
        ClientHttp.Risposta rifiutata = ancona.post("/marche/bandi/nuovo", Map.of("numero", numero(), "dataPubblicazione", "31/03/2041",
                "dataScadenza", "01/02/2041", "dataScadenzaEstero", "32/04/2041"));
        assertThat(rifiutata.status()).isEqualTo(400);
        assertThat(rifiutata.body()).contains("id=\"riepilogo-errori\"", "href=\"#dataScadenzaEstero\"",
                "id=\"dataScadenzaEstero-errore\"", "data non valida: scrivere gg/mm/aaaa", "aria-describedby=\"dataScadenzaEstero-errore\"");
        ClientHttp.Risposta ordine = ancona.post("/marche/bandi/nuovo", Map.of("numero", numero(), "dataPubblicazione", "31/03/2041",
                "dataScadenza", "01/02/2041", "dataScadenzaEstero", "15/04/2041"));
        assertThat(ordine.status()).isEqualTo(400);
        assertThat(ordine.body()).contains("id=\"dataScadenza-errore\"", "la scadenza deve seguire la data di pubblicazione");
        assertThat(jdbc.queryForObject("select count(*) from marche_bando", Long.class)).isEqualTo(prima);
    }

    @Test
    void unOperatoreLombardoNonVedeIlMenuNeInserisceBandi() {
        SessioneConsole malnate = SessioneConsole.di(http, MALNATE);
        assertThat(malnate.get("/").body()).doesNotContain("href=\"/marche/bandi\"");
        assertThat(malnate.get("/marche/bandi/nuovo").status()).isEqualTo(403);
        ClientHttp.Risposta rifiutata = malnate.post("/marche/bandi/nuovo", Map.of("numero", numero(), "dataPubblicazione", "01/02/2041",
                "dataScadenza", "31/03/2041", "dataScadenzaEstero", "15/04/2041"));
        assertThat(rifiutata.status()).isEqualTo(403);
        assertThat(rifiutata.body()).contains("profilo regionale Marche");
        assertThat(malnate.get("/").body()).contains("Regione Lombardia", "l.r. 16/2016", "href=\"/programmazione\"", "href=\"/avvisi\"");
        // the Marche operator's console names its Region and law
        assertThat(ancona.get("/").body()).contains("href=\"/marche/bandi\"", "Regione Marche", "L.R. 36/2005 e D.G.R. 492/2008")
                .doesNotContain("Regione Lombardia", "href=\"/programmazione\"", "href=\"/riserve\"");
    }

    @Test
    void copiaDaModelloPoiSalvaUnaFasciaCambiataInUnaNuovaVersione() {
        long id = bando();
        String vuote = ancona.get("/marche/bandi/" + id + "/condizioni").body();
        assertThat(vuote).contains("id=\"senza-condizioni\"", "SOGGETTIVA 10", "OGGETTIVA 3 bis");

        ClientHttp.Risposta copia = ancona.post("/marche/bandi/" + id + "/condizioni/copia-da-modello", Map.of());
        assertThat(copia.status()).isEqualTo(303);
        String copiata = ancona.get("/marche/bandi/" + id + "/condizioni").body();
        assertThat(copiata).contains("value=\"5142,58\"", "value=\"3,5\"", "Non cumulabile con: OGGETTIVA 2, OGGETTIVA 3, OGGETTIVA 4",
                "Valore provvisorio", "Versione corrente delle condizioni: 1");

        Map<String, String> campi = campi(id);
        campi.put("versioneBase", "1");
        campi.put("c0-f1-punti", "4,25");
        // a band removed (emptied) and one added in an empty row of OGGETTIVA 3 bis (index 13)
        campi.put("c15-f5-testo", "");
        campi.put("c15-f5-punti", "");
        campi.put("c13-f3-testo", "Alloggio al quarto piano o oltre senza ascensore");
        campi.put("c13-f3-punti", "1");
        ClientHttp.Risposta salvata = ancona.post("/marche/bandi/" + id + "/condizioni", campi);
        assertThat(salvata.status()).as(salvata.body()).isEqualTo(303);
        JsonNode griglia = http.get("/api/marche/bandi/" + id + "/condizioni", ANCONA).json();
        assertThat(griglia.get("versione").asInt()).isEqualTo(2);
        assertThat(griglia.get("condizioni").get(0).get("fasce").get(1).get("punti").decimalValue()).isEqualByComparingTo("4.25");
        assertThat(griglia.get("condizioni").get(15).get("fasce")).hasSize(5);
        assertThat(griglia.get("condizioni").get(13).get("fasce")).hasSize(2);
        assertThat(ancona.get("/marche/bandi/" + id).body()).contains("id=\"tabella-versioni\"", "Copia da modello", "versione 2");
    }

    @Test
    void unaFasciaNonValidaERifiutataAccantoAlSuoCampo() {
        long id = bando();
        ancona.post("/marche/bandi/" + id + "/condizioni/copia-da-modello", Map.of());
        Map<String, String> campi = campi(id);
        campi.put("c0-f0-punti", "-2");
        campi.put("c0-f2-oltre", "7000");
        campi.put("c1-f0-punti", "tre");
        ClientHttp.Risposta rifiutata = ancona.post("/marche/bandi/" + id + "/condizioni", campi);
        assertThat(rifiutata.status()).isEqualTo(400);
        assertThat(rifiutata.body()).contains("id=\"c1-f0-punti-errore\"", "numero non valido");
        campi.put("c1-f0-punti", "1");
        rifiutata = ancona.post("/marche/bandi/" + id + "/condizioni", campi);
        assertThat(rifiutata.status()).isEqualTo(400);
        assertThat(rifiutata.body()).contains("id=\"c0-f0-punti-errore\"", "i punti non possono essere negativi",
                "href=\"#c0-f2-testo\"", "si sovrappone alla fascia b", "value=\"-2\"");
        assertThat(http.get("/api/marche/bandi/" + id + "/condizioni", ANCONA).json().get("versione").asInt()).isEqualTo(1);
    }

    @Test
    void conUnaDomandaLaPaginaDiceCheLeCondizioniNonSiModificanoEIlBandoNonSiElimina() {
        long id = bando();
        ancona.post("/marche/bandi/" + id + "/condizioni/copia-da-modello", Map.of());
        jdbc.update("insert into marche_domanda (bando_id, numero, data_presentazione) values (?, 1, date '2041-02-10')", id);
        String pagina = ancona.get("/marche/bandi/" + id + "/condizioni").body();
        assertThat(pagina).contains("Impossibile modificare le condizioni del bando. Domande già inserite.")
                .doesNotContain("id=\"salva\"", "id=\"copia-da-modello\"");
        assertThat(ancona.post("/marche/bandi/" + id + "/condizioni", campi(id)).status()).isEqualTo(409);
        assertThat(ancona.get("/marche/bandi/" + id).body()).contains("id=\"non-eliminabile\"").doesNotContain("id=\"elimina\"");
        assertThat(ancona.post("/marche/bandi/" + id + "/eliminazione", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void modificaPartendoDaiDatiDelBandoEConUnErroreAccantoAlCampo() {
        long id = bando();
        String pagina = ancona.get("/marche/bandi/" + id).body();
        assertThat(pagina).contains("href=\"/marche/bandi/" + id + "/modifica\"");
        // and from the list, as in seed 004's Fig. 4 («Condizioni Modifica Elimina»)
        assertThat(ancona.get("/marche/bandi").body()).contains("href=\"/marche/bandi/" + id + "/modifica\"");
        String modulo = ancona.get("/marche/bandi/" + id + "/modifica").body();
        assertThat(modulo).contains("Modifica del bando n. ", "value=\"01/02/2041\"", "value=\"31/03/2041\"",
                "value=\"15/04/2041\"", "action=\"/marche/bandi/" + id + "/modifica\"");
        String numero = numero();
        ClientHttp.Risposta rifiutata = ancona.post("/marche/bandi/" + id + "/modifica", Map.of("numero", numero,
                "dataPubblicazione", "01/02/2041", "dataScadenza", "15/04/2041", "dataScadenzaEstero", "31/03/2041"));
        assertThat(rifiutata.status()).isEqualTo(400);
        assertThat(rifiutata.body()).contains("id=\"dataScadenzaEstero-errore\"",
                "la scadenza per i residenti all&#39;estero non può precedere la scadenza");
        ClientHttp.Risposta ok = ancona.post("/marche/bandi/" + id + "/modifica", Map.of("numero", numero,
                "dataPubblicazione", "01/02/2041", "dataScadenza", "15/04/2041", "dataScadenzaEstero", "30/04/2041"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(303);
        assertThat(ancona.get("/marche/bandi/" + id).body()).contains("Bando n. " + numero + " del 01/02/2041 modificato.",
                "15/04/2041", "30/04/2041");
        // the Lombardia operator does not see the bando; the supervisor reads it and is not offered «Modifica»
        assertThat(SessioneConsole.di(http, MALNATE).get("/marche/bandi/" + id + "/modifica").status()).isEqualTo(404);
        SessioneConsole supervisore = SessioneConsole.di(http, SUPERVISORE);
        assertThat(supervisore.get("/marche/bandi/" + id).body()).doesNotContain("/modifica\"");
        assertThat(supervisore.post("/marche/bandi/" + id + "/modifica", Map.of("numero", numero(),
                "dataPubblicazione", "01/02/2041", "dataScadenza", "15/04/2041", "dataScadenzaEstero", "30/04/2041")).status())
                .isEqualTo(403);
    }

    @Test
    void eliminaToglieIlBandoDallElenco() {
        long id = bando();
        ClientHttp.Risposta eliminato = ancona.post("/marche/bandi/" + id + "/eliminazione", Map.of());
        assertThat(eliminato.status()).isEqualTo(303);
        assertThat(ancona.get("/marche/bandi").body()).doesNotContain("id=\"bando-" + id + "\"");
        assertThat(ancona.get("/marche/bandi/" + id).status()).isEqualTo(404);
    }

    // -------------------------------------------------------------------------------------------------------------

    private String numero() {
        return prefisso + "-" + PROGRESSIVO.incrementAndGet();
    }

    private long bando() {
        ClientHttp.Risposta creato = http.post("/api/marche/bandi", ANCONA, "{\"numero\":\"" + numero() + "\",\"dataPubblicazione\":"
                + "\"2041-02-01\",\"dataScadenza\":\"2041-03-31\",\"dataScadenzaEstero\":\"2041-04-15\"}");
        assertThat(creato.status()).as(creato.body()).isEqualTo(201);
        return creato.json().get("id").asLong();
    }

    /** The grid's form as the page fills it from the current version: c{condition}-f{row}-{field}, numbers with the comma. */
    private Map<String, String> campi(long id) {
        Map<String, String> campi = new LinkedHashMap<>();
        JsonNode condizioni = http.get("/api/marche/bandi/" + id + "/condizioni", ANCONA).json().get("condizioni");
        for (int i = 0; i < condizioni.size(); i++) {
            JsonNode fasce = condizioni.get(i).get("fasce");
            for (int j = 0; j < fasce.size(); j++) {
                JsonNode f = fasce.get(j);
                String p = "c" + i + "-f" + j + "-";
                campi.put(p + "testo", f.get("testo").asText());
                campi.put(p + "punti", f.get("punti").decimalValue().toPlainString().replace('.', ','));
                for (String limite : new String[] {"oltre", "finoA"}) {
                    if (f.hasNonNull(limite)) {
                        campi.put(p + limite, f.get(limite).decimalValue().toPlainString().replace('.', ','));
                    }
                }
                if (f.get("perOgni").asBoolean()) {
                    campi.put(p + "perOgni", "true");
                }
            }
        }
        return campi;
    }
}
