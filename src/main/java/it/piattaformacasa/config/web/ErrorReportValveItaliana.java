package it.piattaformacasa.config.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import it.piattaformacasa.common.web.FormatoErrore;
import it.piattaformacasa.common.web.PaginaErrore;
import it.piattaformacasa.common.web.Problema;

/**
 * The servlet container's own error report, for requests it refuses before any servlet (and so Spring's
 * {@code /error}) sees them: an encoded slash or backslash in the path, a malformed URI, a request line or headers
 * larger than Tomcat accepts. Same Italian page or problem+json as the rest of the platform, instead of Tomcat's
 * English «HTTP Status 400 – Bad Request».
 */
public class ErrorReportValveItaliana extends ErrorReportValve {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReportValveItaliana.class);

    private final String percorsoWebapp;

    /** For Tomcat, which instantiates the host's error report valve by class name when none is there. */
    public ErrorReportValveItaliana() {
        this("/camunda");
    }

    public ErrorReportValveItaliana(String percorsoWebapp) {
        this.percorsoWebapp = percorsoWebapp;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own: only errors, only once, only if nothing was written and the connection can still take it
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioConsentito = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioConsentito);
        if (!ioConsentito.get()) {
            return;
        }
        String uri = uri(request);
        Problema problema = problema(status, uri, throwable);
        if (problema.erroreDelServer()) {
            LOG.error("Errore {} [riferimento {}] prima dell'applicazione su {}", status, problema.riferimento(), uri, throwable);
        } else {
            LOG.warn("Richiesta rifiutata dal server con {} su {}: {}", status, uri,
                    throwable == null ? response.getMessage() : throwable.toString());
        }
        try {
            String corpo;
            if (FormatoErrore.vuoleHtml(request.getHeader("Accept"))) {
                response.setContentType("text/html");
                corpo = PaginaErrore.html(problema, uri, "", percorsoWebapp);
            } else {
                response.setContentType(Problema.PROBLEM_JSON);
                corpo = FormatoErrore.json(problema, uri, FormatoErrore.perClientCamunda(uri, percorsoWebapp));
            }
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Content-Language", "it");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(corpo);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Risposta di errore non scritta: la connessione non lo permette più", e);
        }
    }

    /** The path as received (still encoded), when the request got as far as being parsed. */
    private static String uri(Request request) {
        try {
            String uri = request.getCoyoteRequest().requestURI().toString();
            return uri == null || uri.isEmpty() ? null : uri;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Problema problema(int status, String uri, Throwable throwable) {
        String motivo = throwable == null || throwable.getMessage() == null ? "" : throwable.getMessage().toLowerCase(Locale.ROOT);
        if (status == 400 && motivo.contains("header") && motivo.contains("too large")) {
            // the request line counts in the same limit: a very long query string ends up here too. Tomcat answers
            // 400 (not 414 or 431) and the status stays as it is
            return Problema.di(400, "Richiesta troppo grande", "La richiesta è troppo grande: l'indirizzo con i suoi "
                    + "parametri e le intestazioni insieme non possono superare la dimensione ammessa dal server.");
        }
        if (status == 400 && uri != null && uri.toLowerCase(Locale.ROOT).matches(".*%(2f|5c|00).*")) {
            return Problema.di(400, Problema.titolo(400), "L'indirizzo contiene un carattere codificato non ammesso "
                    + "(come %2F, una barra, o %5C, una barra rovesciata): nei percorsi non si possono usare.");
        }
        if (status == 400) {
            return Problema.di(400, Problema.titolo(400),
                    "La richiesta non è stata compresa dal server: l'indirizzo o le intestazioni non sono validi.");
        }
        return Problema.generico(status);
    }
}
