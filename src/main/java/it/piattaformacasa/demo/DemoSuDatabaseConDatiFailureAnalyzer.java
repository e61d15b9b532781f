package it.piattaformacasa.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One message instead of a stack trace when the demo is asked for on a database with data ({@link GuardiaDemoEsterna}). */
public class DemoSuDatabaseConDatiFailureAnalyzer extends AbstractFailureAnalyzer<DemoSuDatabaseConDatiException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoSuDatabaseConDatiException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Togliere PIATTAFORMA_DEMO_ESTERNO (in produzione non si imposta mai) oppure, per provare la demo, puntare "
                        + "SPRING_DATASOURCE_URL a un database nuovo e vuoto (vedi README, «Cluster and scale»).", cause);
    }
}
