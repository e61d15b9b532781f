package it.piattaformacasa.config.process;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import it.piattaformacasa.common.web.FormatoErrore;
import it.piattaformacasa.common.web.Problema;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Applies {@link AccessoEngine} to {@code /engine-rest/*} (the person comes from Spring Security's HTTP Basic) and
 * to the webapps' APIs under {@code /camunda/api/*} (the person comes from the webapps' session). A refused request
 * gets 403 with an Italian problem body and never reaches the engine.
 */
class AccessoEngineFilter extends OncePerRequestFilter {

    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP_API = "/camunda/api/";
    private static final String PREFISSO_GRUPPO = "GROUP_";

    private final String percorsoWebapp;

    AccessoEngineFilter(String percorsoWebapp) {
        this.percorsoWebapp = percorsoWebapp;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String percorso = request.getRequestURI().substring(request.getContextPath().length());
        Destinazione destinazione = destinazione(percorso);
        if (destinazione == null) {
            chain.doFilter(request, response);
            return;
        }
        List<String> gruppi = percorso.startsWith(ENGINE_REST) ? gruppiDaSpring() : gruppiDaSessione(request);
        if (gruppi == null) {
            // nobody logged in: Spring Security (engine-rest) or the webapps' own filter answer 401
            chain.doFilter(request, response);
            return;
        }
        AccessoEngine.Ruolo ruolo = AccessoEngine.ruolo(gruppi);
        // decided on the path as sent: a dot-segment, an escape or a path parameter could make the engine resolve a
        // path other than the one read here, so for anyone but an administrator such a path is refused outright
        boolean ambiguo = percorso.contains("..") || percorso.contains("%") || percorso.contains(";") || percorso.contains("//")
                || percorso.contains("\\");
        if ((ruolo == AccessoEngine.Ruolo.AMMINISTRATORE || !ambiguo)
                && AccessoEngine.consentito(destinazione.api(), request.getMethod(), destinazione.relativo(), ruolo)) {
            chain.doFilter(request, response);
            return;
        }
        rifiuta(request, response);
    }

    record Destinazione(AccessoEngine.Api api, String relativo) {
    }

    /**
     * The API and the path within it: {@code /engine-rest/task/1/claim} and
     * {@code /camunda/api/engine/engine/default/task/1/claim} are both ENGINE {@code /task/1/claim}.
     */
    static Destinazione destinazione(String percorso) {
        String senzaBarra = percorso.length() > 1 && percorso.endsWith("/") ? percorso.substring(0, percorso.length() - 1) : percorso;
        if (senzaBarra.equals(ENGINE_REST) || senzaBarra.startsWith(ENGINE_REST + "/")) {
            String relativo = senzaBarra.substring(ENGINE_REST.length());
            // /engine-rest/engine/{name}/task/... addresses a named engine: the same resources
            if (relativo.startsWith("/engine/") && relativo.indexOf('/', "/engine/".length()) > 0) {
                relativo = relativo.substring(relativo.indexOf('/', "/engine/".length()));
            }
            return new Destinazione(AccessoEngine.Api.ENGINE, relativo.isEmpty() ? "/" : relativo);
        }
        if (!senzaBarra.startsWith(WEBAPP_API)) {
            return null;
        }
        String resto = senzaBarra.substring(WEBAPP_API.length());
        int barra = resto.indexOf('/');
        String api = barra < 0 ? resto : resto.substring(0, barra);
        String relativo = barra < 0 ? "/" : resto.substring(barra);
        return switch (api) {
            case "engine" -> {
                // /engine (the list of engines) or /engine/{name}/...
                String[] parti = relativo.split("/", 4);
                yield new Destinazione(AccessoEngine.Api.ENGINE, parti.length < 4 ? "/engine" : "/" + parti[3]);
            }
            case "cockpit" -> new Destinazione(AccessoEngine.Api.COCKPIT, relativo);
            case "tasklist" -> new Destinazione(AccessoEngine.Api.TASKLIST, relativo);
            case "admin" -> new Destinazione(AccessoEngine.Api.ADMIN, relativo);
            case "welcome" -> new Destinazione(AccessoEngine.Api.WELCOME, relativo);
            // an API the table does not know: administrators only
            default -> new Destinazione(AccessoEngine.Api.ENGINE, "/?sconosciuta/" + api);
        };
    }

    private static List<String> gruppiDaSpring() {
        Authentication autenticazione = SecurityContextHolder.getContext().getAuthentication();
        if (autenticazione == null || !autenticazione.isAuthenticated()) {
            return null;
        }
        return autenticazione.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(PREFISSO_GRUPPO)).map(a -> a.substring(PREFISSO_GRUPPO.length())).toList();
    }

    private static List<String> gruppiDaSessione(HttpServletRequest request) {
        HttpSession sessione = request.getSession(false);
        if (sessione == null) {
            return null;
        }
        Authentications autenticazioni = AuthenticationUtil.getAuthsFromSession(sessione);
        for (UserAuthentication utente : autenticazioni.getAuthentications()) {
            if (utente.getIdentityId() != null) {
                return utente.getGroupIds() == null ? List.of() : List.copyOf(utente.getGroupIds());
            }
        }
        return null;
    }

    private void rifiuta(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FormatoErrore.scrivi(request, response, Problema.di(HttpServletResponse.SC_FORBIDDEN, "Operazione non consentita",
                "Il tuo ruolo non consente questa operazione sul motore dei processi (" + request.getMethod() + " "
                        + request.getRequestURI() + ")"), percorsoWebapp);
    }
}
