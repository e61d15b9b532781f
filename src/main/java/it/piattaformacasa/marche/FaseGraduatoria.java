package it.piattaformacasa.marche;

/**
 * The phase of a Marche bando's graduatoria (seed 004, Fig. 23: «Deve essere definita la fase del procedimento … se è
 * Provvisoria/Definitiva, in assenza la graduatoria viene considerata in fase di Istruttoria»). Only forward: a list
 * published at the albo pretorio is not unpublished, and a definitive one is frozen.
 */
public enum FaseGraduatoria {
    ISTRUTTORIA("Istruttoria"), PROVVISORIA("Provvisoria"), DEFINITIVA("Definitiva");

    private final String etichetta;

    FaseGraduatoria(String etichetta) {
        this.etichetta = etichetta;
    }

    public String etichetta() {
        return etichetta;
    }
}
