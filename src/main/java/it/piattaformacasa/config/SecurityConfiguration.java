package it.piattaformacasa.config;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.PathPatternRequestTransformer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import it.piattaformacasa.config.database.ModalitaDatabase;
import it.piattaformacasa.operatori.IdentitaFederata;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import it.piattaformacasa.common.web.AccessoNegatoHandler;
import it.piattaformacasa.common.web.Console;
import it.piattaformacasa.common.web.DatabaseNonDisponibileFilter;
import it.piattaformacasa.config.process.SessioneWebappPerScaricare;
import it.piattaformacasa.common.web.FormatoErrore;
import it.piattaformacasa.common.web.Problema;
import it.piattaformacasa.operatori.OperatoriAuthenticationProvider;

import jakarta.servlet.DispatcherType;

/**
 * One login for people, through OpenID Connect (issue 14, ADR 14): the console and the Camunda webapps (Tasklist,
 * Cockpit, Admin under /camunda) share the session the identity provider's login opens, the webapps keeping their own
 * CSRF filter. The domain API (/api) and the engine REST API (/engine-rest) are stateless: a bearer token of the same
 * provider, or HTTP Basic where local passwords are allowed (the embedded demo, the configured technical clients); the
 * engine then applies Camunda authorizations to the user (see CamundaEngineConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The downloads a Tasklist form links (README «Graduatorie»). */
    static final RequestMatcher SCARICABILI_DA_TASKLIST = PathPatternRequestMatcher.withDefaults()
            .matcher(org.springframework.http.HttpMethod.GET, "/api/graduatorie/{id}/esportazione");

    /** Logged in, and an operator of something: every page and call but the page for people without abilitazione. */
    private static final AuthorizationManager<RequestAuthorizationContext> OPERATORE = (autenticazione, contesto) -> {
        org.springframework.security.core.Authentication chi = autenticazione.get();
        return new AuthorizationDecision(chi != null && chi.isAuthenticated() && !(chi instanceof AnonymousAuthenticationToken)
                && !IdentitaFederata.senzaAbilitazione(chi.getAuthorities()));
    };

    /** Pages a browser asks for (as opposed to the calls of a page's scripts). */
    private static final RequestMatcher PAGINE = pagine();

    private static RequestMatcher pagine() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    private static final Problema SESSIONE_RICHIESTA = Problema.di(HttpStatus.UNAUTHORIZED.value(),
            "Autenticazione richiesta", "Nessuna sessione attiva: accedi di nuovo alla piattaforma");

    private static final Problema AUTENTICAZIONE_RICHIESTA = Problema.di(HttpStatus.UNAUTHORIZED.value(),
            "Autenticazione richiesta", "Credenziali mancanti o non valide");

    /**
     * A 503 in Italian, not a bare 500, when the database fails a request before Spring MVC: in front of Spring
     * Session's filter, which reads the HTTP session from the database (issue 17).
     */
    @Bean
    FilterRegistrationBean<DatabaseNonDisponibileFilter> databaseNonDisponibile(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) {
        FilterRegistrationBean<DatabaseNonDisponibileFilter> registrazione =
                new FilterRegistrationBean<>(new DatabaseNonDisponibileFilter(percorsoWebapp));
        registrazione.setName("Database non disponibile");
        registrazione.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registrazione.setDispatcherTypes(DispatcherType.REQUEST);
        return registrazione;
    }

    /**
     * No observations of Spring Security's own (a timer and events per filter chain, authentication and authorization
     * of every request): nobody reads them (the HTTP server's request metrics stay), and on the opening-day burst they
     * cost the node about a twentieth of its CPU (issue 17, AperturaAvvisoBenchmark's profile).
     */
    @Bean
    static SecurityObservationSettings osservazioniSicurezza() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's filter chain without the lookup of Spring MVC's handler that nothing here reads (issue 17). */
    @Bean
    static CatenaDiSicurezzaDiretta catenaDiSicurezzaDiretta() {
        return new CatenaDiSicurezzaDiretta();
    }

    /**
     * Spring Security's privilege evaluator matches paths as {@link #percorsi} does, not through Spring MVC's
     * {@code HandlerMappingIntrospector} (whose per-request cache {@link CatenaDiSicurezzaDiretta} removes).
     */
    @Bean
    static PathPatternRequestTransformer pathPatternRequestTransformer() {
        return new PathPatternRequestTransformer();
    }

    /** A pattern given as a string to Spring Security ({@code requestMatchers("/x")}) is a path pattern, as {@link #percorsi}. */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean percorsiComeModelli() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, OperatoriAuthenticationProvider provider, AccessoNegatoHandler accessoNegato,
                                    AccessoOidcConfiguration.Fornitore fornitore, Environment ambiente, JwtDecoder decodifica,
                                    Converter<Jwt, AbstractAuthenticationToken> utentiDaToken,
                                    @Value("${piattaforma.identita.client-tecnici:}") List<String> clientTecnici,
                                    @Value("${piattaforma.sicurezza.origini-consentite:}") List<String> originiConsentite,
                                    @Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) throws Exception {
        // local passwords over HTTP Basic: the embedded demo (embedded database, embedded provider) or the technical
        // clients named in the settings; people use tokens of the identity provider (issue 14, ADR 14)
        boolean demo = ModalitaDatabase.demo(ambiente) && fornitore.incorporato();
        Set<String> tecnici = clientTecnici.stream().map(String::trim).filter(c -> !c.isEmpty()).collect(Collectors.toSet());
        AuthenticationProvider basic = new BasicConsentito(provider, username -> demo || tecnici.contains(username));
        return http
                // /demo: the demo clock's page, for administrators, on the API's terms (issue 11)
                // /actuator/prometheus: the metrics (piattaforma_scadenze) for a scraper with an administrator's login
                .securityMatcher(percorsi("/api/**", "/engine-rest/**", "/demo/**", "/actuator/prometheus"))
                .authenticationProvider(basic)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(percorsi("/actuator/prometheus")).hasRole("AMMINISTRATORE")
                        .anyRequest().access(OPERATORE))
                .httpBasic(b -> b.authenticationEntryPoint(autenticazioneRichiesta(percorsoWebapp)))
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(decodifica).jwtAuthenticationConverter(utentiDaToken))
                        .authenticationEntryPoint(autenticazioneRichiesta(percorsoWebapp)).accessDeniedHandler(accessoNegato))
                // CSRF refusals and method security answer in Italian, naming what was missing
                .exceptionHandling(e -> e.authenticationEntryPoint(autenticazioneRichiesta(percorsoWebapp)).accessDeniedHandler(accessoNegato))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a graduatoria's download linked from a Tasklist form: the webapps' login is enough (GET only)
                .addFilterAfter(new SessioneWebappPerScaricare(SCARICABILI_DA_TASKLIST, provider::autenticato),
                        BasicAuthenticationFilter.class)
                // a browser on another site cannot ride the credentials it caches for this one (Basic, cookies)
                .addFilterBefore(new OrigineFilter(originiConsentite, percorsoWebapp),
                        CsrfFilter.class)
                // CSRF tokens guard ambient cookies: a call with cookies and no Authorization header of its own must
                // carry the token (the future console); a foreign page is already stopped by its origin above
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .requireCsrfProtectionMatcher(senzaAuthorizationHeader()))
                // seed 004: regional and provincial readers change nothing (SolaLetturaFilter)
                .addFilterAfter(new SolaLetturaFilter(percorsoWebapp), AuthorizationFilter.class)
                .build();
    }

    /**
     * Tasklist, Cockpit and Admin (issue 14): the same login as the console (single sign-on through the identity
     * provider); the webapps take the person from the request ({@code ContainerBasedAuthenticationFilter}, see
     * CamundaWebappSso) and their groups from the engine. Their own password login is closed. A person without
     * abilitazione is sent to the page that says so. Scripts, styles and images are public.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webapps(HttpSecurity http, AccessoNegatoHandler accessoNegato, IdentitaFederata identita,
                                @Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) throws Exception {
        return http
                .securityMatcher(percorsi(percorsoWebapp + "/**", "/camunda-welcome/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(percorsi(percorsoWebapp + "/api/admin/auth/user/*/login/**")).denyAll()
                        // Camunda Admin's first-administrator page: only while there is none (Camunda refuses it after),
                        // for an external database with the embedded provider (README «External PostgreSQL»)
                        .requestMatchers(percorsi(percorsoWebapp + "/app/admin/*/setup/**", percorsoWebapp + "/api/admin/setup/*/user/create"))
                        .permitAll()
                        // an application's page and every call: a person with abilitazione; scripts, styles, fonts: public
                        .requestMatchers(percorsi(percorsoWebapp + "/app/*/*/", percorsoWebapp + "/api/**")).access(OPERATORE)
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(AccessoOidcConfiguration.INIZIO_ACCESSO), PAGINE)
                        .defaultAuthenticationEntryPointFor((request, response, eccezione) ->
                                FormatoErrore.scrivi(request, response, SESSIONE_RICHIESTA, percorsoWebapp), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(senzaAbilitazione(accessoNegato)))
                // the webapps ship their own CSRF prevention filter
                .csrf(csrf -> csrf.disable())
                .requestCache(r -> r.requestCache(paginaRichiesta()))
                .addFilterAfter(new AutoritaAggiornate(identita), SecurityContextHolderFilter.class)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain documentazione(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(percorsi("/favicon.ico", "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**", "/actuator/health/**", "/error"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The console (issue 12): every other path, from the root. Its own login page against the same users and
     * abilitazioni as the API (the pages call the API's services, so the same per-ente visibility applies), a session,
     * CSRF tokens in every form, the same origin checks as the API. Bootstrap Italia's files and the console's own are
     * public; everything else needs a login, and a path nobody mapped is a 404 page for whoever is logged in.
     */
    @Bean
    @Order(4)
    SecurityFilterChain console(HttpSecurity http, AccessoOidcConfiguration.Fornitore fornitore,
                                IdentitaFederata identita,
                                ClientRegistrationRepository registrazioni,
                                @Value("${piattaforma.sicurezza.origini-consentite:}") List<String> originiConsentite,
                                @Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(percorsi("/accesso", "/webjars/**", "/console/**", "/error")).permitAll()
                        .requestMatchers(percorsi("/senza-abilitazione", "/esci")).authenticated()
                        // seed 002, issue 16: a person who is not an enabled operator sees only the citizens' side
                        .requestMatchers(percorsi("/cittadino", "/cittadino/**")).hasRole("CITTADINO")
                        .anyRequest().access(OPERATORE))
                // OpenID Connect: the embedded provider or the configured one (issue 14); a failure comes back to «Accedi»
                .oauth2Login(login -> login.loginPage(AccessoOidcConfiguration.INIZIO_ACCESSO).failureUrl("/accesso?errore")
                        .defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/esci").logoutSuccessHandler(uscita(fornitore, registrazioni)))
                .requestCache(r -> r.requestCache(paginaRichiesta()))
                // a refused page is the console's own error page (Spring's 403 to /error)
                .exceptionHandling(e -> e.accessDeniedHandler(senzaAbilitazione(new AccessDeniedHandlerImpl())))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(politica(fornitore))))
                .addFilterAfter(new AutoritaAggiornate(identita), SecurityContextHolderFilter.class)
                .addFilterBefore(new OrigineFilter(originiConsentite, percorsoWebapp),
                        CsrfFilter.class)
                // seed 004: regional and provincial readers change nothing (SolaLetturaFilter)
                .addFilterAfter(new SolaLetturaFilter(percorsoWebapp), AuthorizationFilter.class)
                .build();
    }

    /**
     * Logging out of the console ends the session at the provider too: the embedded provider's lives in the same
     * HTTP session, which logging out invalidates; an external one is asked to end it (RP-initiated logout) and sends
     * the person back to «Accedi».
     */
    private static LogoutSuccessHandler uscita(AccessoOidcConfiguration.Fornitore fornitore, ClientRegistrationRepository registrazioni) {
        if (fornitore.incorporato()) {
            return new SimpleUrlLogoutSuccessHandler() {
                {
                    setDefaultTargetUrl("/accesso?uscito");
                }
            };
        }
        OidcClientInitiatedLogoutSuccessHandler esterno = new OidcClientInitiatedLogoutSuccessHandler(registrazioni);
        esterno.setPostLogoutRedirectUri("{baseUrl}/accesso?uscito");
        esterno.setDefaultTargetUrl("/accesso?uscito");
        return esterno;
    }

    /** The console's policy; with an external provider, its login and logout pages are where forms may lead. */
    private static String politica(AccessoOidcConfiguration.Fornitore fornitore) {
        if (fornitore.incorporato()) {
            return Console.POLITICA_CONTENUTI;
        }
        java.net.URI emittente = java.net.URI.create(fornitore.emittente());
        String origine = emittente.getScheme() + "://" + emittente.getAuthority();
        return Console.POLITICA_CONTENUTI.replace("form-action 'self'", "form-action 'self' " + origine);
    }

    /**
     * The page a visitor asked for, kept in the session while they log in: back to its very address, without the
     * {@code ?continue} Spring adds by default (the webapps read their address, and a person may bookmark it).
     */
    private static RequestCache paginaRichiesta() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    /**
     * A page asked by a person without abilitazione goes to the citizens' area (issue 16) or, without a codice fiscale in
     * their identity, to the page that says what to do; anything else is refused.
     */
    private static AccessDeniedHandler senzaAbilitazione(AccessDeniedHandler altrimenti) {
        return (request, response, eccezione) -> {
            org.springframework.security.core.Authentication chi = SecurityContextHolder.getContext().getAuthentication();
            if (chi != null && IdentitaFederata.senzaAbilitazione(chi.getAuthorities()) && PAGINE.matches(request)) {
                boolean cittadino = chi.getAuthorities().stream().anyMatch(a -> IdentitaFederata.ROLE_CITTADINO.equals(a.getAuthority()));
                response.sendRedirect(request.getContextPath() + (cittadino ? "/cittadino" : "/senza-abilitazione"));
                return;
            }
            altrimenti.handle(request, response, eccezione);
        };
    }

    /**
     * Matches the path within the application whatever servlet serves it: /engine-rest and the webapps are not
     * behind Spring MVC's DispatcherServlet, so MVC-based matchers would not see them.
     */
    static RequestMatcher percorsi(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns).<RequestMatcher>map(builder::matcher).toList());
    }

    /** Modifying requests that rely on ambient credentials: cookies and no Authorization header of their own. */
    private static RequestMatcher senzaAuthorizationHeader() {
        RequestMatcher metodiCheModificano = CsrfFilter.DEFAULT_CSRF_MATCHER;
        return request -> metodiCheModificano.matches(request) && request.getHeader("Authorization") == null
                && request.getHeader("Cookie") != null;
    }

    private static AuthenticationEntryPoint autenticazioneRichiesta(String percorsoWebapp) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Piattaforma Casa\", charset=\"UTF-8\"");
            response.addHeader("WWW-Authenticate", "Bearer realm=\"Piattaforma Casa\"");
            FormatoErrore.scrivi(request, response, AUTENTICAZIONE_RICHIESTA, percorsoWebapp);
        };
    }
}
