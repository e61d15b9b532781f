package it.piattaformacasa.scadenze;

import java.time.Instant;
import java.util.List;

/**
 * An open task with a legal deadline, as supervisors see it.
 *
 * @param scaduta    the deadline has passed
 * @param segnalata  escalated to the supervisors (the deadline timer fired)
 */
public record Scadenza(String taskId, String attivita, String processo, String businessKey, List<String> gruppi,
                       String presaInCaricoDa, Instant scadenza, boolean scaduta, boolean segnalata) {
}
