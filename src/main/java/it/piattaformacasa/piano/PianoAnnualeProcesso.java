package it.piattaformacasa.piano;

import java.time.LocalDate;
import java.util.Map;

/** Port to processes/programmazione-annuale.bpmn (implemented in piano.process). */
public interface PianoAnnualeProcesso {

    /** Starts the plan's process: it waits for the start of the window. */
    void avvia(PianoAnnuale piano);

    /** The window's start moved (the capofila saved the scheda again before it opened). */
    void ripianifica(PianoAnnuale piano);

    /** Whether the ente's task for this communication is open (the window is open for it). */
    boolean comunicazioneAperta(long pianoId, long comunicazioneId);

    /** Completes the ente's task with the scheda's fields, as Tasklist would. */
    void completaComunicazione(long pianoId, long comunicazioneId, String operatore, Map<String, Object> campi);

    /** Completes the capofila's «Approva piano annuale» with its fields (approval or reopening). */
    void completaDecisione(long pianoId, String operatore, Map<String, Object> campi);

    /** An approved plan reopened: the process goes back to the enti's window. */
    void riapriDopoApprovazione(long pianoId, LocalDate nuovaFine, String operatore);

    /** The plan was cancelled: its process ends. */
    void annulla(long pianoId);
}
