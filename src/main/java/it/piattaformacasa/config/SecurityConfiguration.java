package it.piattaformacasa.config;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
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
import it.piattaformacasa.config.process.SessioneWebappPerScaricare;
import it.piattaformacasa.common.web.FormatoErrore;
import it.piattaformacasa.common.web.Problema;
import it.piattaformacasa.operatori.OperatoriAuthenticationProvider;

/**
 * Two worlds. The Camunda webapps (Tasklist, Cockpit, Admin under /camunda) authenticate with their own session
 * login against the engine's identity store and protect themselves with their own CSRF filter. The domain API
 * (/api) and the engine REST API (/engine-rest) use HTTP Basic against the same users, statelessly; the engine
 * then applies Camunda authorizations to the user (see CamundaEngineConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** The downloads a Tasklist form links (README «Graduatorie»). */
    static final RequestMatcher SCARICABILI_DA_TASKLIST = PathPatternRequestMatcher.withDefaults()
            .matcher(org.springframework.http.HttpMethod.GET, "/api/graduatorie/{id}/esportazione");

    private static final Problema AUTENTICAZIONE_RICHIESTA = Problema.di(HttpStatus.UNAUTHORIZED.value(),
            "Autenticazione richiesta", "Credenziali mancanti o non valide");

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, OperatoriAuthenticationProvider provider, AccessoNegatoHandler accessoNegato,
                                    @Value("${piattaforma.sicurezza.origini-consentite:}") List<String> originiConsentite,
                                    @Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) throws Exception {
        return http
                // /demo: the demo clock's page, for administrators, on the API's terms (issue 11)
                // /actuator/prometheus: the metrics (piattaforma_scadenze) for a scraper with an administrator's login
                .securityMatcher(percorsi("/api/**", "/engine-rest/**", "/demo/**", "/actuator/prometheus"))
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(percorsi("/actuator/prometheus")).hasRole("AMMINISTRATORE")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(autenticazioneRichiesta(percorsoWebapp)))
                // CSRF refusals and method security answer in Italian, naming what was missing
                .exceptionHandling(e -> e.authenticationEntryPoint(autenticazioneRichiesta(percorsoWebapp)).accessDeniedHandler(accessoNegato))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a graduatoria's download linked from a Tasklist form: the webapps' login is enough (GET only)
                .addFilterAfter(new SessioneWebappPerScaricare(SCARICABILI_DA_TASKLIST, provider::autenticato),
                        BasicAuthenticationFilter.class)
                // a browser on another site cannot ride the credentials it caches for this one (Basic, cookies)
                .addFilterBefore(new OrigineFilter(originiConsentite.stream().filter(o -> !o.isBlank()).toList(), percorsoWebapp),
                        CsrfFilter.class)
                // CSRF tokens guard ambient cookies: a call with cookies and no Authorization header of its own must
                // carry the token (the future console); a foreign page is already stopped by its origin above
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .requireCsrfProtectionMatcher(senzaAuthorizationHeader()))
                // seed 004: regional and provincial readers change nothing (SolaLetturaFilter)
                .addFilterAfter(new SolaLetturaFilter(percorsoWebapp), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappsAndDocs(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(percorsi("/camunda/**", "/camunda-welcome/**", "/favicon.ico", "/swagger-ui/**", "/swagger-ui.html",
                        "/v3/api-docs/**", "/actuator/health/**", "/error"))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // the webapps ship their own CSRF prevention filter and session handling
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
    @Order(3)
    SecurityFilterChain console(HttpSecurity http, OperatoriAuthenticationProvider provider,
                                @Value("${piattaforma.sicurezza.origini-consentite:}") List<String> originiConsentite,
                                @Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) throws Exception {
        return http
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(percorsi("/accesso", "/webjars/**", "/console/**", "/error")).permitAll()
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/accesso").failureUrl("/accesso?errore").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/esci").logoutSuccessUrl("/accesso?uscito"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(Console.POLITICA_CONTENUTI)))
                .addFilterBefore(new OrigineFilter(originiConsentite.stream().filter(o -> !o.isBlank()).toList(), percorsoWebapp),
                        CsrfFilter.class)
                // seed 004: regional and provincial readers change nothing (SolaLetturaFilter)
                .addFilterAfter(new SolaLetturaFilter(percorsoWebapp), AuthorizationFilter.class)
                .build();
    }

    /**
     * Matches the path within the application whatever servlet serves it: /engine-rest and the webapps are not
     * behind Spring MVC's DispatcherServlet, so MVC-based matchers would not see them.
     */
    private static RequestMatcher percorsi(String... patterns) {
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
            FormatoErrore.scrivi(request, response, AUTENTICAZIONE_RICHIESTA, percorsoWebapp);
        };
    }
}
