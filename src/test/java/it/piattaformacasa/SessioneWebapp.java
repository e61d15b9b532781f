package it.piattaformacasa;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser session on the Camunda webapps, as Tasklist itself makes one: the login form, the session cookie and the
 * XSRF token the webapps' CSRF filter hands out. Calls go to the webapps' own engine API ({@code /camunda/api/engine}).
 */
public final class SessioneWebapp {

    public static final String API_ENGINE = "/camunda/api/engine/engine/default";

    private final ClientHttp http;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private SessioneWebapp(ClientHttp http) {
        this.http = http;
    }

    /**
     * Logs in to Tasklist as a person does (issue 14): the platform's login through the identity provider, which the
     * webapps share; fails the test if the login is refused.
     */
    public static SessioneWebapp accedi(ClientHttp http, String utente) {
        SessioneWebapp sessione = new SessioneWebapp(http);
        java.net.http.HttpResponse<String> tasklist = AccessoOidc.accedi(sessione.client, http.uri("/camunda/app/tasklist/default/"),
                utente, DemoUtenti.PASSWORD);
        if (tasklist.statusCode() != 200 || !tasklist.uri().getPath().startsWith("/camunda/app/tasklist")) {
            throw new IllegalStateException("Accesso di " + utente + " rifiutato: " + tasklist.statusCode() + " " + tasklist.uri());
        }
        // the webapps hand out their XSRF token with a call of their API
        sessione.get(API_ENGINE.replace("/engine/default", "/engine/"));
        return sessione;
    }

    public ClientHttp.Risposta get(String path) {
        return invia(HttpRequest.newBuilder(http.uri(path)).header("Accept", "application/json").GET());
    }

    public ClientHttp.Risposta post(String path, String json) {
        return invia(HttpRequest.newBuilder(http.uri(path)).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public ClientHttp.Risposta invia(HttpRequest.Builder richiesta) {
        String xsrf = xsrf();
        if (xsrf != null) {
            richiesta.header("X-XSRF-TOKEN", xsrf);
        }
        try {
            HttpResponse<String> risposta = client.send(richiesta.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ClientHttp.Risposta(risposta.statusCode(), risposta.body(), risposta);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String xsrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((a, b) -> b).orElse(null);
    }
}
