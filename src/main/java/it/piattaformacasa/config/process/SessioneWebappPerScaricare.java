package it.piattaformacasa.config.process;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A download linked from a Tasklist form (a graduatoria's xlsx or csv) opens in the browser where the operator is
 * logged into Tasklist: that browser has the webapps' session cookie, not the API's HTTP Basic credentials, and would
 * ask for a second login. For the few downloads this filter is given — GET only, reading, so CSRF does not apply — a
 * request without credentials of its own is authenticated as the person of the webapps' session, with the same
 * authorities as their HTTP Basic login (the API still checks the ente). A request another site's page makes
 * ({@code Sec-Fetch-Site: cross-site}) does not ride the session. Nothing is stored: the API stays stateless.
 */
public final class SessioneWebappPerScaricare extends OncePerRequestFilter {

    private final RequestMatcher download;
    private final Function<String, Optional<Authentication>> perUtente;

    /** @param perUtente the authentication of an active user, as their HTTP Basic login would give it */
    public SessioneWebappPerScaricare(RequestMatcher download, Function<String, Optional<Authentication>> perUtente) {
        this.download = download;
        this.perUtente = perUtente;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext contesto = SecurityContextHolder.getContext();
        if ("GET".equals(request.getMethod()) && contesto.getAuthentication() == null && request.getHeader("Authorization") == null
                && dallaPiattaforma(request) && download.matches(request)) {
            utenteDellaSessione(request).flatMap(perUtente).ifPresent(autenticazione -> {
                SecurityContext nuovo = SecurityContextHolder.createEmptyContext();
                nuovo.setAuthentication(autenticazione);
                SecurityContextHolder.setContext(nuovo);
            });
        }
        chain.doFilter(request, response);
    }

    /** A link followed in the platform's pages, or an address typed in; not a request made by another site's page. */
    private static boolean dallaPiattaforma(HttpServletRequest request) {
        String sito = request.getHeader("Sec-Fetch-Site");
        return sito == null || sito.equalsIgnoreCase("same-origin") || sito.equalsIgnoreCase("none");
    }

    private static Optional<String> utenteDellaSessione(HttpServletRequest request) {
        HttpSession sessione = request.getSession(false);
        if (sessione == null) {
            return Optional.empty();
        }
        for (UserAuthentication utente : AuthenticationUtil.getAuthsFromSession(sessione).getAuthentications()) {
            if (utente.getIdentityId() != null) {
                return Optional.of(utente.getIdentityId());
            }
        }
        return Optional.empty();
    }
}
