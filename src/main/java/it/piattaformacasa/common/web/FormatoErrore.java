package it.piattaformacasa.common.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How an error is written for whoever asked: a page for a browser, problem+json for everyone else. Shared by the
 * layers that answer outside Spring MVC's content negotiation (the {@code /error} page, the servlet container's
 * error report, the Camunda REST API), so that the same request gets the same kind of body wherever it failed.
 */
public final class FormatoErrore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormatoErrore() {
    }

    /** A browser navigating asks for {@code text/html}; API clients, Tasklist's own calls and curl do not. */
    public static boolean vuoleHtml(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    /**
     * The Camunda REST API and the webapps' own APIs: their clients (Tasklist, Cockpit, Admin) read
     * {@code message}, so it repeats {@code detail}.
     */
    public static boolean perClientCamunda(String uri, String percorsoWebapp) {
        return uri != null && (uri.startsWith("/engine-rest") || uri.startsWith(percorsoWebapp + "/"));
    }

    /**
     * Writes the problem as the request wants it (a page for a browser, problem+json otherwise): for filters and
     * handlers that answer before Spring MVC.
     */
    public static void scrivi(HttpServletRequest request, HttpServletResponse response, Problema problema, String percorsoWebapp)
            throws IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        response.setStatus(problema.status());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (vuoleHtml(request.getHeader(HttpHeaders.ACCEPT))) {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write(PaginaErrore.html(problema, uri, request.getContextPath(), percorsoWebapp));
        } else {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(json(problema, request.getRequestURI(), perClientCamunda(uri, percorsoWebapp)));
        }
    }

    public static String json(Problema problema, String instance, boolean conMessage) {
        Map<String, Object> corpo = problema.comeJson(instance, conMessage);
        try {
            return JSON.writeValueAsString(corpo);
        } catch (JsonProcessingException e) {
            // only strings, numbers, lists and records of strings go in: this cannot happen
            throw new IllegalStateException(e);
        }
    }
}
