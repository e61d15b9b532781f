package it.piattaformacasa.graduatoria.process;

import javax.sql.DataSource;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import it.piattaformacasa.common.process.Pratica;
import it.piattaformacasa.common.process.SottoSavepoint;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Generates the graduatorie provvisorie when the avviso closes. A failure is retried (the asyncBefore job's retry
 * cycle) and then becomes an incident; its message, which Cockpit and /api/scadenze show, says in Italian what failed,
 * with the technical cause after it. The work runs under a savepoint so that a database error does not leave the
 * engine an aborted transaction to record the failure in.
 */
@Component("generaGraduatorieDelegate")
class GeneraGraduatorieDelegate implements JavaDelegate {

    private final GraduatoriaService graduatorie;
    private final DataSource dataSource;

    GeneraGraduatorieDelegate(GraduatoriaService graduatorie, DataSource dataSource) {
        this.graduatorie = graduatorie;
        this.dataSource = dataSource;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long avvisoId = Pratica.id(execution);
        try {
            SottoSavepoint.esegui(dataSource, () -> graduatorie.generaProvvisorie(avvisoId));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Generazione delle graduatorie provvisorie dell'avviso " + avvisoId
                    + " non riuscita: " + causa(e), e);
        }
    }

    /** The innermost message: the database's reason rather than Spring's wrapping of the statement. */
    private static String causa(Throwable e) {
        Throwable radice = e;
        while (radice.getCause() != null && radice.getCause() != radice) {
            radice = radice.getCause();
        }
        String messaggio = radice.getMessage() != null ? radice.getMessage() : radice.getClass().getSimpleName();
        return radice == e ? messaggio : messaggio + " (" + e.getClass().getSimpleName() + ")";
    }
}
