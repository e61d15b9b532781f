package it.piattaformacasa.config.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no external datasource URL is configured. */
public class EmbeddedDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return ModalitaDatabase.from(context.getEnvironment()) == ModalitaDatabase.EMBEDDED;
    }
}
