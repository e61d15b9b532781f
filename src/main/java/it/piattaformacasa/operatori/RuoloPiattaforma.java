package it.piattaformacasa.operatori;

import it.piattaformacasa.common.sicurezza.Gruppi;

/** Roles not tied to an ente. */
public enum RuoloPiattaforma {
    SUPERVISORE(Gruppi.SUPERVISORI), ANALISTA(Gruppi.ANALISTI), AMMINISTRATORE(Gruppi.AMMINISTRATORI),
    /** Validates the enti's requests of abilitazione (seed 002: «la Regione valida»). */
    VALIDATORE_REGIONALE(Gruppi.VALIDATORI_REGIONALI),
    /** Reads every ente's avvisi, graduatorie, domande, reports and deadlines; changes nothing (seed 004). */
    LETTORE_REGIONALE(Gruppi.LETTORI_REGIONALI),
    /**
     * Reads what the regional reader reads, for the enti whose comune is in one province (seed 004); the province is the
     * operatore's {@code provinciaLettura}, projected as a second group ({@link Gruppi#lettoriProvincia}).
     */
    LETTORE_PROVINCIALE(Gruppi.LETTORI_PROVINCIALI);

    private final String gruppo;

    RuoloPiattaforma(String gruppo) {
        this.gruppo = gruppo;
    }

    public String gruppo() {
        return gruppo;
    }

    /** A role that only reads: whoever holds it changes nothing, whatever else they hold. */
    public boolean soloLettura() {
        return this == LETTORE_REGIONALE || this == LETTORE_PROVINCIALE;
    }
}
