package it.piattaformacasa.attivita;

/** Port to the engine's tasks for the inbox operations of the API (implemented in attivita.process). */
public interface AttivitaProcesso {

    /** The operator takes the task: it must be a candidate; someone else holding it is a conflict. */
    void prendiInCarico(String taskId, String operatore);

    /** The operator who holds the task gives it back to its candidate groups. */
    void rilascia(String taskId, String operatore);
}
