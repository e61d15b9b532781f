package it.piattaformacasa.demo;

import java.util.Arrays;
import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * {@link GuardiaDemoEsterna} as one of the database's initializers, after Flyway's (order 1): Spring Boot makes every
 * bean that depends on the database's initialization — JPA, the JDBC templates, the engine
 * ({@code config.process.ProcessEngineDependsOnFlywayDetector}) — wait for it.
 */
public class GuardiaDemoEsternaDetector implements DatabaseInitializerDetector {

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        return Set.copyOf(Arrays.asList(beanFactory.getBeanNamesForType(GuardiaDemoEsterna.class, false, false)));
    }

    @Override
    public int getOrder() {
        return 2;
    }
}
