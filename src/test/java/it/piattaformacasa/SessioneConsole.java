package it.piattaformacasa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser session on the console (issue 12) without a browser: its login form, the session cookie, the CSRF token
 * every form of the console carries. For the authorization matrix of the pages and for tests of a page's answers.
 */
public final class SessioneConsole {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final ClientHttp http;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private SessioneConsole(ClientHttp http) {
        this.http = http;
    }

    /** Nobody logged in: every page but the login answers with the way to it. */
    public static SessioneConsole anonima(ClientHttp http) {
        return new SessioneConsole(http);
    }

    /**
     * Logs in as a person does (issue 14): the console sends the browser to the identity provider, whose form takes the
     * password, and the code comes back to the console; fails the test if the login is refused.
     */
    public static SessioneConsole di(ClientHttp http, String utente) {
        SessioneConsole sessione = new SessioneConsole(http);
        HttpResponse<String> scrivania = AccessoOidc.accedi(sessione.client, http.uri("/"), utente, DemoUtenti.PASSWORD);
        assertThat(scrivania.statusCode()).as("login of " + utente).isEqualTo(200);
        assertThat(scrivania.uri().getPath()).as("login of " + utente).isEqualTo("/");
        return sessione;
    }

    /** Logs in a person the platform has not enabled: the login ends on the page that says so (issue 14). */
    public static SessioneConsole diSenzaAbilitazione(ClientHttp http, String utente) {
        SessioneConsole sessione = new SessioneConsole(http);
        HttpResponse<String> pagina = AccessoOidc.accedi(sessione.client, http.uri("/"), utente, DemoUtenti.PASSWORD);
        assertThat(pagina.uri().getPath()).as("login of " + utente).isEqualTo("/senza-abilitazione");
        return sessione;
    }

    /** Logs in a citizen (issue 16): a person without abilitazione whose identity has a codice fiscale lands on «La mia area». */
    public static SessioneConsole diCittadino(ClientHttp http, String utente) {
        SessioneConsole sessione = new SessioneConsole(http);
        HttpResponse<String> pagina = AccessoOidc.accedi(sessione.client, http.uri("/"), utente, DemoUtenti.PASSWORD);
        assertThat(pagina.statusCode()).as("login of " + utente).isEqualTo(200);
        assertThat(pagina.uri().getPath()).as("login of " + utente).isEqualTo("/cittadino");
        return sessione;
    }

    public ClientHttp.Risposta get(String percorso) {
        return invia(HttpRequest.newBuilder(http.uri(percorso)).header("Accept", "text/html").GET().build());
    }

    /** A form as the page submits it, with the session's CSRF token read from the login page. */
    public ClientHttp.Risposta post(String percorso, Map<String, String> campi) {
        Map<String, String> tutti = new LinkedHashMap<>(campi);
        tutti.putIfAbsent("_csrf", token());
        String corpo = tutti.entrySet().stream()
                .map(c -> URLEncoder.encode(c.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(c.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return invia(HttpRequest.newBuilder(http.uri(percorso)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(corpo)).build());
    }

    /** A form with fields that repeat (checkboxes of one name), in order, with the session's CSRF token. */
    public ClientHttp.Risposta post(String percorso, List<Map.Entry<String, String>> campi) {
        List<Map.Entry<String, String>> tutti = new java.util.ArrayList<>(campi);
        if (tutti.stream().noneMatch(c -> c.getKey().equals("_csrf"))) {
            tutti.add(Map.entry("_csrf", token()));
        }
        String corpo = tutti.stream()
                .map(c -> URLEncoder.encode(c.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(c.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return invia(HttpRequest.newBuilder(http.uri(percorso)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(corpo)).build());
    }

    /** A form with a file (multipart), with the session's CSRF token among its fields. */
    public ClientHttp.Risposta postConFile(String percorso, Map<String, String> campi, String nomeCampoFile, String nomeFile, byte[] file) {
        Map<String, String> tutti = new LinkedHashMap<>(campi);
        tutti.putIfAbsent("_csrf", token());
        Multipart corpo = Multipart.di(tutti, nomeCampoFile, nomeFile, file);
        return invia(HttpRequest.newBuilder(http.uri(percorso)).header("Content-Type", corpo.tipo()).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(corpo.corpo())).build());
    }

    /** A download as bytes (an .xlsx), with the session's cookie. */
    public HttpResponse<byte[]> scarica(String percorso) {
        try {
            return client.send(HttpRequest.newBuilder(http.uri(percorso)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of this session, as the login page's form carries it. */
    public String token() {
        ClientHttp.Risposta pagina = get("/accesso");
        Matcher token = TOKEN.matcher(pagina.body());
        assertThat(token.find()).as("the CSRF token in the login form").isTrue();
        return token.group(1);
    }

    private ClientHttp.Risposta invia(HttpRequest richiesta) {
        try {
            HttpResponse<String> risposta = client.send(richiesta, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ClientHttp.Risposta(risposta.statusCode(), risposta.body(), risposta);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
