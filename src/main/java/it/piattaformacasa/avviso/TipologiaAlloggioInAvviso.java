package it.piattaformacasa.avviso;

import it.piattaformacasa.anagrafe.StatoAlloggio;

/** The three kinds of unit an avviso may offer (seed 000), with the state each one takes in the avviso. */
public enum TipologiaAlloggioInAvviso {
    IMMEDIATAMENTE_ASSEGNABILE(StatoAlloggio.LIBERO, false),
    ASSEGNABILE_ENTRO_CHIUSURA(StatoAlloggio.LIBERO, false),
    /** Assegnabile allo stato di fatto, works paid by the ente (art. 10). */
    STATO_DI_FATTO_INTERVENTI_ENTE(StatoAlloggio.SFITTO_CARENZE_MANUTENTIVE, true),
    /** Assegnabile allo stato di fatto, works paid by the citizen (art. 10). */
    STATO_DI_FATTO_INTERVENTI_CITTADINO(StatoAlloggio.SFITTO_CARENZE_MANUTENTIVE, true);

    private final StatoAlloggio statoInAvviso;
    private final boolean richiedeInterventi;

    TipologiaAlloggioInAvviso(StatoAlloggio statoInAvviso, boolean richiedeInterventi) {
        this.statoInAvviso = statoInAvviso;
        this.richiedeInterventi = richiedeInterventi;
    }

    public StatoAlloggio statoInAvviso() {
        return statoInAvviso;
    }

    public boolean richiedeInterventi() {
        return richiedeInterventi;
    }
}
