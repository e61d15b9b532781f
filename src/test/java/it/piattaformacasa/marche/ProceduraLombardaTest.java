package it.piattaformacasa.marche;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;

/**
 * Issue 15, ADR 16: the regional profile decides the procedure. The demo's Comune di Ancona (Marche) is capofila of no
 * ambito; made capofila of its own for this test, its operator (with «Gestione avviso») is still refused the Lombardia
 * procedure — avvisi and the annual plan — with a 409 that says where its procedure is, and nothing is written.
 */
@IntegrationTest
class ProceduraLombardaTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void anconaCapofila() {
        jdbc.update("update ambito set comune_capofila_id = (select id from comune where codice_istat = '042002') "
                + "where codice = 'ANCONA'");
    }

    @AfterEach
    void ripristina() {
        jdbc.update("update ambito set comune_capofila_id = null where codice = 'ANCONA'");
    }

    @Test
    void unComuneMarchigianoCapofilaNonPredisponeAvvisiNePianoAnnuale() {
        ClientHttp http = new ClientHttp(port);
        long avvisi = jdbc.queryForObject("select count(*) from avviso", Long.class);
        long piani = jdbc.queryForObject("select count(*) from piano_annuale", Long.class);

        ClientHttp.Risposta avviso = http.post("/api/avvisi", ANCONA, "{\"ambito\":\"ANCONA\",\"titolo\":\"Avviso di prova\","
                + "\"tipo\":\"ORDINARIO\",\"apertura\":\"2039-03-02T08:00:00Z\",\"chiusura\":\"2039-04-15T14:00:00Z\"}");
        assertThat(avviso.status()).as(avviso.body()).isEqualTo(409);
        assertThat(avviso.body()).contains("Comune di Ancona ha il profilo regionale Marche",
                "procedura della Regione Lombardia", "i bandi del Comune si definiscono in «Bandi»");

        ClientHttp.Risposta piano = http.post("/api/programmazione", ANCONA, "{\"ambito\":\"ANCONA\",\"anno\":2039,"
                + "\"inizioComunicazioni\":\"2039-01-10\",\"fineComunicazioni\":\"2039-02-10\"}");
        assertThat(piano.status()).as(piano.body()).isEqualTo(409);
        assertThat(piano.body()).contains("Comune di Ancona ha il profilo regionale Marche", "programmazione annuale");

        assertThat(jdbc.queryForObject("select count(*) from avviso", Long.class)).isEqualTo(avvisi);
        assertThat(jdbc.queryForObject("select count(*) from piano_annuale", Long.class)).isEqualTo(piani);
        // the console's form of a new avviso does not offer the ambito
        assertThat(it.piattaformacasa.SessioneConsole.di(http, ANCONA).get("/avvisi/nuovo").body())
                .doesNotContain("value=\"ANCONA\"");
    }
}
