package it.piattaformacasa.attivita;

import java.time.Instant;
import java.util.List;

/** Port to the engine's tasks for the inbox operations of the API (implemented in attivita.process). */
public interface AttivitaProcesso {

    /** The operator takes the task: it must be a candidate; someone else holding it is a conflict. */
    void prendiInCarico(String taskId, String operatore);

    /** The operator who holds the task gives it back to its candidate groups. */
    void rilascia(String taskId, String operatore);

    /**
     * The open tasks of the case whose console page is {@code pagina}, by due date: all of them when
     * {@code tutte} (supervisors), else those the operator is a candidate for or holds.
     */
    List<AttivitaAperta> aperteDellaPagina(String pagina, String operatore, boolean tutte);

    /** An open task as a case page lists it. */
    record AttivitaAperta(String id, String nome, Instant scadenza, String inCaricoA, boolean candidato) {
    }
}
