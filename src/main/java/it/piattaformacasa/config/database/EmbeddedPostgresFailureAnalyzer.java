package it.piattaformacasa.config.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One message instead of a stack trace when the embedded database cannot start. */
public class EmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedPostgresNonAvviabileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresNonAvviabileException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Per usare un PostgreSQL esterno impostare SPRING_DATASOURCE_URL (vedi README, «Database esterno»); "
                        + "per un'altra cartella dati impostare PIATTAFORMA_DATA_DIR.", cause);
    }
}
