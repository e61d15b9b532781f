package it.piattaformacasa.config.web;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Spring MVC's search for the controller method of a request, asking the request once for what every mapping asks
 * (issue 17). For a path with a variable ({@code /api/avvisi/{id}/domande}) Spring MVC tries every request mapping of
 * the platform (about 300), and each asks the request for its method, its parsed path (an attribute), its content
 * type and some headers: each question travels through the wrappers Spring Session and Spring Security put around
 * Tomcat's request (a call site that sees every wrapper class, so none of it is inlined), 2–3 % of a node's CPU in
 * the opening-day burst. The search itself, its order and its result are Spring MVC's own.
 */
@Configuration(proxyBeanMethods = false)
public class RicercaDelGestore {

    @Bean
    WebMvcRegistrations ricercaConRichiestaMemorizzata() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new Mappature();
            }
        };
    }

    /** Spring MVC's own handler mapping, searching with {@link RichiestaMemorizzata}. */
    static final class Mappature extends RequestMappingHandlerMapping {

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            return super.lookupHandlerMethod(lookupPath, new RichiestaMemorizzata(request));
        }
    }

    /**
     * The request as the search sees it: method, content type, headers and attributes read once from the wrapped
     * request; attributes set or removed during the search go through to it at once (the path variables, the best
     * pattern, the media types Spring MVC keeps for the request).
     */
    static final class RichiestaMemorizzata extends HttpServletRequestWrapper {

        private static final Object ASSENTE = new Object();

        private final String metodo;
        private String tipoDelContenuto;
        private boolean tipoLetto;
        private final Map<String, Object> intestazioni = new HashMap<>();
        private final Map<String, Object> attributi = new HashMap<>();

        RichiestaMemorizzata(HttpServletRequest richiesta) {
            super(richiesta);
            this.metodo = richiesta.getMethod();
        }

        @Override
        public String getMethod() {
            return metodo;
        }

        @Override
        public String getContentType() {
            if (!tipoLetto) {
                tipoDelContenuto = super.getContentType();
                tipoLetto = true;
            }
            return tipoDelContenuto;
        }

        @Override
        public String getHeader(String nome) {
            // by the name as asked: header names are case-insensitive, and Spring MVC asks each with one spelling
            Object valore = intestazioni.get(nome);
            if (valore == null) {
                String letto = super.getHeader(nome);
                intestazioni.put(nome, letto == null ? ASSENTE : letto);
                return letto;
            }
            return valore == ASSENTE ? null : (String) valore;
        }

        @Override
        public Object getAttribute(String nome) {
            Object valore = attributi.get(nome);
            if (valore == null) {
                Object letto = super.getAttribute(nome);
                attributi.put(nome, letto == null ? ASSENTE : letto);
                return letto;
            }
            return valore == ASSENTE ? null : valore;
        }

        @Override
        public void setAttribute(String nome, Object valore) {
            super.setAttribute(nome, valore);
            attributi.remove(nome);
        }

        @Override
        public void removeAttribute(String nome) {
            super.removeAttribute(nome);
            attributi.remove(nome);
        }
    }
}
