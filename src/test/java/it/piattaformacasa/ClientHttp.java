package it.piattaformacasa;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A real HTTP client against the running test server (the JDK one: it reads 401 bodies without fuss). */
public final class ClientHttp {

    public record Risposta(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Risposta non JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public ClientHttp(int port) {
        this.port = port;
    }

    public Risposta get(String path, String utente) {
        return invia(richiesta(path, utente).GET().build());
    }

    public Risposta get(String path) {
        return get(path, null);
    }

    public Risposta post(String path, String utente, String json) {
        return invia(richiesta(path, utente).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Risposta delete(String path, String utente) {
        return invia(richiesta(path, utente).DELETE().build());
    }

    public Risposta getConPassword(String path, String utente, String password) {
        return invia(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(utente, password)).GET().build());
    }

    public HttpRequest.Builder richiesta(String path, String utente) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (utente != null) {
            builder.header("Authorization", basic(utente, DemoUtenti.PASSWORD));
        }
        return builder;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public Risposta invia(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Risposta(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String utente, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((utente + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
