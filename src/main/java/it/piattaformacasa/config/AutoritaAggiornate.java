package it.piattaformacasa.config;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import it.piattaformacasa.operatori.IdentitaFederata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A session opened at the identity provider keeps the person's authorities of that moment; this filter brings them
 * up to date (at most {@code piattaforma.sicurezza.memoria-accessi} old, 30 s), so an abilitazione removed by the
 * Region or an operator disabled stops working in open sessions too, not at their next login (issue 14).
 */
final class AutoritaAggiornate extends OncePerRequestFilter {

    private final IdentitaFederata identita;
    private final HttpSessionSecurityContextRepository sessione = new HttpSessionSecurityContextRepository();

    AutoritaAggiornate(IdentitaFederata identita) {
        this.identita = identita;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken token) {
            List<GrantedAuthority> attuali = identita.autorita(token.getName(), token.getPrincipal().getAttributes());
            if (!new HashSet<>(attuali).equals(new HashSet<>(token.getAuthorities()))) {
                SecurityContext aggiornato = SecurityContextHolder.createEmptyContext();
                aggiornato.setAuthentication(new OAuth2AuthenticationToken(token.getPrincipal(), attuali,
                        token.getAuthorizedClientRegistrationId()));
                SecurityContextHolder.setContext(aggiornato);
                sessione.saveContext(aggiornato, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
