package it.piattaformacasa.common.web;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Spring Boot's {@code /error}, where the servlet container sends every error not answered where it happened:
 * Spring Security (CSRF, denied paths, rejected URLs), the Camunda webapps' own filters (an operator opening
 * Cockpit, a missing XSRF token, a session that expired), exceptions no handler took. Instead of the Whitelabel page
 * and {@code {"error":"Forbidden"}}: an Italian page for a browser, Italian problem+json for everyone else.
 */
@Controller
public class ErroriController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ErroriController.class);
    /** The Camunda webapps' CSRF filter says why in its English message, which starts with its name. */
    private static final String CSRF_CAMUNDA = "CSRFPreventionFilter";

    private final ErrorAttributes errorAttributes;
    private final String percorsoWebapp;

    ErroriController(ErrorAttributes errorAttributes,
                     @Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) {
        this.errorAttributes = errorAttributes;
        this.percorsoWebapp = percorsoWebapp;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<String> errore(HttpServletRequest request) {
        String contextPath = request.getContextPath();
        Object uriOriginale = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = uriOriginale == null ? null : uriOriginale.toString().substring(
                Math.min(contextPath.length(), uriOriginale.toString().length()));
        Throwable eccezione = errorAttributes.getError(new ServletWebRequest(request));
        Problema problema = PaginaErrore.perLaWebapp(problema(request), uri, percorsoWebapp);
        registra(request, uri, problema, eccezione);

        ResponseEntity.BodyBuilder risposta = ResponseEntity.status(problema.status());
        if (FormatoErrore.vuoleHtml(request.getHeader(HttpHeaders.ACCEPT))) {
            return risposta.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(PaginaErrore.html(problema, uri, contextPath, percorsoWebapp));
        }
        return risposta.contentType(new MediaType(MediaType.APPLICATION_PROBLEM_JSON, StandardCharsets.UTF_8))
                .body(FormatoErrore.json(problema, uriOriginale == null ? null : uriOriginale.toString(),
                        FormatoErrore.perClientCamunda(uri, percorsoWebapp)));
    }

    private static Problema problema(HttpServletRequest request) {
        Object codice = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // /error opened directly is not an error page of anything
        int status = codice instanceof Integer numero && numero >= 400 ? numero : 404;
        Object messaggio = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        // Spring Security's CSRF refusals come here as a bare 403 (generic text) until SecurityConfiguration hands
        // them to AccessoNegatoHandler, which names the token
        if (status == 403 && messaggio != null && messaggio.toString().startsWith(CSRF_CAMUNDA)) {
            return AccessoNegatoHandler.CSRF;
        }
        if (status == 401) {
            return Problema.di(401, Problema.titolo(401), "Credenziali mancanti o non valide: accedi di nuovo.");
        }
        return Problema.generico(status);
    }

    private static void registra(HttpServletRequest request, String uri, Problema problema, Throwable eccezione) {
        if (problema.erroreDelServer()) {
            LOG.error("Errore {} [riferimento {}] su {} {}", problema.status(), problema.riferimento(),
                    request.getMethod(), uri, eccezione);
        } else if (eccezione != null) {
            LOG.warn("Richiesta rifiutata con {} su {} {}: {}", problema.status(), request.getMethod(), uri, eccezione.toString());
        } else {
            LOG.debug("Richiesta rifiutata con {} su {} {}", problema.status(), request.getMethod(), uri);
        }
    }
}
