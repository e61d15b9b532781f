package it.piattaformacasa.common.web;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring Security's refusals of an authenticated request or of a missing/invalid CSRF token, written directly in
 * Italian (problem+json, or the error page for a browser). Without it Spring Security's default handler sends a bare
 * 403 to {@code /error}, which can no longer tell a CSRF refusal from any other: {@link ErroriController} still
 * answers in Italian, but generically. Wired in {@code SecurityConfiguration} with
 * {@code exceptionHandling(e -> e.accessDeniedHandler(...))}, which the CSRF filter uses too.
 */
@Component
public class AccessoNegatoHandler implements AccessDeniedHandler {

    static final Problema CSRF = Problema.di(403, "Richiesta non verificata",
            "La richiesta non porta un token di sicurezza (CSRF) valido: ricarica la pagina e riprova.");

    private static final Logger LOG = LoggerFactory.getLogger(AccessoNegatoHandler.class);

    private final String percorsoWebapp;

    AccessoNegatoHandler(@Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) {
        this.percorsoWebapp = percorsoWebapp;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Problema problema = e instanceof CsrfException ? CSRF
                : Problema.di(403, Problema.titolo(403), "Il tuo utente non ha i permessi per questa operazione.");
        LOG.warn("Richiesta rifiutata con 403 su {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        FormatoErrore.scrivi(request, response, problema, percorsoWebapp);
    }
}
