package it.piattaformacasa.scadenze;

import java.time.Instant;
import java.util.List;

/** Port to the engine's open tasks, incidents and jobs (implemented in scadenze.process). */
public interface ScadenzeProcesso {

    /** Open tasks due before {@code limite}, or escalated to the supervisors, earliest deadline first. */
    List<Scadenza> aperteEntro(Instant limite, Instant adesso);

    /** Incidents of every process (a job that failed with no retries left), oldest first. */
    List<Scadenza> incidenti();

    /**
     * Jobs with retries left that were due before {@code dovutiPrima} and have not run: the job executor is down, the
     * job is locked by a node that died, or it keeps failing and is waiting for its next attempt.
     */
    List<Scadenza> lavoriInRitardo(Instant dovutiPrima, Instant adesso);
}
