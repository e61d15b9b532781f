package it.piattaformacasa.assegnazione;

import java.util.Map;

/** Port to processes/istruttoria.bpmn (implemented in assegnazione.process). */
public interface IstruttoriaProcesso {

    /** «Verifica istruttoria» for the ente's Istruttoria group, already taken in charge by {@code operatore}. */
    void avvia(long istruttoriaId, String codiceFiscaleEnte, String operatore);

    /** Completes «Verifica istruttoria» with the form's fields; the process records the outcome in the same transaction. */
    void completaVerifica(long istruttoriaId, String operatore, Map<String, Object> campi);

    /** Ends the istruttoria's process because the nucleo was assigned an alloggio by another ente. */
    void chiudiPerAssegnazioneAltrove(long istruttoriaId);
}
