package it.piattaformacasa.scadenze;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Port to the engine's open tasks, incidents and jobs (implemented in scadenze.process). */
public interface ScadenzeProcesso {

    /**
     * {@code quante} open tasks from the {@code primo}-th of those due before {@code limite} or escalated to the
     * supervisors, earliest deadline first (escalated ones with no deadline last).
     */
    List<Scadenza> aperteEntro(Instant limite, Instant adesso, int primo, int quante);

    /** How many open tasks {@link #aperteEntro} lists in all. */
    long contaAperteEntro(Instant limite);

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
     * The open deadline tasks of these kinds and groups ({@code dopo} and {@code prima} of the criteria are ignored)
     * counted by kind in each interval between consecutive {@code confini} (ascending; the first included, the next
     * excluded): element {@code i} of a kind's array counts those due from {@code confini[i]} to {@code confini[i+1]}.
     * One aggregate query for the pictures and the counts, with no task read (issue 17).
     */
    Map<TipoScadenza, long[]> contaAttivitaDiLeggeTra(Criteri criteri, List<Instant> confini);

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
