package it.piattaformacasa.assegnazione;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;

/** The ente's reserves for a year through the API: who may set them, validation, and the units they reserve. */
@IntegrationTest
class PianoRiserveTest {

    private static final String VARESE = "012133";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ClientHttp http;
    long comuneDiVarese;
    long aler;

    @BeforeEach
    void enti() {
        http = new ClientHttp(port);
        comuneDiVarese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
        aler = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_ALER);
    }

    private ClientHttp.Risposta imposta(String utente, long ente, int anno, String comune, String body) {
        return http.invia(http.richiesta("/api/enti/" + ente + "/riserve/" + anno + "/" + comune, utente)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void lEnteImpostaLeQuoteELeRiserveSiCalcolanoConIlLoroArrotondamento() {
        ClientHttp.Risposta risposta = imposta(CAPOFILA, comuneDiVarese, 2031, VARESE, """
                {"alloggiDisponibili":37,"sogliaIndigentiComune":0,"percentualeCategorie":12,"categorie":["ANZIANI"],
                 "percentualeForzePolizia":10,"percentualePoliziaLocale":0}""");

        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        JsonNode riserve = risposta.json().get("riserve");
        assertThat(riserve.get("indigenti").asInt()).isEqualTo(8);
        assertThat(riserve.get("categorie").asInt()).as("4,44 → 4").isEqualTo(4);
        assertThat(riserve.get("forzePolizia").asInt()).as("3,7 → 4").isEqualTo(4);
        assertThat(riserve.get("spiegazione").findValuesAsText("descrizione")).anySatisfy(d -> assertThat(d).contains("art. 13 co. 3"));

        // the comune raises its own indigent threshold: a second PUT replaces the first
        assertThat(imposta(CAPOFILA, comuneDiVarese, 2031, VARESE, """
                {"alloggiDisponibili":37,"sogliaIndigentiComune":30,"percentualeCategorie":12,"categorie":["ANZIANI"],
                 "percentualeForzePolizia":10}""").status()).isEqualTo(200);
        JsonNode anno = http.get("/api/enti/" + comuneDiVarese + "/riserve/2031", VARESE_ISTRUTTORIA).json();
        assertThat(anno).hasSize(1);
        assertThat(anno.get(0).get("riserve").get("indigenti").asInt()).as("30 %% di 37 = 11,1 → 12").isEqualTo(12);
        assertThat(anno.get(0).get("aggiornatoDa").asText()).isEqualTo(CAPOFILA);
        assertThat(http.get("/api/enti/" + comuneDiVarese + "/riserve/2031", SUPERVISORE).json()).hasSize(1);
    }

    @Test
    void soloLaGestioneAvvisoDellEnteImpostaLeRiserveESoloLEnteLeVede() {
        String body = "{\"alloggiDisponibili\":10}";
        assertThat(imposta(VARESE_ISTRUTTORIA, comuneDiVarese, 2032, VARESE, body).status()).as("istruttoria only").isEqualTo(403);
        assertThat(imposta(ALER_AVVISO, comuneDiVarese, 2032, VARESE, body).status()).as("another ente").isEqualTo(404);
        assertThat(http.get("/api/enti/" + comuneDiVarese + "/riserve/2032", MALNATE).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from piano_riserve where anno = 2032", Integer.class)).isZero();
    }

    @Test
    void quoteFuoriDaiLimitiVengonoRifiutateCampoPerCampoSenzaScrivereNulla() {
        ClientHttp.Risposta risposta = imposta(ALER_AVVISO, aler, 2033, VARESE, """
                {"alloggiDisponibili":-1,"sogliaIndigentiComune":30,"percentualeCategorie":25,"categorie":["ASTRONAUTI"],
                 "percentualeForzePolizia":15,"percentualePoliziaLocale":6}""");

        assertThat(risposta.status()).isEqualTo(400);
        assertThat(risposta.json().get("errori").findValuesAsText("campo")).contains("alloggiDisponibili",
                "sogliaIndigentiComune", "percentualeCategorie", "categorie[0]", "percentualePoliziaLocale");
        assertThat(risposta.json().get("errori").findValuesAsText("messaggio"))
                .anySatisfy(m -> assertThat(m).contains("solo un comune"));
        assertThat(imposta(ALER_AVVISO, aler, 2033, VARESE, "{\"alloggiDisponibili\":10,\"percentualeCategorie\":10}")
                .json().get("errori").findValuesAsText("campo")).containsExactly("categorie");
        assertThat(imposta(ALER_AVVISO, aler, 2033, "999999", "{\"alloggiDisponibili\":10}").status()).isEqualTo(404);
        assertThat(imposta(ALER_AVVISO, aler, 2033, VARESE, "{}").status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from piano_riserve where anno = 2033", Integer.class)).isZero();
    }
}
