package it.piattaformacasa.config;

import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

/**
 * Puts Spring Security's own {@link FilterChainProxy} back where Spring Security 6 wraps it, with Spring MVC present,
 * in a composite whose first filter looks up, on every request, the Spring MVC handler of the request in advance
 * ({@code HandlerMappingIntrospector}'s cache), for the {@code MvcRequestMatcher}s and the CORS settings of Spring MVC
 * that Spring Security may consult. This platform matches every path with {@code PathPatternRequestMatcher}
 * ({@link SecurityConfiguration#percorsi}) and has no CORS settings: nothing reads that lookup, which scanned every
 * request mapping of the console and the API (about 300) on every request, on top of the {@code DispatcherServlet}'s
 * own scan: 4 % of a node's CPU in the opening-day burst (issue 17, {@code AperturaAvvisoBenchmark}'s profile).
 * <p>
 * Should a later matcher use the introspector after all, it still decides right, only without the cache: Spring
 * logs «Cache miss for REQUEST dispatch» at WARN once. String patterns given to Spring Security become path patterns
 * too ({@code SecurityConfiguration#percorsiComeModelli}), so no configuration builds an {@code MvcRequestMatcher};
 * {@code FiltriEMisureTest} checks that a request through the chain leaves no lookup behind. A Spring Security that no
 * longer wraps the chain leaves this with nothing to do.
 */
final class CatenaDiSicurezzaDiretta implements BeanFactoryPostProcessor {

    /** The composite of {@code WebMvcSecurityConfiguration} (a private class: known by name only). */
    static final String COMPOSITO = "org.springframework.security.config.annotation.web.configuration."
            + "WebMvcSecurityConfiguration$CompositeFilterChainProxy";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String nome = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;
        if (beanFactory instanceof BeanDefinitionRegistry registro && registro.containsBeanDefinition(nome)) {
            BeanDefinition catena = registro.getBeanDefinition(nome);
            BeanDefinition senza = senzaRicercaAnticipata(catena);
            if (senza != catena) {
                registro.removeBeanDefinition(nome);
                registro.registerBeanDefinition(nome, senza);
            }
        }
    }

    /**
     * The definition without the composite: its inner chain in its place, wherever Spring Security put it (outermost,
     * or inside {@code WebSecurityConfiguration}'s own composite, which parses the request's path once for every
     * matcher and stays). Anything of another shape is left as it is.
     */
    private static BeanDefinition senzaRicercaAnticipata(BeanDefinition definizione) {
        ConstructorArgumentValues.ValueHolder argomento = definizione.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
        if (argomento == null || !(argomento.getValue() instanceof List<?> filtri)) {
            return definizione;
        }
        if (COMPOSITO.equals(definizione.getBeanClassName())) {
            return filtri.size() == 2 && filtri.get(1) instanceof BeanDefinition interna ? interna : definizione;
        }
        @SuppressWarnings("unchecked")
        List<Object> elenco = (List<Object>) filtri;
        for (int i = 0; i < elenco.size(); i++) {
            if (elenco.get(i) instanceof BeanDefinition interna) {
                elenco.set(i, senzaRicercaAnticipata(interna));
            }
        }
        return definizione;
    }
}
