package it.piattaformacasa.operatori;

import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.sicurezza.CittadinoCorrente;

/**
 * The citizen from Spring Security: a session or a token with {@link IdentitaFederata#ROLE_CITTADINO}, the codice
 * fiscale read again from the provider's claims (the ID token of the session, the bearer token's claims).
 */
@Component
class CittadinoCorrenteDaSicurezza implements CittadinoCorrente {

    private final IdentitaFederata identita;

    CittadinoCorrenteDaSicurezza(IdentitaFederata identita) {
        this.identita = identita;
    }

    @Override
    public Optional<CodiceFiscale> codiceFiscale() {
        return claims().flatMap(identita::codiceFiscale).map(CodiceFiscale::of);
    }

    @Override
    public Optional<String> nomeCompleto() {
        return claims().map(c -> ((c.get("given_name") instanceof String n ? n : "") + " "
                + (c.get("family_name") instanceof String f ? f : "")).trim()).filter(n -> !n.isEmpty());
    }

    /** The provider's claims of a citizen's session or token; empty for anybody else. */
    private static Optional<Map<String, Object>> claims() {
        Authentication chi = SecurityContextHolder.getContext().getAuthentication();
        if (chi == null || !chi.isAuthenticated()
                || chi.getAuthorities().stream().noneMatch(a -> IdentitaFederata.ROLE_CITTADINO.equals(a.getAuthority()))) {
            return Optional.empty();
        }
        if (chi.getPrincipal() instanceof OidcUser persona) {
            return Optional.of(persona.getClaims());
        }
        if (chi instanceof JwtAuthenticationToken token) {
            return Optional.of(token.getToken().getClaims());
        }
        return Optional.empty();
    }
}
