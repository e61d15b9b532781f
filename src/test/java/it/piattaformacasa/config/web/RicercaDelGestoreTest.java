package it.piattaformacasa.config.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import it.piattaformacasa.IntegrationTest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Issue 17: Spring MVC's search for a request's controller method asks the request once for its method, its headers
 * and its attributes ({@link RicercaDelGestore}), and finds what Spring MVC finds, leaving on the request what Spring
 * MVC leaves.
 */
@IntegrationTest
class RicercaDelGestoreTest {

    @Autowired
    ApplicationContext contesto;

    @Test
    void laRicercaChiedeUnaVoltaETrovaIlMetodoDelController() throws Exception {
        RequestMappingHandlerMapping mappature = contesto.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        assertThat(mappature).isInstanceOf(RicercaDelGestore.Mappature.class);

        MockHttpServletRequest tomcat = new MockHttpServletRequest("POST", "/api/avvisi/7/domande");
        tomcat.setContentType("application/json");
        tomcat.addHeader("Accept", "application/json");
        ServletRequestPathUtils.parseAndCache(tomcat);
        Contata richiesta = new Contata(tomcat);
        HandlerExecutionChain catena = mappature.getHandler(richiesta);

        assertThat(catena).isNotNull();
        HandlerMethod metodo = (HandlerMethod) catena.getHandler();
        assertThat(metodo.getBeanType().getSimpleName()).isEqualTo("DomandeController");
        assertThat(metodo.getMethod().getName()).isEqualTo("presenta");
        assertThat(tomcat.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)).isEqualTo(Map.of("avvisoId", "7"));
        assertThat(tomcat.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)).isEqualTo("/api/avvisi/{avvisoId}/domande");
        // Spring MVC's own search asked the method twice and the parsed path once for each of the ~300 mappings
        assertThat(richiesta.domande.getOrDefault("getMethod", 0)).isLessThanOrEqualTo(3);
        assertThat(richiesta.domande.getOrDefault("getAttribute " + ServletRequestPathUtils.PATH_ATTRIBUTE, 0)).isLessThanOrEqualTo(3);
        assertThat(richiesta.domande.getOrDefault("getContentType", 0)).isLessThanOrEqualTo(2);
    }

    @Test
    void gliAttributiCambiatiDuranteLaRicercaArrivanoAllaRichiesta() {
        MockHttpServletRequest tomcat = new MockHttpServletRequest("GET", "/x");
        tomcat.setAttribute("a", "uno");
        Contata contata = new Contata(tomcat);
        RicercaDelGestore.RichiestaMemorizzata richiesta = new RicercaDelGestore.RichiestaMemorizzata(contata);

        assertThat(richiesta.getAttribute("a")).isEqualTo("uno");
        assertThat(richiesta.getAttribute("a")).isEqualTo("uno");
        assertThat(richiesta.getAttribute("b")).isNull();
        assertThat(richiesta.getAttribute("b")).isNull();
        assertThat(contata.domande).containsEntry("getAttribute a", 1).containsEntry("getAttribute b", 1);
        richiesta.setAttribute("b", "due");
        assertThat(tomcat.getAttribute("b")).isEqualTo("due");
        assertThat(richiesta.getAttribute("b")).isEqualTo("due");
        richiesta.removeAttribute("a");
        assertThat(tomcat.getAttribute("a")).isNull();
        assertThat(richiesta.getAttribute("a")).isNull();

        assertThat(richiesta.getHeader("Origin")).isNull();
        assertThat(richiesta.getHeader("Origin")).isNull();
        assertThat(contata.domande).containsEntry("getHeader Origin", 1);
        assertThat(richiesta.getMethod()).isEqualTo("GET");
        assertThat(richiesta.getMethod()).isEqualTo("GET");
        assertThat(contata.domande).containsEntry("getMethod", 1);
    }

    /** Tomcat's request behind a wrapper that counts what it is asked. */
    static final class Contata extends HttpServletRequestWrapper {

        final Map<String, Integer> domande = new HashMap<>();

        Contata(HttpServletRequest richiesta) {
            super(richiesta);
        }

        @Override
        public String getMethod() {
            domande.merge("getMethod", 1, Integer::sum);
            return super.getMethod();
        }

        @Override
        public String getContentType() {
            domande.merge("getContentType", 1, Integer::sum);
            return super.getContentType();
        }

        @Override
        public String getHeader(String nome) {
            domande.merge("getHeader " + nome, 1, Integer::sum);
            return super.getHeader(nome);
        }

        @Override
        public Object getAttribute(String nome) {
            domande.merge("getAttribute " + nome, 1, Integer::sum);
            return super.getAttribute(nome);
        }
    }
}
