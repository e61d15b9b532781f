package it.piattaformacasa.common.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * One error as a person meets it, whoever produced it (Spring MVC, Spring Security, the servlet container, the
 * Camunda REST API and webapps): status, Italian title and detail, the offending fields, the reasons, and for
 * server errors a short reference that is also in the log. Rendered as RFC 9457 problem+json like
 * {@link ApiExceptionHandler}, or as a page ({@link PaginaErrore}).
 *
 * <p>Only Italian text written here or in a {@code it.piattaformacasa} exception goes in: never an exception's own
 * message from a framework (English, class names, SQL).
 */
public record Problema(int status, String titolo, String dettaglio, List<Campo> errori, List<String> motivi,
                       String riferimento, Map<String, Object> altro) {

    public static final String PROBLEM_JSON = "application/problem+json";

    private static final SecureRandom CASUALE = new SecureRandom();

    public record Campo(String campo, String messaggio) {
    }

    public Problema {
        errori = errori == null ? List.of() : List.copyOf(errori);
        motivi = motivi == null ? List.of() : List.copyOf(motivi);
        altro = altro == null ? Map.of() : Map.copyOf(altro);
    }

    public static Problema di(int status, String titolo, String dettaglio) {
        return new Problema(status, titolo, dettaglio, List.of(), List.of(), null, Map.of());
    }

    /**
     * What a request that found no database connection is told, by the API and by the console alike (issue 17): not
     * that nothing was done, since a request may have committed a first transaction before the second found none.
     */
    public static final String DATABASE_NON_DISPONIBILE = "Il servizio non riesce a usare il database in questo momento "
            + "(troppe richieste insieme o database non raggiungibile). Riprova tra qualche secondo.";

    /** The Italian title and a generic detail for the status, for errors that have nothing more precise to say. */
    public static Problema generico(int status) {
        if (status >= 500) {
            return interno(status, nuovoRiferimento());
        }
        return di(status, titolo(status), dettaglioGenerico(status));
    }

    /** A server error: nothing of the cause goes in the body, only the reference under which it was logged. */
    public static Problema interno(int status, String riferimento) {
        String dettaglio = status == 503
                ? "Il servizio non è disponibile in questo momento. Riprova tra qualche minuto."
                : "Si è verificato un errore interno. Se il problema persiste, comunica all'assistenza il riferimento "
                        + riferimento + ".";
        return new Problema(status, titolo(status), dettaglio, List.of(), List.of(), riferimento, Map.of());
    }

    /** Eight hexadecimal characters: short enough to read over the phone, enough to find the log line. */
    public static String nuovoRiferimento() {
        byte[] byteCasuali = new byte[4];
        CASUALE.nextBytes(byteCasuali);
        return HexFormat.of().formatHex(byteCasuali);
    }

    public Problema conErrori(List<Campo> campi) {
        return new Problema(status, titolo, dettaglio, campi, motivi, riferimento, altro);
    }

    public Problema conMotivi(List<String> elenco) {
        return new Problema(status, titolo, dettaglio, errori, elenco, riferimento, altro);
    }

    public Problema con(String proprieta, Object valore) {
        Map<String, Object> nuove = new LinkedHashMap<>(altro);
        nuove.put(proprieta, valore);
        return new Problema(status, titolo, dettaglio, errori, motivi, riferimento, nuove);
    }

    public Problema conDettaglio(String nuovo) {
        return new Problema(status, titolo, nuovo, errori, motivi, riferimento, altro);
    }

    public boolean erroreDelServer() {
        return status >= 500;
    }

    /**
     * The problem+json members in their usual order. {@code message} repeats {@code detail} for the clients of the
     * Camunda REST API: Tasklist, Cockpit and Admin show {@code data.message} of an error body.
     */
    public Map<String, Object> comeJson(String instance, boolean conMessage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "about:blank");
        json.put("title", titolo);
        json.put("status", status);
        json.put("detail", dettaglio);
        if (instance != null) {
            json.put("instance", instance);
        }
        if (conMessage) {
            json.put("message", dettaglio);
        }
        aggiungiProprieta(json::put);
        return json;
    }

    /** The same content for Spring MVC, which fills {@code instance} with the request path. */
    public ProblemDetail comeProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), dettaglio);
        problem.setTitle(titolo);
        aggiungiProprieta(problem::setProperty);
        return problem;
    }

    private void aggiungiProprieta(java.util.function.BiConsumer<String, Object> proprieta) {
        if (!errori.isEmpty()) {
            proprieta.accept("errori", errori);
        }
        if (!motivi.isEmpty()) {
            proprieta.accept("motivi", motivi);
        }
        altro.forEach(proprieta);
        if (riferimento != null) {
            proprieta.accept("riferimento", riferimento);
        }
    }

    public static String titolo(int status) {
        return switch (status) {
            case 400 -> "Richiesta non valida";
            case 401 -> "Autenticazione richiesta";
            case 403 -> "Operazione non consentita";
            case 404 -> "Non trovato";
            case 405 -> "Metodo non consentito";
            case 406 -> "Formato non disponibile";
            case 408 -> "Tempo scaduto";
            case 409 -> "Operazione non possibile";
            case 410 -> "Non più disponibile";
            case 411, 412, 428 -> "Richiesta incompleta";
            case 413 -> "Richiesta troppo grande";
            case 414 -> "Indirizzo troppo lungo";
            case 415 -> "Formato non supportato";
            case 422 -> "Richiesta non elaborabile";
            case 429 -> "Troppe richieste";
            case 431 -> "Intestazioni troppo grandi";
            case 503 -> "Servizio non disponibile";
            default -> status >= 500 ? "Errore interno" : "Richiesta non valida";
        };
    }

    private static String dettaglioGenerico(int status) {
        return switch (status) {
            case 400 -> "La richiesta non è valida e non è stata eseguita.";
            case 401 -> "Credenziali mancanti o non valide";
            case 403 -> "Non hai i permessi per questa operazione.";
            case 404 -> "La risorsa richiesta non esiste.";
            case 405 -> "Questo indirizzo non accetta il metodo HTTP usato.";
            case 406 -> "La risposta non è disponibile nel formato richiesto (intestazione Accept).";
            case 408 -> "La richiesta non è arrivata completa in tempo.";
            case 409 -> "Lo stato attuale non permette questa operazione.";
            case 410 -> "La risorsa richiesta non è più disponibile.";
            case 411, 412, 428 -> "Alla richiesta manca un'informazione necessaria.";
            case 413 -> "Il contenuto della richiesta supera la dimensione massima ammessa.";
            case 414 -> "L'indirizzo della richiesta è troppo lungo.";
            case 415 -> "Il formato del contenuto della richiesta (intestazione Content-Type) non è supportato.";
            case 422 -> "I dati sono ben formati ma non possono essere accettati.";
            case 429 -> "Troppe richieste in poco tempo: riprova tra qualche secondo.";
            case 431 -> "Le intestazioni della richiesta sono troppo grandi.";
            default -> "La richiesta non è valida e non è stata eseguita.";
        };
    }
}
