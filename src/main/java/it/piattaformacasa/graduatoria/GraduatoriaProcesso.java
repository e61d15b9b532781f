package it.piattaformacasa.graduatoria;

/** Port to processes/graduatoria.bpmn (implemented in graduatoria.process). */
public interface GraduatoriaProcesso {

    /** Starts the approval of a graduatoria provvisoria (business key = graduatoria id). */
    void avvia(long graduatoriaId);
}
