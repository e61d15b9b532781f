package it.piattaformacasa.regole;

import java.time.LocalDate;
import java.util.Map;

/** Port to processes/pubblicazione-regole.bpmn: one instance per requested publication, business key «nome». */
public interface PubblicazioneRegoleProcesso {

    void avvia(String nome, int versione, String richiedente, String autore, LocalDate validoDal);

    /** Whether a publication of the set is waiting for approval. */
    boolean inCorso(String nome);

    /** Completes the approval task as Tasklist would: claimed by the operator, then completed with the form's fields. */
    void completa(String nome, String operatore, Map<String, Object> campi);
}
