package it.piattaformacasa.avviso;

/** Port to processes/avviso.bpmn (implemented in avviso.process). */
public interface AvvisoProcesso {

    /** Starts the avviso's process instance (business key = avviso id). */
    void avvia(Avviso avviso);
}
