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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
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
 * goes through the token. Its key, the console client's secret and its codes and tokens are in the database, shared
 * by the nodes of a cluster (issue 17, ADR 21); the HTTP session with the provider's login is shared like any other.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "piattaforma.identita.emittente", havingValue = "", matchIfMissing = true)
class FornitoreIdentitaIncorporato {

    /** The console and the webapps (confidential; its secret is drawn once per installation, ChiaviCondivise). */
    static final String CLIENT_CONSOLE = "piattaforma-casa";
    /** API clients acting for a person (public, PKCE, loopback redirect as RFC 8252 says for native applications). */
    static final String CLIENT_API = "piattaforma-api";
    static final String PERCORSO_RITORNO = "/login/oauth2/code/" + AccessoOidcConfiguration.REGISTRAZIONE;

    private static final String CONTESTO_FORNITORE = "PIATTAFORMA_CONTESTO_FORNITORE_IDENTITA";
    private static final String RICHIESTA_FORNITORE = "PIATTAFORMA_RICHIESTA_FORNITORE_IDENTITA";

    /** The key and the console's secret of this installation, the same on every node (issue 17). */
    @Bean
    ChiaviCondivise chiaviCondivise(JdbcTemplate jdbc) {
        return ChiaviCondivise.leggiOCrea(jdbc);
    }

    @Bean
    ClientIncorporato clientIncorporato(ChiaviCondivise chiavi) {
        return new ClientIncorporato(CLIENT_CONSOLE, chiavi.segretoConsole());
    }

    /**
     * Codes, tokens and the state of an authorization request in the database: a code issued by one node is redeemed
     * at another's token endpoint (issue 17). Rows whose codes and tokens have all expired are removed by
     * {@link AutorizzazioniScadute}.
     */
    @Bean
    OAuth2AuthorizationService autorizzazioniFornitore(JdbcTemplate jdbc, RegisteredClientRepository client) {
        return new JdbcOAuth2AuthorizationService(jdbc, client);
    }

    @Bean
    AutorizzazioniScadute autorizzazioniScadute(JdbcTemplate jdbc) {
        return new AutorizzazioniScadute(jdbc);
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

    /** The installation's key (tokens of a previous run stay valid until they expire). */
    @Bean
    JWKSource<SecurityContext> chiaviFornitore(ChiaviCondivise chiavi) {
        return new ImmutableJWKSet<>(new JWKSet(chiavi.chiave()));
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

    /**
     * Every login leaves a row in {@code oauth2_authorization} (a code, an access token, an ID token, about 4 kB): one
     * whose codes and tokens all expired more than a day ago can no longer be redeemed nor verified, and is deleted
     * every hour. Each node runs it; the second DELETE finds nothing. A row without any expiry (an authorization
     * request still waiting for its code) is left alone.
     */
    static final class AutorizzazioniScadute {

        private final JdbcTemplate jdbc;

        AutorizzazioniScadute(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Scheduled(cron = "${piattaforma.identita.pulizia-autorizzazioni:0 23 * * * *}")
        int rimuovi() {
            // greatest() ignores nulls: the latest of the expiries the row has
            return jdbc.update("""
                    delete from oauth2_authorization
                     where greatest(authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at,
                                    refresh_token_expires_at) < now() - interval '1 day'""");
        }
    }

    /** The console's client as the provider knows it, for the client side of the same platform. */
    record ClientIncorporato(String id, String segreto) {
    }

    /**
     * The signing key and the console client's secret, drawn once per installation by the first node that starts and
     * read by every other: with a key per node an ID token signed by one node would not verify on another, and with a
     * secret per node the code exchange through another node would fail (issue 17, ADR 21).
     */
    record ChiaviCondivise(RSAKey chiave, String segretoConsole) {

        static ChiaviCondivise leggiOCrea(JdbcTemplate jdbc) {
            // a key is drawn only by the installation's first start, not at every start of every node
            return leggi(jdbc).orElseGet(() -> {
                // two nodes starting together both draw a key; the first insert wins and both read it back
                jdbc.update("insert into fornitore_identita_chiave (id, jwk, segreto_console) values (1, ?, ?) on conflict (id) do nothing",
                        nuovaChiave().toJSONString(), UUID.randomUUID().toString());
                return leggi(jdbc).orElseThrow();
            });
        }

        private static java.util.Optional<ChiaviCondivise> leggi(JdbcTemplate jdbc) {
            return jdbc.query("select jwk, segreto_console from fornitore_identita_chiave where id = 1",
                    (rs, n) -> new ChiaviCondivise(leggi(rs.getString(1)), rs.getString(2))).stream().findFirst();
        }

        private static RSAKey nuovaChiave() {
            try {
                KeyPairGenerator generatore = KeyPairGenerator.getInstance("RSA");
                generatore.initialize(2048);
                KeyPair coppia = generatore.generateKeyPair();
                return new RSAKey.Builder((RSAPublicKey) coppia.getPublic()).privateKey((RSAPrivateKey) coppia.getPrivate())
                        .keyID(UUID.randomUUID().toString()).build();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static RSAKey leggi(String json) {
            try {
                return RSAKey.parse(json);
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("Chiave del fornitore di identità illeggibile nel database", e);
            }
        }
    }
}
