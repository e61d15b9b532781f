package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;

@IntegrationTest
class SicurezzaTest {

    @LocalServerPort
    int port;
    ClientHttp http;

    @BeforeEach
    void client() {
        http = new ClientHttp(port);
    }

    @Test
    void engineRestRispondeNonAutorizzatoSenzaCredenziali() {
        ClientHttp.Risposta risposta = http.get("/engine-rest/engine");
        assertThat(risposta.status()).isEqualTo(401);
        assertThat(risposta.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
    }

    @Test
    void engineRestRispondeConLeCredenzialiDiUnOperatoreDemo() {
        ClientHttp.Risposta risposta = http.get("/engine-rest/engine", CAPOFILA);
        assertThat(risposta.status()).isEqualTo(200);
        assertThat(risposta.json().get(0).get("name").asText()).isEqualTo("default");
    }

    /** With a user of its own: after a wrong password Camunda locks the user for a few seconds (brute-force throttling). */
    @Test
    void unaPasswordErrataVieneRifiutata(@org.springframework.beans.factory.annotation.Autowired
                                         org.camunda.bpm.engine.IdentityService identita) {
        String utente = utenteDaBloccare(identita);
        assertThat(http.getConPassword("/engine-rest/engine", utente, "sbagliata").status()).isEqualTo(401);
        assertThat(http.getConPassword("/api/ambiti", utente, "sbagliata").status()).isEqualTo(401);
    }

    @Test
    void lApiDiDominioRichiedeAutenticazioneERispondeInItaliano() {
        ClientHttp.Risposta risposta = http.get("/api/ambiti");
        assertThat(risposta.status()).isEqualTo(401);
        assertThat(risposta.json().get("title").asText()).isEqualTo("Autenticazione richiesta");
    }

    @Test
    void unUtenteDemoSiAutenticaEVedeIlProprioProfilo() {
        ClientHttp.Risposta risposta = http.get("/api/me", CAPOFILA);
        assertThat(risposta.status()).isEqualTo(200);
        assertThat(risposta.json().get("operatore").get("nome").asText()).isEqualTo("Giulia");
        assertThat(risposta.json().get("autorita").toString())
                .contains("GROUP_ente-" + CF_COMUNE_VARESE + "-avviso", "GROUP_ambito-varese-capofila");
    }

    @Test
    void lElencoOperatoriESoloPerGliAmministratori() {
        assertThat(http.get("/api/operatori", CAPOFILA).status()).isEqualTo(403);
        ClientHttp.Risposta risposta = http.get("/api/operatori", ADMIN);
        assertThat(risposta.status()).isEqualTo(200);
        // the ten demo operators; other test classes add operators of their own (issue 14's abilitazioni)
        assertThat(risposta.json().findValuesAsText("username")).contains(CAPOFILA, VARESE_ISTRUTTORIA, ALER_AVVISO,
                ALER_ISTRUTTORIA, MALNATE, SUPERVISORE, ANALISTA, ANALISTA_REVISORE, ADMIN, VALIDATORE);
    }

    @Test
    void unaRichiestaDiModificaConCookieDiSessioneESenzaTokenCsrfVieneRifiutata() {
        // a browser-style request: ambient credentials only, no Authorization header, no CSRF token
        HttpRequest request = http.richiesta("/api/enti/1/certificazioni", null)
                .header("Cookie", "JSESSIONID=qualsiasi")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"anno\":2030}")).build();
        assertThat(http.invia(request).status()).isEqualTo(403);
    }

    /** Issue 9, defect 8: a page on another site cannot ride the Basic credentials the browser cached for this one. */
    @Test
    void unaPaginaDiUnAltroSitoNonModificaNullaConLeCredenzialiDelBrowser() {
        String forma = "application/x-www-form-urlencoded";
        for (String[] intestazione : List.of(new String[] {"Origin", "https://evil.example"}, new String[] {"Origin", "null"},
                new String[] {"Sec-Fetch-Site", "cross-site"}, new String[] {"Referer", "https://evil.example/attacco.html"})) {
            HttpRequest prendi = http.richiesta("/api/attivita/qualsiasi/prendi-in-carico", CAPOFILA)
                    .header("Content-Type", forma).header(intestazione[0], intestazione[1])
                    .POST(HttpRequest.BodyPublishers.ofString("x=1")).build();
            ClientHttp.Risposta risposta = http.invia(prendi);
            assertThat(risposta.status()).as(intestazione[0] + ": " + intestazione[1]).isEqualTo(403);
            assertThat(risposta.json().get("title").asText()).isEqualTo("Richiesta da un altro sito");
        }
        HttpRequest deployment = http.richiesta("/engine-rest/deployment/create", ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=x").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
                        + "intruso\r\n--x--\r\n")).build();
        assertThat(http.invia(deployment).status()).isEqualTo(403);
        assertThat(http.get("/engine-rest/deployment?name=intruso", ADMIN).json()).isEmpty();
    }

    @Test
    void leRichiesteDellaPiattaformaEDeiClientNonBrowserPassano() {
        String propria = "http://localhost:" + port;
        for (HttpRequest.Builder richiesta : List.of(http.richiesta("/api/attivita/qualsiasi/prendi-in-carico", CAPOFILA),
                http.richiesta("/api/attivita/qualsiasi/prendi-in-carico", CAPOFILA).header("Origin", propria),
                http.richiesta("/api/attivita/qualsiasi/prendi-in-carico", CAPOFILA).header("Sec-Fetch-Site", "same-origin")
                        .header("Referer", propria + "/console"))) {
            // past the origin check: the task does not exist
            assertThat(http.invia(richiesta.POST(HttpRequest.BodyPublishers.noBody()).build()).status()).isEqualTo(404);
        }
    }

    @Test
    void percorsiNonPrevistiSonoDellaConsoleCheVuoleIlSuoAccesso() {
        // outside /api, /engine-rest and the webapps every path is the console's (issue 12): the identity provider's
        // login (issue 14), no Basic
        ClientHttp.Risposta risposta = http.get("/qualcosa-che-non-esiste", ADMIN);
        assertThat(risposta.status()).isEqualTo(302);
        assertThat(risposta.raw().headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/oauth2/authorization/piattaforma"));
    }

    @Test
    void laDocumentazioneOpenApiElencaLApiDiDominio() {
        ClientHttp.Risposta risposta = http.get("/v3/api-docs");
        assertThat(risposta.status()).isEqualTo(200);
        assertThat(List.of("/api/ambiti", "/api/alloggi", "/api/me")).allSatisfy(p -> assertThat(risposta.body()).contains(p));
    }
}
