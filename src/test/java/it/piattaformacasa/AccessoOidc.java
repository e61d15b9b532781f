package it.piattaformacasa;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The login of a person as a browser makes it (issue 14): from a page of the platform through the redirects of
 * OpenID Connect to the embedded provider's form, the form posted with its CSRF token, and back through the code
 * exchange to the page. For HTTP clients with a cookie store that do not follow redirects themselves.
 */
public final class AccessoOidc {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final int PASSI_MASSIMI = 12;

    private AccessoOidc() {
    }

    /**
     * Opens {@code partenza} and logs in as {@code utente} where the provider asks; the last answer, which is the page
     * itself after a successful login.
     *
     * @throws IllegalStateException if the provider refuses the login or the redirects do not end
     */
    public static HttpResponse<String> accedi(HttpClient client, URI partenza, String utente, String password) {
        HttpResponse<String> risposta = invia(client, HttpRequest.newBuilder(partenza).header("Accept", "text/html").GET().build());
        boolean inviato = false;
        for (int passo = 0; passo < PASSI_MASSIMI; passo++) {
            int stato = risposta.statusCode();
            if (stato >= 300 && stato < 400) {
                URI verso = risposta.uri().resolve(risposta.headers().firstValue("Location").orElseThrow());
                if (verso.getPath().equals("/accesso") && verso.getQuery() != null && verso.getQuery().contains("errore")) {
                    throw new IllegalStateException("Accesso di " + utente + " rifiutato dal fornitore di identità");
                }
                if (verso.getPort() == 1 && verso.getHost().equals("127.0.0.1")) {
                    // the loopback redirect of a native API client: the code is in the address, nothing listens there
                    return risposta;
                }
                risposta = invia(client, HttpRequest.newBuilder(verso).header("Accept", "text/html").GET().build());
                continue;
            }
            if (stato == 200 && risposta.uri().getPath().equals("/accesso") && !inviato) {
                Matcher token = TOKEN.matcher(risposta.body());
                if (!token.find()) {
                    throw new IllegalStateException("Nessun modulo di accesso in " + risposta.uri());
                }
                String corpo = "username=" + codifica(utente) + "&password=" + codifica(password) + "&_csrf=" + codifica(token.group(1));
                risposta = invia(client, HttpRequest.newBuilder(risposta.uri().resolve("/accesso"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(corpo)).build());
                inviato = true;
                continue;
            }
            return risposta;
        }
        throw new IllegalStateException("L'accesso di " + utente + " non finisce dopo " + PASSI_MASSIMI + " passi: " + risposta.uri());
    }

    /**
     * An access token of the embedded provider for {@code utente}, as a native API client gets one (issue 14): the
     * authorization code flow with PKCE and a loopback redirect (RFC 8252), the login on the provider's form, the code
     * exchanged at the token endpoint.
     */
    public static String tokenApi(ClientHttp http, String utente, String password) {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] casuali = new byte[32];
        new java.security.SecureRandom().nextBytes(casuali);
        String verificatore = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(casuali);
        String sfida;
        try {
            sfida = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(verificatore.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String ritorno = "http://127.0.0.1:1/callback";
        URI autorizza = http.uri("/oauth2/authorize?response_type=code&client_id=piattaforma-api&scope=openid&state=prova"
                + "&redirect_uri=" + codifica(ritorno) + "&code_challenge=" + sfida + "&code_challenge_method=S256");
        HttpResponse<String> verso = accedi(client, autorizza, utente, password);
        String indirizzo = verso.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "Nessun codice per " + utente + ": " + verso.statusCode() + " " + verso.uri()));
        Matcher codice = Pattern.compile("[?&]code=([^&]+)").matcher(indirizzo);
        if (!codice.find()) {
            throw new IllegalStateException("Nessun codice per " + utente + ": " + indirizzo);
        }
        String corpo = "grant_type=authorization_code&client_id=piattaforma-api&code=" + codice.group(1)
                + "&redirect_uri=" + codifica(ritorno) + "&code_verifier=" + verificatore;
        HttpResponse<String> token = invia(client, HttpRequest.newBuilder(http.uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(corpo)).build());
        Matcher accesso = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        if (token.statusCode() != 200 || !accesso.find()) {
            throw new IllegalStateException("Token negato a " + utente + ": " + token.statusCode() + " " + token.body());
        }
        return accesso.group(1);
    }

    private static String codifica(String valore) {
        return URLEncoder.encode(valore, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> invia(HttpClient client, HttpRequest richiesta) {
        try {
            return client.send(richiesta, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
