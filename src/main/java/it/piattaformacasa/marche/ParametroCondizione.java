package it.piattaformacasa.marche;

/**
 * What a condition's bands are measured on (seed 004, «cambiando i parametri del reddito, del grado d'invalidità…»):
 * a band applies when the value is above {@code oltre} and up to {@code finoA}. A condition without a parameter has
 * bands the operator ticks.
 */
public enum ParametroCondizione {
    ISEE("Valore ISEE (€)", 2),
    COMPONENTI("Numero dei componenti del nucleo", 0),
    INVALIDITA("Grado di invalidità (%)", 2),
    MINORI("Numero dei minori di età non superiore ai 10 anni", 0),
    MINORI_A_CARICO("Numero dei figli minori a carico", 0),
    ANNI_PARTECIPAZIONE("Anni di partecipazione continuativa ai bandi", 0),
    ANNI_RESIDENZA("Anni di residenza continuativa nel Comune", 0);

    private final String etichetta;
    private final int decimali;

    ParametroCondizione(String etichetta, int decimali) {
        this.etichetta = etichetta;
        this.decimali = decimali;
    }

    public String etichetta() {
        return etichetta;
    }

    /** Decimals a bound of this parameter may have (counts are whole numbers). */
    public int decimali() {
        return decimali;
    }
}
