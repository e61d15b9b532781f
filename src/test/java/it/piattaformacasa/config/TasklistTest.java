package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.AccessoOidc;
import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.SessioneWebapp;

/**
 * The operators' inbox behind the platform's single login (issue 14): a visitor of Tasklist is sent to the identity
 * provider, comes back logged in to the webapps with the engine's groups, and cannot use the webapps' own password
 * login.
 */
@IntegrationTest
class TasklistTest {

    @LocalServerPort
    int port;
    ClientHttp http;

    @BeforeEach
    void client() {
        http = new ClientHttp(port);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void unVisitatoreDiTasklistVaAllAccessoDellaPiattaforma() {
        ClientHttp.Risposta pagina = http.invia(HttpRequest.newBuilder(http.uri("/camunda/app/tasklist/default/"))
                .header("Accept", "text/html").GET().build());
        assertThat(pagina.status()).isEqualTo(302);
        assertThat(pagina.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/oauth2/authorization/piattaforma"));
        // the calls of a page's scripts get a 401 in Italian, not a login page
        ClientHttp.Risposta api = http.invia(HttpRequest.newBuilder(http.uri(SessioneWebapp.API_ENGINE + "/task/count"))
                .header("Accept", "application/json").GET().build());
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.body()).contains("accedi di nuovo alla piattaforma");
    }

    @Test
    void laPaginaDiTasklistSiCaricaDopoLAccesso() {
        HttpResponse<String> pagina = AccessoOidc.accedi(browser(), http.uri("/camunda/app/tasklist/default/"), CAPOFILA, PASSWORD);
        assertThat(pagina.statusCode()).isEqualTo(200);
        assertThat(pagina.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");
        assertThat(pagina.body()).contains("<html").containsIgnoringCase("tasklist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cockpit", "admin"})
    void ancheCockpitEAdminSiCaricanoAlPercorsoUsuale(String app) {
        HttpResponse<String> pagina = AccessoOidc.accedi(browser(), http.uri("/camunda/app/" + app + "/default/"), ADMIN, PASSWORD);
        assertThat(pagina.statusCode()).isEqualTo(200);
        assertThat(pagina.body()).contains("<html").containsIgnoringCase(app);
    }

    /** The root is the console (issue 12): a visitor is sent to the provider, whose form is the «Accedi» page. */
    @Test
    void laRadiceELaConsoleCheChiedeLAccesso() {
        HttpClient browser = browser();
        ClientHttp.Risposta radice = http.invia(HttpRequest.newBuilder(http.uri("/")).header("Accept", "text/html").GET().build());
        assertThat(radice.status()).isBetween(300, 399);
        assertThat(radice.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/oauth2/authorization/piattaforma"));
        HttpResponse<String> verso = invia(browser, HttpRequest.newBuilder(http.uri("/oauth2/authorization/piattaforma")).GET().build());
        assertThat(verso.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .contains("/oauth2/authorize?").contains("client_id=piattaforma-casa").contains("scope=openid"));
        HttpResponse<String> fornitore = invia(browser, HttpRequest.newBuilder(http.uri("/").resolve(verso.headers().firstValue("Location").orElseThrow())).GET().build());
        assertThat(fornitore.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/accesso"));
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

    /** The webapps know the person the provider logged in, with the groups and applications the engine gives them. */
    @Test
    void unOperatoreDemoEntraInTasklistConISuoiGruppi() {
        SessioneWebapp sessione = SessioneWebapp.accedi(http, CAPOFILA);
        ClientHttp.Risposta chi = sessione.get("/camunda/api/admin/auth/user/default");
        assertThat(chi.status()).isEqualTo(200);
        assertThat(chi.body()).contains("\"userId\":\"" + CAPOFILA + "\"").contains("tasklist").doesNotContain("cockpit");
        assertThat(sessione.get(SessioneWebapp.API_ENGINE + "/task/count").status()).isEqualTo(200);
    }

    /** With a user of its own: a failed login throttles that user for a few seconds. */
    @Test
    void unaPasswordErrataPressoIlFornitoreNonFaEntrare(@org.springframework.beans.factory.annotation.Autowired
                                                         org.camunda.bpm.engine.IdentityService identita) {
        String utente = utenteDaBloccare(identita);
        assertThatThrownBy(() -> AccessoOidc.accedi(browser(), http.uri("/camunda/app/tasklist/default/"), utente, "sbagliata"))
                .hasMessageContaining("rifiutato");
    }

    /** Nobody types a password into the webapps: their own login is closed, logged in or not. */
    @Test
    void ilLoginDelleWebappEChiuso() {
        String form = "username=" + URLEncoder.encode(CAPOFILA, StandardCharsets.UTF_8) + "&password=" + PASSWORD;
        ClientHttp.Risposta anonimo = http.invia(HttpRequest.newBuilder(http.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(anonimo.status()).isIn(401, 403);
        SessioneWebapp sessione = SessioneWebapp.accedi(http, VARESE_ISTRUTTORIA);
        ClientHttp.Risposta cambio = sessione.invia(HttpRequest.newBuilder(http.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(cambio.status()).isEqualTo(403);
        assertThat(sessione.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"" + VARESE_ISTRUTTORIA + "\"");
    }

    private static HttpResponse<String> invia(HttpClient client, HttpRequest richiesta) {
        try {
            return client.send(richiesta, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
