package it.piattaformacasa.config.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import it.piattaformacasa.common.sicurezza.Gruppi;

@Configuration(proxyBeanMethods = false)
class CamundaEngineConfiguration {

    /** User and group ids are our usernames and group ids such as {@code ente-00441340122-avviso}. */
    static final String ID_PATTERN = Gruppi.IDENTIFICATIVO;

    @Bean
    AbstractProcessEnginePlugin identificativiPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setUserResourceWhitelistPattern(ID_PATTERN);
                configuration.setGroupResourceWhitelistPattern(ID_PATTERN);
                configuration.setAuthorizationEnabled(true);
                // a candidate group may claim and complete, nothing more
                configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
                // every door to the engine (Tasklist, /engine-rest, our API) goes through these services: ADR 9
                GuardiaAttivita guardia = new GuardiaAttivita();
                configuration.setTaskService(new ServiziProtetti.Attivita(guardia));
                configuration.setFormService(new ServiziProtetti.Moduli(guardia));
                configuration.setManagementService(new ServiziProtetti.Gestione(configuration, guardia));
            }
        };
    }

    /**
     * Spring Security authenticates {@code /engine-rest} (HTTP Basic); this filter hands the principal to the
     * engine, which then loads the user's groups and applies Camunda authorizations to every REST call.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.setName("camunda-rest-authentication");
        // after Spring Security's chain (order -100), which sets the principal
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /**
     * Least privilege on the engine's HTTP doors (AccessoEngine): after Spring Security (order -100), which sets the
     * person of /engine-rest; the webapps' person is read from their session.
     */
    @Bean
    FilterRegistrationBean<AccessoEngineFilter> accessoEngineFilter(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) {
        FilterRegistrationBean<AccessoEngineFilter> registration = new FilterRegistrationBean<>(new AccessoEngineFilter(percorsoWebapp));
        registration.addUrlPatterns(AccessoEngineFilter.ENGINE_REST + "/*", AccessoEngineFilter.WEBAPP_API + "*");
        registration.setName("accesso-engine");
        registration.setOrder(-50);
        return registration;
    }
}
