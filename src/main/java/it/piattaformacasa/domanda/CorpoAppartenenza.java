package it.piattaformacasa.domanda;

/** The corpo of a member of the forces in the dedicated avvisi (art. 7 bis: Forze di Polizia, VVF, Forze Armate; 7 ter). */
public enum CorpoAppartenenza {
    POLIZIA_DI_STATO, ARMA_DEI_CARABINIERI, GUARDIA_DI_FINANZA, POLIZIA_PENITENZIARIA, VIGILI_DEL_FUOCO, FORZE_ARMATE,
    POLIZIA_LOCALE;

    /** Polizia Locale counts against the art. 7 ter quota, every other corpo against the 7 bis one. */
    public boolean poliziaLocale() {
        return this == POLIZIA_LOCALE;
    }
}
