package it.piattaformacasa.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Issue 14: «local passwords only for the embedded demo and for technical clients explicitly configured; none on an
 * external database by default» — who may still type a password, and what happens to the others' attempts.
 */
class PasswordLocaliTest {

    private static final MockEnvironment EMBEDDED = new MockEnvironment();
    private static final MockEnvironment ESTERNO = new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:postgresql://db.esempio.it:5432/piattaforma_casa");

    @Test
    void leLoginConPasswordDelFornitoreIncorporatoSoloSulDatabaseEmbeddedOSeChieste() {
        assertThat(FornitoreIdentitaIncorporato.passwordLocaliAmmesse(EMBEDDED, false)).isTrue();
        assertThat(FornitoreIdentitaIncorporato.passwordLocaliAmmesse(ESTERNO, false)).isFalse();
        assertThat(FornitoreIdentitaIncorporato.passwordLocaliAmmesse(ESTERNO, true)).isTrue();
    }

    @Test
    void unaPasswordNonAmmessaNonArrivaNemmenoAlControllo() {
        int[] controllate = {0};
        AuthenticationProvider password = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                controllate[0]++;
                return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, java.util.List.of());
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        BasicConsentito soloTecnici = new BasicConsentito(password, "integrazione.protocollo"::equals);

        assertThatThrownBy(() -> soloTecnici.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("capofila", "demo")))
                .isInstanceOf(BadCredentialsException.class).hasMessageContaining("token del fornitore di identità");
        assertThat(controllate[0]).isZero();
        assertThat(soloTecnici.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("integrazione.protocollo", "x"))
                .isAuthenticated()).isTrue();
        assertThat(controllate[0]).isEqualTo(1);
    }
}
