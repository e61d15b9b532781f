package it.piattaformacasa.scadenze;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One open legal deadline: a task with its due date, or the rettifica window of a graduatoria.
 *
 * @param taskId        the task, null for a timer
 * @param businessKey   the case's id (avviso, graduatoria, rettifica, assegnazione), as its process names it
 * @param ente          the ente's name as the task shows it (task-local «praticaEnte»)
 * @param pratica       the case in a few words («Graduatoria n. 12, provvisoria»)
 * @param termine       the basis of the deadline, as the model states it
 * @param presaInCaricoDa the name of who took the task in charge, null when nobody did
 * @param gruppi        the candidate groups by name («Comune di Malnate – Gestione avviso»), supervisors excluded
 * @param segnalata     escalated to the supervisors (the deadline's timer added them to the task)
 * @param codiciEnte    the codici fiscali of the enti whose groups hold it (visibility)
 */
public record ScadenzaDiLegge(TipoScadenza tipo, String taskId, String businessKey, Instant scadenza, String ente,
                              String comune, String avviso, String pratica, String termine, String presaInCaricoDa,
                              List<String> gruppi, boolean segnalata, Set<String> codiciEnte) {

    public StatoScadenza stato(Instant adesso) {
        return StatoScadenza.di(scadenza, adesso);
    }
}
