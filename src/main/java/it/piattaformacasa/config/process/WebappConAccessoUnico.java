package it.piattaformacasa.config.process;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.DispatcherType;

/**
 * Single sign-on for Tasklist, Cockpit and Admin (issue 14): Camunda's container-based authentication takes the person
 * Spring Security authenticated through the identity provider (the request's principal, our username) and loads their
 * groups and tenants from the engine's identity store, which the operatori module keeps in line with abilitazioni.
 * It runs after Spring Security's filters, so the principal is there; the webapps' own password login is closed in
 * SecurityConfiguration. Groups are read again every {@code camunda.bpm.webapp.auth.cache.time-to-live}.
 */
@Configuration(proxyBeanMethods = false)
class WebappConAccessoUnico {

    /** After Spring Security's filter chain (order -100) and Camunda's request-scoped engine lookups. */
    private static final int DOPO_LA_SICUREZZA = 201;

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> accessoUnicoWebapp(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registrazione = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registrazione.setName("Accesso unico delle webapp");
        registrazione.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName()));
        registrazione.setOrder(DOPO_LA_SICUREZZA);
        registrazione.addUrlPatterns(percorsoWebapp + "/app/*", percorsoWebapp + "/api/*");
        registrazione.setDispatcherTypes(DispatcherType.REQUEST);
        return registrazione;
    }
}
