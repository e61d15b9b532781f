package it.piattaformacasa.cittadino.web;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.AccessoOidc;
import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneConsole;

/**
 * Seed 002 and issue 16: a person registered and enabled for no ente, whose identity carries a codice fiscale, sees the
 * citizens' side and nothing of an operator's; an operator does not see the citizens' side.
 */
@IntegrationTest
class AreaCittadinoTest {

    @LocalServerPort
    int port;

    ClientHttp http;

    @BeforeEach
    void prepara() {
        http = new ClientHttp(port);
    }

    @Test
    void ilCittadinoEntraNellaSuaAreaConIlCodiceFiscaleDellIdentita() {
        SessioneConsole cittadino = SessioneConsole.diCittadino(http, CITTADINO_COLOMBO);
        ClientHttp.Risposta area = cittadino.get("/cittadino");
        assertThat(area.status()).isEqualTo(200);
        assertThat(area.body()).contains("Buongiorno, Chiara Colombo", CF_CITTADINO_COLOMBO, "Le mie domande", "Avvisi aperti")
                // the operators' menu is not there
                .doesNotContain("Scrivania</span>", "Tasklist</a>");
    }

    @Test
    void leSchermateDegliOperatoriPortanoIlCittadinoNellaSuaArea() {
        SessioneConsole cittadino = SessioneConsole.diCittadino(http, CITTADINO_FERRARI);
        for (String pagina : new String[] {"/", "/avvisi", "/scadenze", "/camunda/app/tasklist/default/"}) {
            ClientHttp.Risposta risposta = cittadino.get(pagina);
            assertThat(risposta.status()).as(pagina).isEqualTo(302);
            assertThat(risposta.raw().headers().firstValue("Location")).as(pagina)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/cittadino"));
        }
        // the operators' API: a token of the citizen, but nothing to do with it
        String token = AccessoOidc.tokenApi(http, CITTADINO_FERRARI, PASSWORD);
        ClientHttp.Risposta api = http.invia(HttpRequest.newBuilder(http.uri("/api/domande"))
                .header("Authorization", "Bearer " + token).GET().build());
        assertThat(api.status()).isEqualTo(403);
    }

    @Test
    void unOperatoreNonVedeLAreaDeiCittadini() {
        SessioneConsole operatore = SessioneConsole.di(http, CAPOFILA);
        assertThat(operatore.get("/cittadino").status()).isEqualTo(403);
        ClientHttp.Risposta anonimo = SessioneConsole.anonima(http).get("/cittadino");
        assertThat(anonimo.status()).isEqualTo(302);
    }
}
