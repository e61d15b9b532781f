package it.piattaformacasa.scadenze;

import java.time.Instant;
import java.util.List;
import java.util.Set;

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

    /**
     * Which open legal deadlines (issue 12): of these kinds, held by these candidate groups (null: every ente), due
     * after {@code dopo} and before {@code prima} (null: unbounded).
     */
    record Criteri(Set<TipoScadenza> tipi, Set<String> gruppi, Instant dopo, Instant prima) {
    }

    /** How many open deadline tasks match, counted by the engine. */
    long contaAttivitaDiLegge(Criteri criteri);

    /**
     * {@code quante} open deadline tasks matching from the {@code primo}-th, earliest due date first (overdue first);
     * with {@code dettagli} false only their kind and due date (for the pictures and paging), otherwise who holds
     * them and their case.
     */
    List<ScadenzaDiLegge> attivitaDiLegge(Criteri criteri, int primo, int quante, boolean dettagli);

    /** Every graduatoria waiting for the end of its 15 days for rettifiche (one timer per graduatoria: a few). */
    List<ScadenzaDiLegge> finestreRettifiche();

    /** One deadline task completed between {@code dal} and {@code al}: its kind, its ente, whether it was in time. */
    record Esito(TipoScadenza tipo, String ente, boolean inTempo) {
    }

    /** Deadline tasks completed (not cancelled: silence-assent, a window closing) between the two instants. */
    List<Esito> completateTra(Instant dal, Instant al);
}
