package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.CAPOFILA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.session.web.http.SessionRepositoryFilter;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.common.web.DatabaseNonDisponibileFilter;

/**
 * Issue 17, in the running application: the 503 for an unusable database sits in front of the filter that reads the
 * HTTP session from it, and a request of the API leaves the HTTP server's metrics but none of Spring Security's
 * observations and no timer per repository call (the opening-day burst's profile: about a twentieth of the node's
 * CPU, read by nobody).
 */
@IntegrationTest
class FiltriEMisureTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext contesto;
    @Autowired
    MeterRegistry misure;

    @Test
    void ilDatabaseNonDisponibileVieneIntercettatoPrimaDelleSessioni() {
        int database = Integer.MAX_VALUE;
        int sessioni = Integer.MIN_VALUE;
        // Spring Boot registers Spring Session's filter by bean name (DelegatingFilterProxyRegistrationBean)
        for (AbstractFilterRegistrationBean<?> registrazione : contesto.getBeansOfType(AbstractFilterRegistrationBean.class).values()) {
            Object filtro = registrazione instanceof FilterRegistrationBean<?> conFiltro ? conFiltro.getFilter()
                    : contesto.containsBean(registrazione.getFilterName()) ? contesto.getBean(registrazione.getFilterName()) : null;
            if (filtro instanceof DatabaseNonDisponibileFilter) {
                database = registrazione.getOrder();
            }
            if (filtro instanceof SessionRepositoryFilter<?>) {
                sessioni = registrazione.getOrder();
            }
        }
        assertThat(sessioni).as("il filtro delle sessioni di Spring Session è registrato").isNotEqualTo(Integer.MIN_VALUE);
        assertThat(database).isLessThan(sessioni);
    }

    @Test
    void unaRichiestaDellApiLasciaLeMisureHttpSenzaQuelleDiSpringSecurity() {
        ClientHttp.Risposta risposta = new ClientHttp(port).get("/api/avvisi?ambito=VARESE", CAPOFILA);
        assertThat(risposta.status()).as(risposta.body()).isEqualTo(200);
        List<String> nomi = misure.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).distinct().toList();
        assertThat(nomi).contains("http.server.requests");
        assertThat(nomi).noneMatch(n -> n.startsWith("spring.security.")).noneMatch(n -> n.startsWith("spring.data.repository."));
    }
}
