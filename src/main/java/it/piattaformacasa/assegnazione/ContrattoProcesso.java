package it.piattaformacasa.assegnazione;

import java.time.Instant;
import java.util.Map;

/** Port to processes/contratto.bpmn (implemented in assegnazione.process). */
public interface ContrattoProcesso {

    /** «Conferma registrazione contratto» for the ente's operators, due 30 days after the assignment. */
    void avvia(long assegnazioneId, String codiceFiscaleEnte, Instant scadenza);

    /** Completes the task with the lease data or the nucleo's refusal; the process records it in the same transaction. */
    void completa(long assegnazioneId, String operatore, Map<String, Object> campi);

    /**
     * Issue 16: the nucleo refused the proposed alloggio online. Completes «Conferma registrazione contratto» with the
     * rinuncia and its reason, as the ente's operator does for a refusal at the desk; whoever held the task, the nucleo's
     * refusal is the outcome (the task is given to the citizen, recorded as who completed it).
     */
    void rinunciaDelNucleo(long assegnazioneId, String cittadino, String motivo);

    /** Issue 16: the nucleo's answer shown in the open task's form (nothing if the task is not open any more). */
    void annotaRisposta(long assegnazioneId, String testo);
}
