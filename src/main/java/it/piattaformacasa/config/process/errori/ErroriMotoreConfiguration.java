package it.piattaformacasa.config.process.errori;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.ApplicationPath;

/**
 * Puts {@link MapperErroriMotore} in front of Camunda's exception mappers, in the two places the engine answers HTTP:
 * <ul>
 * <li>{@code /engine-rest}: the starter creates its Jersey application only if there is none
 * ({@code @ConditionalOnMissingBean(CamundaJerseyResourceConfig.class)}), so this one replaces it;</li>
 * <li>the webapps' APIs that Tasklist, Cockpit and Admin call ({@code /camunda/api/engine|cockpit|tasklist|admin|welcome}):
 * {@code CamundaBpmWebappInitializer} registers their servlets under fixed names and skips a name already taken,
 * so an initializer that runs first registers the same servlets, on the same paths, with applications that add
 * our mappers.</li>
 * </ul>
 * Plus {@link MotoreInesistenteFilter}, for the one error Camunda writes before Jersey is reached, and
 * {@link NullaDaDire} for the two 404s every webapp page used to get while loading, and {@link NomiDeiGruppi} so that
 * Cockpit names the groups it counts tasks for.
 */
@Configuration(proxyBeanMethods = false)
class ErroriMotoreConfiguration {

    @Bean
    CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
        return new EngineRestConErroriItaliani();
    }

    /** Before Camunda's authentication filter on /engine-rest (see CamundaEngineConfiguration), after Spring Security. */
    @Bean
    FilterRegistrationBean<MotoreInesistenteFilter> motoreInesistenteFilter() {
        FilterRegistrationBean<MotoreInesistenteFilter> registrazione = new FilterRegistrationBean<>(new MotoreInesistenteFilter());
        registrazione.addUrlPatterns("/engine-rest/*");
        registrazione.setName("motore-inesistente");
        registrazione.setOrder(Ordered.LOWEST_PRECEDENCE - 11);
        return registrazione;
    }

    @Bean
    ApiDelleWebappConErroriItaliani apiDelleWebappConErroriItaliani(CamundaBpmProperties properties) {
        return new ApiDelleWebappConErroriItaliani(properties.getWebapp().getApplicationPath());
    }

    /** Ordered (not annotated): Boot sorts servlet context initializers by their instances, before Camunda's (lowest). */
    static final class ApiDelleWebappConErroriItaliani implements ServletContextInitializer, Ordered {

        /** Servlet name and path under the webapps' path as in CamundaBpmWebappInitializer; our application. */
        private record Api(String nome, String percorso, Class<?> applicazione) {
        }

        private static final List<Api> API = List.of(
                new Api("Cockpit Api", "/api/cockpit/*", CockpitConErroriItaliani.class),
                new Api("Admin Api", "/api/admin/*", AdminConErroriItaliani.class),
                new Api("Tasklist Api", "/api/tasklist/*", TasklistConErroriItaliani.class),
                new Api("Engine Api", "/api/engine/*", EngineConErroriItaliani.class),
                new Api("Welcome Api", "/api/welcome/*", WelcomeConErroriItaliani.class));

        private final String percorsoWebapp;

        ApiDelleWebappConErroriItaliani(String percorsoWebapp) {
            this.percorsoWebapp = percorsoWebapp;
        }

        @Override
        public void onStartup(ServletContext servletContext) {
            for (Api api : API) {
                ServletRegistration.Dynamic registrazione = servletContext.addServlet(api.nome(), ServletContainer.class);
                registrazione.addMapping(percorsoWebapp + api.percorso());
                registrazione.setInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, api.applicazione().getName());
                // OPTIONS must not describe every method of the API (admin-only ones included) to anyone
                registrazione.setInitParameter(ServerProperties.WADL_FEATURE_DISABLE, "true");
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @ApplicationPath("/engine-rest")
    public static class EngineRestConErroriItaliani extends CamundaJerseyResourceConfig {
        @Override
        protected void registerAdditionalResources() {
            MapperErroriMotore.TUTTI.forEach(this::register);
            // OPTIONS must not describe every method of the API (admin-only ones included) to anyone
            property(ServerProperties.WADL_FEATURE_DISABLE, true);
        }
    }

    private static Set<Class<?>> conMapper(Set<Class<?>> classi) {
        Set<Class<?>> tutte = new HashSet<>(classi);
        tutte.addAll(MapperErroriMotore.TUTTI);
        return tutte;
    }

    public static class EngineConErroriItaliani extends EngineRestApplication {
        @Override
        public Set<Class<?>> getClasses() {
            Set<Class<?>> classi = conMapper(super.getClasses());
            classi.add(NullaDaDire.class);
            classi.add(NomiDeiGruppi.class);
            return classi;
        }
    }

    public static class CockpitConErroriItaliani extends CockpitApplication {
        @Override
        public Set<Class<?>> getClasses() {
            return conMapper(super.getClasses());
        }
    }

    public static class TasklistConErroriItaliani extends TasklistApplication {
        @Override
        public Set<Class<?>> getClasses() {
            return conMapper(super.getClasses());
        }
    }

    public static class AdminConErroriItaliani extends AdminApplication {
        @Override
        public Set<Class<?>> getClasses() {
            Set<Class<?>> classi = conMapper(super.getClasses());
            classi.add(NullaDaDire.class);
            return classi;
        }
    }

    public static class WelcomeConErroriItaliani extends WelcomeApplication {
        @Override
        public Set<Class<?>> getClasses() {
            return conMapper(super.getClasses());
        }
    }
}
