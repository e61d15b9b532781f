package it.piattaformacasa.scadenze;

import java.time.Instant;
import java.util.List;

/**
 * One line of the supervisors' list: an open task with a legal deadline, an incident (work of the engine that failed
 * and will not be retried), or work that should be done by now and is not.
 *
 * @param oggetto     what it concerns, as people name it («Avviso 12», «Graduatoria 7»)
 * @param descrizione what is wrong, in Italian
 * @param scadenza    the legal deadline of a task, or by when late work was expected
 * @param scaduta     the deadline has passed
 * @param segnalata   escalated to the supervisors (the deadline timer fired)
 * @param dal         since when: the incident, the closing of the avviso, the due date of the job (null for tasks)
 * @param errore      the error of an incident, or the last one of work that is being retried
 */
public record Scadenza(Tipo tipo, String oggetto, String descrizione, String taskId, String attivita, String processo,
                       String businessKey, List<String> gruppi, String presaInCaricoDa, Instant scadenza, boolean scaduta,
                       boolean segnalata, Instant dal, String errore) {

    public enum Tipo {
        /** Failed work with no retries left: someone has to look at it (Cockpit, «Retry»). */
        INCIDENTE,
        /** Work that should have happened already (a job not executed, an avviso closed without graduatorie). */
        IN_RITARDO,
        /** An open task overdue, escalated or due soon. */
        ATTIVITA
    }

    public static Scadenza attivita(String taskId, String attivita, String processo, String businessKey, List<String> gruppi,
                                    String presaInCaricoDa, Instant scadenza, boolean scaduta, boolean segnalata) {
        return new Scadenza(Tipo.ATTIVITA, processo + " " + businessKey, attivita, taskId, attivita, processo, businessKey,
                gruppi, presaInCaricoDa, scadenza, scaduta, segnalata, null, null);
    }

    public static Scadenza incidente(String oggetto, String descrizione, String attivita, String processo, String businessKey,
                                     Instant dal, String errore) {
        return new Scadenza(Tipo.INCIDENTE, oggetto, descrizione, null, attivita, processo, businessKey, List.of(), null,
                null, false, false, dal, errore);
    }

    public static Scadenza inRitardo(String oggetto, String descrizione, String attivita, String processo, String businessKey,
                                     Instant attesaEntro, Instant dal, String errore) {
        return new Scadenza(Tipo.IN_RITARDO, oggetto, descrizione, null, attivita, processo, businessKey, List.of(), null,
                attesaEntro, true, false, dal, errore);
    }
}
