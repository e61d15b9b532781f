package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;

/** The operators' inbox: the Tasklist page loads and a demo user logs in through the webapp's own login. */
@IntegrationTest
class TasklistTest {

    @LocalServerPort
    int port;
    ClientHttp http;

    @BeforeEach
    void client() {
        http = new ClientHttp(port);
    }

    @Test
    void laPaginaDiTasklistSiCarica() {
        ClientHttp.Risposta pagina = http.invia(HttpRequest.newBuilder(http.uri("/camunda/app/tasklist/default/")).GET().build());
        assertThat(pagina.status()).isEqualTo(200);
        assertThat(pagina.body()).contains("<html").containsIgnoringCase("tasklist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "admin"})
    void ancheCockpitEAdminSiCaricanoAlPercorsoUsuale(String app) {
        ClientHttp.Risposta pagina = http.invia(HttpRequest.newBuilder(http.uri("/camunda/app/" + app + "/default/")).GET().build());
        assertThat(pagina.status()).isEqualTo(200);
        assertThat(pagina.body()).contains("<html").containsIgnoringCase(app);
    }

    /** The root is the console (issue 12): a visitor is sent to its login, the webapps stay under /camunda. */
    @Test
    void laRadiceELaConsoleCheChiedeLAccesso() {
        ClientHttp.Risposta radice = http.invia(HttpRequest.newBuilder(http.uri("/")).GET().build());
        assertThat(radice.status()).isBetween(300, 399);
        assertThat(radice.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/accesso"));
    }

    /** Camunda's distribution page, English and not part of the platform: Welcome instead. */
    @ParameterizedTest
    @ValueSource(strings = {"/camunda-welcome", "/camunda-welcome/", "/camunda-welcome/index.html"})
    void laPaginaDiBenvenutoDiCamundaPortaAWelcome(String percorso) {
        ClientHttp.Risposta pagina = http.invia(HttpRequest.newBuilder(http.uri(percorso)).GET().build());
        assertThat(pagina.status()).isEqualTo(302);
        assertThat(pagina.raw().headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/camunda/app/welcome/"));
    }

    @Test
    void unOperatoreDemoEntraInTasklist() {
        assertThat(login(CAPOFILA, PASSWORD)).isEqualTo(200);
    }

    /** With a user of its own: a failed login throttles that user for a few seconds. */
    @Test
    void conUnaPasswordErrataNonSiEntraInTasklist(@org.springframework.beans.factory.annotation.Autowired
                                                  org.camunda.bpm.engine.IdentityService identita) {
        assertThat(login(utenteDaBloccare(identita), "sbagliata")).isEqualTo(401);
    }

    /** Same calls as the Tasklist login page: fetch the XSRF cookie, then post the form with it. */
    private int login(String utente, String password) {
        ClientHttp.Risposta pagina = http.invia(HttpRequest.newBuilder(http.uri("/camunda/app/tasklist/default/")).GET().build());
        String cookies = String.join("; ", pagina.raw().headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';'))).toList());
        String xsrf = pagina.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';')))
                .findFirst().orElse("");
        String form = "username=" + URLEncoder.encode(utente, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest login = HttpRequest.newBuilder(http.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.invia(login).status();
    }
}
