package it.piattaformacasa.common.process;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;

import it.piattaformacasa.common.PraticaInBreve;

/**
 * How a module describes the cases of its processes to the task that names them ({@link PraticaNellElenco}). One
 * implementation per module, in its process package; it finds the case by the task's process business key
 * ({@link Pratica}), reading the module's own tables.
 */
public interface DescrizionePratica {

    /** The ids of the processes (process definition keys) whose cases this module describes. */
    Set<String> processi();

    /**
     * The case of the task of process {@code processo} (one of {@link #processi()}). Empty when it is not (or no longer) in the database: a task must still be created, so an
     * implementation never throws for a missing case — nor through a transactional service that would mark the
     * engine's transaction for rollback.
     */
    Optional<PraticaInBreve> descrivi(String processo, DelegateTask task);

    /**
     * What the task's form shows of its case beyond {@link PraticaNellElenco}, read-only: task-local variables its text
     * reads («{{moduloAlloggio}}»), written when the task is created, from the business key like {@link #descrivi}.
     * Names and numbers only, never an applicant's personal data (the engine's history keeps them for years). Never
     * throws for a missing case: it returns nothing. None by default.
     */
    default Map<String, Object> datiDelModulo(String processo, DelegateTask task) {
        return Map.of();
    }
}
