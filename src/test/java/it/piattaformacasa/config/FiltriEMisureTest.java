package it.piattaformacasa.config;

import static it.piattaformacasa.DemoUtenti.CAPOFILA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import org.hibernate.boot.beanvalidation.BeanValidationEventListener;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.id.insert.InsertReturningDelegate;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import it.piattaformacasa.ClientHttp;
import it.piattaformacasa.IntegrationTest;
import it.piattaformacasa.common.web.DatabaseNonDisponibileFilter;
import it.piattaformacasa.domanda.Domanda;
import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.Filter;

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

    /**
     * Spring Security's own chain, not the composite that looked up Spring MVC's handler for every request in advance
     * (a scan of every mapping, read by nobody here); and no Bean Validation on persist, which built a validator for
     * every insert. Both from the same profile of the opening-day burst.
     */
    @Test
    void nessunLavoroPerRichiestaCheNessunoLegge() throws Exception {
        Filter catena = contesto.getBean(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME, Filter.class);
        assertThat(catena).isInstanceOf(FilterChainProxy.class);
        assertThat(catena.getClass().getName()).isNotEqualTo(CatenaDiSicurezzaDiretta.COMPOSITO);
        // what the composite's first filter leaves on the request while the chain runs: Spring MVC's handler, looked up
        List<String> attributi = new ArrayList<>();
        MockHttpServletRequest richiesta = new MockHttpServletRequest("GET", "/actuator/health/liveness");
        richiesta.setServletPath("/actuator/health/liveness");
        catena.doFilter(richiesta, new MockHttpServletResponse(),
                (req, res) -> attributi.addAll(Collections.list(req.getAttributeNames())));
        assertThat(attributi).as("la catena arriva in fondo").isNotEmpty()
                .noneMatch(a -> a.startsWith(HandlerMappingIntrospector.class.getName()));
        SessionFactoryImplementor sessioni = contesto.getBean(EntityManagerFactory.class).unwrap(SessionFactoryImplementor.class);
        EventListenerRegistry ascoltatori = sessioni.getServiceRegistry().getService(EventListenerRegistry.class);
        // as while Bean Validation ran (it switched Hibernate's own not-null check off): the database checks
        assertThat(sessioni.getSessionFactoryOptions().isCheckNullability()).isFalse();
        assertThat(ascoltatori.getEventListenerGroup(EventType.PRE_INSERT).listeners())
                .noneMatch(BeanValidationEventListener.class::isInstance);
        assertThat(ascoltatori.getEventListenerGroup(EventType.PRE_UPDATE).listeners())
                .noneMatch(BeanValidationEventListener.class::isInstance);
        // an identity insert asks for its id alone: through JDBC's generated keys the driver appended «returning *» and
        // every domanda came back whole
        assertThat(sessioni.getSessionFactoryOptions().isGetGeneratedKeysEnabled()).isFalse();
        assertThat(((AbstractEntityPersister) sessioni.getMappingMetamodel().getEntityDescriptor(Domanda.class)).getInsertDelegate())
                .isInstanceOf(InsertReturningDelegate.class);
        // and the API still answers through it, with its authorization
        assertThat(new ClientHttp(port).get("/api/avvisi?ambito=VARESE", CAPOFILA).status()).isEqualTo(200);
        assertThat(new ClientHttp(port).get("/api/avvisi?ambito=VARESE").status()).isEqualTo(401);
    }
}
