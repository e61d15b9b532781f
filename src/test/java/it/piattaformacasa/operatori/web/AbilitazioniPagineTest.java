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

    /**
     * The regional validator decides in the console too: the form only for a validator who did not send the request; a
     * refusal without its reason comes back beside the field with nothing decided; the approval enables the operator.
     */
    @Test
    void ilValidatoreDecideDallaConsole() {
        String cf = ModelloDiProva.nuovoCodiceFiscale();
        ClientHttp.Risposta inviata = http.post("/api/enti/" + varese + "/abilitazioni", CAPOFILA, "{\"tipo\":\"ABILITAZIONE\",\"righe\":"
                + "[{\"ragioneSociale\":\"Comune di Varese\",\"nome\":\"Nora\",\"cognome\":\"Console\",\"codiceFiscale\":\"" + cf
                + "\",\"email\":\"nora@comune.varese.it\",\"telefono\":\"\",\"gestioneAvviso\":\"NO\",\"istruttoriaDomande\":\"SI\"}]}");
        assertThat(inviata.status()).as(inviata.body()).isEqualTo(201);
        long id = inviata.json().get("id").asLong();

        assertThat(testo(SessioneConsole.di(http, CAPOFILA).get("/abilitazioni/" + id))).doesNotContain("id=\"modulo-decisione\"");
        SessioneConsole validatore = SessioneConsole.di(http, VALIDATORE);
        assertThat(testo(validatore.get("/abilitazioni/" + id))).contains("Decisione della Regione", "id=\"modulo-decisione\"",
                "Nora Console");
        assertThat(SessioneConsole.di(http, CAPOFILA).post("/abilitazioni/" + id + "/decisione", Map.of("esito", "APPROVATA")).status())
                .as("only validators decide").isEqualTo(403);

        ClientHttp.Risposta senzaMotivo = validatore.post("/abilitazioni/" + id + "/decisione", Map.of("esito", "RESPINTA"));
        assertThat(senzaMotivo.status()).isEqualTo(400);
        assertThat(testo(senzaMotivo)).contains("id=\"motivo-errore\"", "Motivo: il motivo è obbligatorio per respingere",
                "href=\"#motivo\"");
        assertThat(jdbc.queryForObject("select stato from richiesta_abilitazione where id = ?", String.class, id))
                .isEqualTo("IN_VALIDAZIONE");

        ClientHttp.Risposta approvata = validatore.post("/abilitazioni/" + id + "/decisione", Map.of("esito", "APPROVATA"));
        assertThat(approvata.status()).as(approvata.body()).isEqualTo(303);
        assertThat(testo(validatore.get("/abilitazioni/" + id))).contains("Approvata").doesNotContain("id=\"modulo-decisione\"");
        assertThat(jdbc.queryForObject("select count(*) from abilitazione a join operatore o on o.id = a.operatore_id"
                + " where o.codice_fiscale = ? and a.tipo = 'ISTRUTTORIA_DOMANDE'", Integer.class, cf)).isEqualTo(1);
        assertThat(validatore.post("/abilitazioni/" + id + "/decisione", Map.of("esito", "APPROVATA")).status())
                .as("already decided").isEqualTo(409);
    }
}
