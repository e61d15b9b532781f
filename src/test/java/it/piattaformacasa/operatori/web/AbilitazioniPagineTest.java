package it.piattaformacasa.operatori.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;
import it.piattaformacasa.operatori.ModelloDiProva;

/** Issue 14 in the console: the referente uploads seed 002's model and reads the refused rows; nobody else sends. */
@IntegrationTest
class AbilitazioniPagineTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ClientHttp http;
    long varese;

    @BeforeEach
    void prepara() {
        http = new ClientHttp(port);
        varese = jdbc.queryForObject("select id from ente_proprietario where codice_fiscale = ?", Long.class, CF_COMUNE_VARESE);
    }

    private static String testo(ClientHttp.Risposta r) {
        return HtmlUtils.htmlUnescape(r.body());
    }

    @Test
    void ilReferenteCaricaIlModelloELeggeLeRigheRifiutate() {
        SessioneConsole referente = SessioneConsole.di(http, CAPOFILA);
        assertThat(testo(referente.get("/abilitazioni"))).contains("Abilitazioni degli operatori", "Verifica e invia",
                "Codice fiscale operatore");
        byte[] file = ModelloDiProva.xlsx(List.of(List.of("Comune di Malnate", "Rita", "Altrove", "RSSMRA61E03L682Z", "rita@malnate.it", "", "SI", "NO")));
        ClientHttp.Risposta caricato = referente.postConFile("/abilitazioni", Map.of("ente", Long.toString(varese), "tipo", "ABILITAZIONE"),
                "file", "abilitazioni.xlsx", file);
        assertThat(caricato.status()).as(caricato.body()).isEqualTo(303);
        String indirizzo = caricato.raw().headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(indirizzo.substring(indirizzo.lastIndexOf('/') + 1));
        String pagina = testo(referente.get("/abilitazioni/" + id));
        assertThat(pagina).contains("Richiesta di abilitazione n. " + id, "Non inviata", "Ragione sociale ente proprietario",
                "nessuna delega o avvalimento", "Rita Altrove");
        assertThat(testo(referente.get("/abilitazioni"))).contains("/abilitazioni/" + id);

        // not a spreadsheet: back to the form, the reason beside the file
        ClientHttp.Risposta nonExcel = referente.postConFile("/abilitazioni", Map.of("ente", Long.toString(varese)), "file",
                "abilitazioni.xlsx", "a;b".getBytes());
        assertThat(nonExcel.status()).isEqualTo(400);
        assertThat(testo(nonExcel)).contains("non è un foglio Excel", "aria-invalid=\"true\"");

        // the istruttoria operator of the same ente reads, does not send; another ente's referente neither
        SessioneConsole istruttoria = SessioneConsole.di(http, VARESE_ISTRUTTORIA);
        assertThat(testo(istruttoria.get("/abilitazioni"))).contains("inviano le richieste di abilitazione")
                .doesNotContain("id=\"modulo-abilitazioni\"");
        assertThat(istruttoria.postConFile("/abilitazioni", Map.of("ente", Long.toString(varese)), "file", "a.xlsx", file).status())
                .isEqualTo(403);
        assertThat(SessioneConsole.di(http, MALNATE).postConFile("/abilitazioni", Map.of("ente", Long.toString(varese)), "file",
                "a.xlsx", file).status()).isIn(403, 404);
        assertThat(SessioneConsole.di(http, MALNATE).get("/abilitazioni/" + id).status()).isEqualTo(404);
    }
}
