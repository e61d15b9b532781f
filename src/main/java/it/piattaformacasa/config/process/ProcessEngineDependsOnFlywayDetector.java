package it.piattaformacasa.config.process;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Makes the engine start after Flyway. Otherwise on a fresh database Camunda creates its ACT_* tables
 * first and Flyway refuses the now non-empty schema that has no history table.
 */
public class ProcessEngineDependsOnFlywayDetector implements DependsOnDatabaseInitializationDetector {

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        Set<String> names = new HashSet<>();
        names.addAll(Arrays.asList(beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, false, false)));
        names.addAll(Arrays.asList(beanFactory.getBeanNamesForType(ProcessEngine.class, false, false)));
        // a FactoryBean is reported as "&name"; depends-on wants the bean's own name
        return names.stream().map(BeanFactoryUtils::transformedBeanName).collect(Collectors.toSet());
    }
}
