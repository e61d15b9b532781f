package it.piattaformacasa.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.StringUtils;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import it.piattaformacasa.operatori.IdentitaFederata;

/**
 * The platform as an OpenID Connect client (console and webapps) and as a resource server (API bearer tokens),
 * against its own embedded provider or the external issuer of {@code piattaforma.identita.emittente} (ADR 14).
 */
@Configuration(proxyBeanMethods = false)
class AccessoOidcConfiguration {

    static final String REGISTRAZIONE = "piattaforma";
    static final String INIZIO_ACCESSO = "/oauth2/authorization/" + REGISTRAZIONE;

    private static final Logger LOG = LoggerFactory.getLogger(AccessoOidcConfiguration.class);

    /** How the platform reaches a provider: its own (the embedded one) or the configured issuer. */
    record Fornitore(String emittente, String clientId, String clientSecret, List<String> ambiti, String pubblico) {

        boolean incorporato() {
            return !StringUtils.hasText(emittente);
        }
    }

    @Bean
    Fornitore fornitoreIdentita(@Value("${piattaforma.identita.emittente:}") String emittente,
                                @Value("${piattaforma.identita.client-id:piattaforma-casa}") String clientId,
                                @Value("${piattaforma.identita.client-secret:}") String clientSecret,
                                @Value("${piattaforma.identita.ambiti:openid,profile}") List<String> ambiti,
                                @Value("${piattaforma.identita.pubblico:}") String pubblico) {
        return new Fornitore(emittente.trim(), clientId, clientSecret, ambiti, pubblico.trim());
    }

    /**
     * Built at the first login, not at start: the embedded provider answers on the port the server got, an external
     * one may be down while the platform starts (its discovery is tried again at the next login).
     */
    @Bean
    ClientRegistrationRepository registrazioniClient(Fornitore fornitore, Environment ambiente,
                                                     ObjectProvider<FornitoreIdentitaIncorporato.ClientIncorporato> incorporato) {
        Supplier<ClientRegistration> costruzione = fornitore.incorporato()
                ? () -> registrazioneIncorporata(ambiente, incorporato.getObject())
                : () -> ClientRegistrations.fromIssuerLocation(fornitore.emittente()).registrationId(REGISTRAZIONE)
                        .clientId(fornitore.clientId()).clientSecret(fornitore.clientSecret())
                        .scope(fornitore.ambiti()).redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .userNameAttributeName("sub").build();
        return new ClientRegistrationRepository() {
            private volatile ClientRegistration registrazione;

            @Override
            public ClientRegistration findByRegistrationId(String id) {
                if (!REGISTRAZIONE.equals(id)) {
                    return null;
                }
                ClientRegistration nota = registrazione;
                if (nota == null) {
                    synchronized (this) {
                        if (registrazione == null) {
                            registrazione = costruzione.get();
                        }
                        nota = registrazione;
                    }
                }
                return nota;
            }
        };
    }

    /**
     * The embedded provider as a client sees it: the browser is sent to {@code /oauth2/authorize} on the address it
     * is using (a relative redirect), the code is exchanged and the keys are read over this node's own port.
     */
    private static ClientRegistration registrazioneIncorporata(Environment ambiente, FornitoreIdentitaIncorporato.ClientIncorporato client) {
        String porta = ambiente.getProperty("local.server.port", ambiente.getProperty("server.port", "8080"));
        String interno = ambiente.getProperty("piattaforma.identita.indirizzo-interno", "http://localhost:" + porta);
        return ClientRegistration.withRegistrationId(REGISTRAZIONE)
                .clientId(client.id()).clientSecret(client.segreto())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri("/oauth2/authorize")
                .tokenUri(interno + "/oauth2/token")
                .jwkSetUri(interno + "/oauth2/jwks")
                .issuerUri(interno)
                .userNameAttributeName("sub")
                .clientName("Piattaforma Casa")
                .build();
    }

    /** The person of the ID token becomes the platform's user: our username as name, our groups as authorities. */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> utentiOidc(IdentitaFederata identita, Fornitore fornitore) {
        OidcUserService standard = new OidcUserService();
        return richiesta -> {
            OidcUser utente = standard.loadUser(richiesta);
            String username = identita.username(utente.getClaims(), fornitore.incorporato());
            Map<String, Object> informazioni = new HashMap<>();
            if (utente.getUserInfo() != null) {
                informazioni.putAll(utente.getUserInfo().getClaims());
            }
            informazioni.put(IdentitaFederata.ATTRIBUTO_UTENTE, username);
            return new DefaultOidcUser(identita.autorita(username, utente.getClaims()), utente.getIdToken(), new OidcUserInfo(informazioni),
                    IdentitaFederata.ATTRIBUTO_UTENTE);
        };
    }

    /**
     * Bearer tokens of the API: signed by the embedded provider's key (read in memory), or by the external issuer's
     * (discovered at the first token), unexpired, and for this platform when an audience is configured.
     */
    @Bean
    JwtDecoder decodificaToken(Fornitore fornitore, ObjectProvider<JWKSource<SecurityContext>> chiavi) {
        if (fornitore.incorporato()) {
            NimbusJwtDecoder decodifica = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(chiavi.getObject());
            decodifica.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    pubblico(List.of(FornitoreIdentitaIncorporato.CLIENT_API, FornitoreIdentitaIncorporato.CLIENT_CONSOLE))));
            return decodifica;
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decodifica = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(fornitore.emittente());
            if (StringUtils.hasText(fornitore.pubblico())) {
                decodifica.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                        org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithIssuer(fornitore.emittente()),
                        pubblico(List.of(fornitore.pubblico()))));
            }
            LOG.info("Chiavi dei token dell'emittente {} lette", fornitore.emittente());
            return decodifica;
        });
    }

    private static OAuth2TokenValidator<Jwt> pubblico(List<String> ammessi) {
        OAuth2Error errore = new OAuth2Error("invalid_token", "Il token non è destinato alla Piattaforma Casa", null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().stream().anyMatch(ammessi::contains)
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errore);
    }

    /** A token's person as the platform knows them: the same username and authorities as at the console. */
    @Bean
    Converter<Jwt, AbstractAuthenticationToken> utentiDaToken(IdentitaFederata identita, Fornitore fornitore) {
        return jwt -> {
            String username = identita.username(jwt.getClaims(), fornitore.incorporato());
            return new JwtAuthenticationToken(jwt, identita.autorita(username, jwt.getClaims()), username);
        };
    }
}
