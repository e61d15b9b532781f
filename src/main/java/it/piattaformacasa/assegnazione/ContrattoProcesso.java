package it.piattaformacasa.assegnazione;

import java.time.Instant;
import java.util.Map;

/** Port to processes/contratto.bpmn (implemented in assegnazione.process). */
public interface ContrattoProcesso {

    /** «Conferma registrazione contratto» for the ente's operators, due 30 days after the assignment. */
    void avvia(long assegnazioneId, String codiceFiscaleEnte, Instant scadenza);

    /** Completes the task with the lease data or the nucleo's refusal; the process records it in the same transaction. */
    void completa(long assegnazioneId, String operatore, Map<String, Object> campi);
}
