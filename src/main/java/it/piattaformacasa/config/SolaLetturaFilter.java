package it.piattaformacasa.config;

import java.io.IOException;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import it.piattaformacasa.common.web.FormatoErrore;
import it.piattaformacasa.common.web.Problema;
import it.piattaformacasa.operatori.OperatoriAuthenticationProvider;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Seed 004: provincial and regional users are «alla sola consultazione». One guard for every modifying request of the
 * API, of {@code /engine-rest} and of the console's forms: a reader gets 403 with the reason, before any controller
 * runs, so nothing is written whatever the endpoint (new ones included). Placed after Spring Security's authorization,
 * so the caller is known; login and logout run earlier in the chain and stay open to readers. The services add their own
 * check where a write is gated by what one sees ({@code UtenteCorrente.soloLettura()}).
 */
public class SolaLetturaFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SolaLetturaFilter.class);
    private static final Set<String> SICURI = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> RUOLI = Set.of(OperatoriAuthenticationProvider.ROLE_LETTORE_REGIONALE,
            OperatoriAuthenticationProvider.ROLE_LETTORE_PROVINCIALE);

    static final Problema SOLA_LETTURA = Problema.di(HttpServletResponse.SC_FORBIDDEN, "Utente in sola consultazione",
            "Il tuo utente è un lettore regionale o provinciale, abilitato alla sola consultazione: può vedere avvisi, "
                    + "graduatorie, report e scadenze, non modificarli. Nessun dato è stato salvato.");

    private final String percorsoWebapp;

    public SolaLetturaFilter(String percorsoWebapp) {
        this.percorsoWebapp = percorsoWebapp;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SICURI.contains(request.getMethod()) && lettore(SecurityContextHolder.getContext().getAuthentication())) {
            LOG.warn("Scrittura rifiutata a un utente in sola consultazione: {} {}", request.getMethod(), request.getRequestURI());
            FormatoErrore.scrivi(request, response, SOLA_LETTURA, percorsoWebapp);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean lettore(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(RUOLI::contains);
    }
}
