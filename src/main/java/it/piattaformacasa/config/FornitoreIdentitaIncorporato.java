package it.piattaformacasa.config;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import it.piattaformacasa.common.web.Console;
import it.piattaformacasa.config.database.ModalitaDatabase;
import it.piattaformacasa.operatori.IdentitaFederata;
import it.piattaformacasa.operatori.OperatoriAuthenticationProvider;

/**
 * The platform's own OpenID Connect provider (issue 14, ADR 14), in force while no external issuer is configured
 * ({@code piattaforma.identita.emittente}): Spring Authorization Server with the demo users and their passwords, so
 * that on a fresh machine the console and the webapps log in through the real flow (authorization code, ID token,
 * JWKS) that SPID and CIE reach through a gateway in production. Its login page is the console's «Accedi» page.
 *
 * <p>Its session state is kept apart from the console's in the same HTTP session (its own security context and saved
 * request), so being logged in at the provider never counts as being logged in to the console: the console always
 * goes through the token. Its keys and codes live in memory: a restart asks everybody to log in again, and a cluster
 * (issue 17) uses an external provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "piattaforma.identita.emittente", havingValue = "", matchIfMissing = true)
class FornitoreIdentitaIncorporato {

    /** The console and the webapps (confidential; its secret is drawn at every start). */
    static final String CLIENT_CONSOLE = "piattaforma-casa";
    /** API clients acting for a person (public, PKCE, loopback redirect as RFC 8252 says for native applications). */
    static final String CLIENT_API = "piattaforma-api";
    static final String PERCORSO_RITORNO = "/login/oauth2/code/" + AccessoOidcConfiguration.REGISTRAZIONE;

    private static final String CONTESTO_FORNITORE = "PIATTAFORMA_CONTESTO_FORNITORE_IDENTITA";
    private static final String RICHIESTA_FORNITORE = "PIATTAFORMA_RICHIESTA_FORNITORE_IDENTITA";

    @Bean
    ClientIncorporato clientIncorporato() {
        return new ClientIncorporato(CLIENT_CONSOLE, UUID.randomUUID().toString());
    }

    @Bean
    @Order(0)
    SecurityFilterChain catenaFornitoreIdentita(HttpSecurity http, OperatoriAuthenticationProvider provider, Environment ambiente,
                                                @Value("${piattaforma.identita.password-locali:false}") boolean passwordLocali,
                                          @Value("${piattaforma.sicurezza.origini-consentite:}") List<String> originiConsentite,
                                          @Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) throws Exception {
        OAuth2AuthorizationServerConfigurer fornitore = OAuth2AuthorizationServerConfigurer.authorizationServer();
        HttpSessionSecurityContextRepository contesto = new HttpSessionSecurityContextRepository();
        contesto.setSpringSecurityContextKey(CONTESTO_FORNITORE);
        HttpSessionRequestCache richieste = new HttpSessionRequestCache();
        richieste.setSessionAttrName(RICHIESTA_FORNITORE);
        return http
                .securityMatcher(new OrRequestMatcher(fornitore.getEndpointsMatcher(), SecurityConfiguration.percorsi("/accesso")))
                .with(fornitore, f -> f.oidc(oidc -> { })
                        .authorizationEndpoint(a -> a.authenticationProviders(providers -> providers.forEach(p -> {
                            if (p instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codice) {
                                codice.setAuthenticationValidator(stessaOrigine());
                            }
                        }))))
                // local passwords: the embedded database's demo, or an installation that asks for them explicitly
                .authenticationProvider(new BasicConsentito(provider, username -> passwordLocaliAmmesse(ambiente, passwordLocali)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(SecurityConfiguration.percorsi("/accesso")).permitAll()
                        .anyRequest().authenticated())
                .securityContext(c -> c.securityContextRepository(contesto))
                .requestCache(r -> r.requestCache(richieste))
                // the provider's login: the console's page, the users' passwords; a direct visit goes on to the console
                .formLogin(login -> login.loginPage("/accesso").failureUrl("/accesso?errore").defaultSuccessUrl("/", false))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/accesso"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(Console.POLITICA_CONTENUTI)))
                .addFilterBefore(new OrigineFilter(originiConsentite, percorsoWebapp),
                        CsrfFilter.class)
                .build();
    }

    /**
     * Issue 14: «local passwords only for the embedded demo; none on an external database by default». With an external
     * database and no issuer, the provider takes passwords only if {@code piattaforma.identita.password-locali} says so
     * (a trial installation); «Accedi» says what to configure otherwise.
     */
    static boolean passwordLocaliAmmesse(Environment ambiente, boolean passwordLocali) {
        return passwordLocali || ModalitaDatabase.demo(ambiente);
    }

    /** The two clients; the console's redirect is checked by {@link #stessaOrigine()}. */
    @Bean
    RegisteredClientRepository clientRegistrati(ClientIncorporato client,
                                                @Value("${piattaforma.identita.durata-token:PT30M}") Duration durata) {
        TokenSettings token = TokenSettings.builder().accessTokenTimeToLive(durata).build();
        RegisteredClient console = RegisteredClient.withId(CLIENT_CONSOLE).clientId(CLIENT_CONSOLE)
                .clientSecret("{noop}" + client.segreto())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1" + PERCORSO_RITORNO)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .tokenSettings(token)
                .build();
        RegisteredClient api = RegisteredClient.withId(CLIENT_API).clientId(CLIENT_API)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1/callback")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(token)
                .build();
        return new InMemoryRegisteredClientRepository(console, api);
    }

    /**
     * The console's code goes back to the address the person is using: the platform is its own client, so a redirect
     * to this platform's callback on the origin the authorization request came to is the registered one, whatever
     * name the machine is reached by. Everything else is checked as Spring Authorization Server does.
     */
    private static Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> stessaOrigine() {
        Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> predefinito = new OAuth2AuthorizationCodeRequestAuthenticationValidator();
        return contesto -> {
            RegisteredClient client = contesto.getRegisteredClient();
            if (!CLIENT_CONSOLE.equals(client.getClientId())) {
                predefinito.accept(contesto);
                return;
            }
            OAuth2AuthorizationCodeRequestAuthenticationToken codice = contesto.getAuthentication();
            URI richiesta = URI.create(codice.getAuthorizationUri());
            String ritorno = richiesta.getScheme() + "://" + richiesta.getRawAuthority() + PERCORSO_RITORNO;
            RegisteredClient qui = RegisteredClient.from(client).redirectUris(uris -> {
                uris.clear();
                uris.add(ritorno);
            }).build();
            predefinito.accept(OAuth2AuthorizationCodeRequestAuthenticationContext.with(contesto.getAuthentication())
                    .registeredClient(qui).build());
        };
    }

    @Bean
    AuthorizationServerSettings impostazioniFornitore() {
        return AuthorizationServerSettings.builder().build();
    }

    /** A key drawn at every start (tokens of a previous run are no longer valid). */
    @Bean
    JWKSource<SecurityContext> chiaviFornitore() throws NoSuchAlgorithmException {
        KeyPairGenerator generatore = KeyPairGenerator.getInstance("RSA");
        generatore.initialize(2048);
        KeyPair chiavi = generatore.generateKeyPair();
        RSAKey chiave = new RSAKey.Builder((RSAPublicKey) chiavi.getPublic()).privateKey((RSAPrivateKey) chiavi.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(chiave));
    }

    /**
     * The identity in the tokens as a SPID gateway gives it: the codice fiscale in {@code fiscalNumber} with the
     * {@code TINIT-} prefix, plus the username the platform's own provider is trusted for in {@code sub}.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> attestazioniFornitore(IdentitaFederata identita) {
        return contesto -> {
            String username = contesto.getPrincipal().getName();
            contesto.getClaims().claim("preferred_username", username);
            identita.attributoCodiceFiscale(username)
                    .ifPresent(cf -> contesto.getClaims().claim(identita.nomeAttributoCodiceFiscale(), cf));
            identita.attributiPersona(username).forEach((nome, valore) -> contesto.getClaims().claim(nome, valore));
        };
    }

    /** The console's client as the provider knows it, for the client side of the same platform. */
    record ClientIncorporato(String id, String segreto) {
    }
}
