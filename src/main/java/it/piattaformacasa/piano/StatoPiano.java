package it.piattaformacasa.piano;

/**
 * «Stato del piano» of the scheda programmazione annuale (seed 001). The seed shows CHIUSO, the plan waiting for the
 * capofila after the enti's window; the others name the steps the workshop describes around it.
 */
public enum StatoPiano {
    /** Saved by the capofila (fase 2), the window not yet started. */
    PREDISPOSTO("In predisposizione"),
    /** The enti send their communications (fase 3). */
    APERTO("Aperto alle comunicazioni"),
    /** The window is over: the capofila approves the plan or reopens the window (fase 4). */
    CHIUSO("Chiuso"),
    /** Approved after the Assemblea dei sindaci: it sets the year's reserves. */
    APPROVATO("Approvato"),
    ANNULLATO("Annullato");

    private final String etichetta;

    StatoPiano(String etichetta) {
        this.etichetta = etichetta;
    }

    public String etichetta() {
        return etichetta;
    }
}
