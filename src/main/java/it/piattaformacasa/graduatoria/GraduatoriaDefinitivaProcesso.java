package it.piattaformacasa.graduatoria;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Port to processes/graduatoria-definitiva.bpmn (implemented in graduatoria.process): the life of a definitive
 * graduatoria, one instance per graduatoria (business key = graduatoria id). Each request is a message the process
 * handles synchronously, in the caller's transaction: the state changes in the process step, and a refusal rolls
 * back both.
 */
public interface GraduatoriaDefinitivaProcesso {

    /** Starts the instance; it begins where the graduatoria's state says (DEFINITIVA or RIPESCAGGIO). */
    void avvia(long graduatoriaId);

    /** Whether the graduatoria has a running instance. */
    boolean inCorso(long graduatoriaId);

    /** The graduatorie with a running instance. */
    Set<Long> inCorso();

    /** «RIPESCAGGIO»: the process moves the graduatoria DEFINITIVA → RIPESCAGGIO. */
    void richiediRipescaggio(long graduatoriaId, String operatore);

    /** An alloggio freed after a sgombero: the process puts it in the avviso, as an event of the ripescaggio. */
    void alloggioLiberato(long graduatoriaId, long alloggioId, String tipologiaRiscaldamento, BigDecimal speseAnnueUtenze);

    /** Art. 15 co. 4 bis: {@code successiva} became definitive; the process closes {@code graduatoriaId}. */
    void successivaDefinitiva(long graduatoriaId, long successiva);
}
