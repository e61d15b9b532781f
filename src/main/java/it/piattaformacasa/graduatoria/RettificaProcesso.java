package it.piattaformacasa.graduatoria;

/** Port to processes/rettifica-invalidita.bpmn (implemented in graduatoria.process). */
public interface RettificaProcesso {

    void avvia(RettificaInvalidita rettifica, String codiceFiscaleEnte);
}
