package it.piattaformacasa.config.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link ErrorReportValveItaliana} on the embedded Tomcat's host in place of the error report valve Spring Boot
 * adds (Tomcat's own, with {@code showReport=false}). Runs after Boot's customizer, which adds that valve when the
 * context is prepared; the host is told the class too, so that it does not add a default one when it starts.
 */
@Configuration(proxyBeanMethods = false)
class ErroriServerConfiguration {

    @Bean
    ValvolaErroriItaliana erroriItalianiDelServer(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String percorsoWebapp) {
        return new ValvolaErroriItaliana(percorsoWebapp);
    }

    static final class ValvolaErroriItaliana implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final String percorsoWebapp;

        ValvolaErroriItaliana(String percorsoWebapp) {
            this.percorsoWebapp = percorsoWebapp;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ErrorReportValveItaliana(percorsoWebapp));
                if (host instanceof StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(ErrorReportValveItaliana.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            // after Boot's TomcatWebServerFactoryCustomizer (order 0), whose context customizer adds its valve first
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
