package it.piattaformacasa.operatori;

import java.util.List;
import java.util.Set;

/** Port to the abilitazioni process and to the tasks an operator holds (implemented in operatori.process). */
public interface AbilitazioniProcesso {

    /** Sends the request to the regional validators; returns the process instance id. */
    String avvia(long richiestaId);

    /** The validator decides from the API as from Tasklist: takes the task if nobody holds it, completes it. */
    void valida(long richiestaId, String validatore, RichiestaAbilitazione.Esito esito, String motivo);

    /**
     * Gives back to their candidate groups the open tasks {@code username} holds whose candidate groups include one of
     * {@code persi} and none of {@code rimasti}: the work of the enti it no longer works for.
     */
    List<AttivitaRilasciata> rilascia(String username, Set<String> persi, Set<String> rimasti);

    record AttivitaRilasciata(String taskId, String nome, String processo, String businessKey) {
    }
}
