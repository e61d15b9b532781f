package it.piattaformacasa.bench;

import static it.piattaformacasa.DemoUtenti.*;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import it.piattaformacasa.AccessoOidc;
import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;

/**
 * What the identity provider's login costs (issue 14), side by side in one run: a whole login through the embedded
 * OpenID Connect provider (redirects, the form, the code exchanged, the ID token checked) against an API call with a
 * bearer token and one with HTTP Basic (remembered) — the same small GET. Run with
 * {@code ./mvnw -Pbench verify -Dtest=AccessoBenchmark}; figures in {@code target/bench/accesso.txt}. It measures; it
 * asserts nothing about time.
 */
@IntegrationTest
class AccessoBenchmark {

    private static final int ACCESSI = 40;
    private static final int CHIAMATE = 400;

    @LocalServerPort
    int port;

    @Test
    void accessoTokenEBasicAConfronto() throws Exception {
        ClientHttp http = new ClientHttp(port);
        String token = AccessoOidc.tokenApi(http, VARESE_ISTRUTTORIA, PASSWORD);
        String percorso = "/api/me";
        // warm-up of every path
        for (int i = 0; i < 20; i++) {
            accesso(http);
            chiamata(http, "Bearer " + token, percorso);
            http.get(percorso, VARESE_ISTRUTTORIA);
        }
        List<Long> accessi = new ArrayList<>();
        List<Long> conToken = new ArrayList<>();
        List<Long> conBasic = new ArrayList<>();
        for (int giro = 0; giro < ACCESSI; giro++) {
            long inizio = System.nanoTime();
            accesso(http);
            accessi.add(System.nanoTime() - inizio);
            for (int i = 0; i < CHIAMATE / ACCESSI; i++) {
                inizio = System.nanoTime();
                chiamata(http, "Bearer " + token, percorso);
                conToken.add(System.nanoTime() - inizio);
                inizio = System.nanoTime();
                http.get(percorso, VARESE_ISTRUTTORIA);
                conBasic.add(System.nanoTime() - inizio);
            }
        }
        String risultato = String.format(Locale.ROOT, """
                Accesso e chiamate (issue 14), stesso processo, alternati nello stesso giro
                  accesso completo al fornitore incorporato (console, %d volte): mediana %.1f ms, p95 %.1f ms
                  GET %s con token bearer (%d volte): mediana %.2f ms, p95 %.2f ms
                  GET %s con HTTP Basic ricordato (%d volte): mediana %.2f ms, p95 %.2f ms
                  rapporto token / Basic (mediane): %.2f
                """, ACCESSI, ms(accessi, 50), ms(accessi, 95), percorso, conToken.size(), ms(conToken, 50), ms(conToken, 95),
                percorso, conBasic.size(), ms(conBasic, 50), ms(conBasic, 95), ms(conToken, 50) / ms(conBasic, 50));
        System.out.println(risultato);
        Path file = Path.of("target", "bench", "accesso.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, risultato, StandardCharsets.UTF_8);
    }

    private static void accesso(ClientHttp http) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AccessoOidc.accedi(browser, http.uri("/"), CAPOFILA, PASSWORD);
    }

    private static void chiamata(ClientHttp http, String autorizzazione, String percorso) {
        ClientHttp.Risposta risposta = http.invia(HttpRequest.newBuilder(http.uri(percorso)).header("Authorization", autorizzazione)
                .header("Accept", "application/json").GET().build());
        if (risposta.status() != 200) {
            throw new IllegalStateException(percorso + ": " + risposta.status());
        }
    }

    private static double ms(List<Long> tempi, int percentile) {
        List<Long> ordinati = new ArrayList<>(tempi);
        Collections.sort(ordinati);
        int indice = Math.min(ordinati.size() - 1, (int) Math.ceil(percentile / 100.0 * ordinati.size()) - 1);
        return ordinati.get(Math.max(0, indice)) / 1_000_000.0;
    }
}
