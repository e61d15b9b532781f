package it.piattaformacasa.piano;

/** The fields of the capofila's «Approva piano annuale» (forms/approva-piano-annuale.form) and of the API's bodies. */
public final class CampiDecisione {

    public static final String ESITO = "esitoPiano";
    public static final String APPROVA = "APPROVA";
    public static final String RIAPRI = "RIAPRI";
    /** The Assemblea dei sindaci's deliberation. */
    public static final String NUMERO_DELIBERA = "numeroDelibera";
    public static final String DATA_DELIBERA = "dataDelibera";
    /** Until when a reopened window stays open. */
    public static final String NUOVA_FINE = "nuovaFineComunicazioni";

    private CampiDecisione() {
    }
}
