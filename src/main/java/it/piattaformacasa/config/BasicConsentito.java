package it.piattaformacasa.config;

import java.util.function.Predicate;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic only for whom local passwords are allowed (issue 14): everybody in the embedded demo, the technical
 * clients named in {@code piattaforma.identita.client-tecnici} otherwise. A person's password is never checked for
 * anybody else: they log in at the identity provider and call the API with its token.
 */
final class BasicConsentito implements AuthenticationProvider {

    private final AuthenticationProvider password;
    private final Predicate<String> consentito;

    BasicConsentito(AuthenticationProvider password, Predicate<String> consentito) {
        this.password = password;
        this.consentito = consentito;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!consentito.test(authentication.getName())) {
            throw new BadCredentialsException("Accesso con password non consentito: usare il token del fornitore di identità");
        }
        return password.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return password.supports(authentication);
    }
}
