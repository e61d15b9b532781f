package it.piattaformacasa.operatori;

import it.piattaformacasa.common.sicurezza.Gruppi;

/** Roles not tied to an ente. */
public enum RuoloPiattaforma {
    SUPERVISORE(Gruppi.SUPERVISORI), ANALISTA(Gruppi.ANALISTI), AMMINISTRATORE(Gruppi.AMMINISTRATORI),
    /** Validates the enti's requests of abilitazione (seed 002: «la Regione valida»). */
    VALIDATORE_REGIONALE(Gruppi.VALIDATORI_REGIONALI);

    private final String gruppo;

    RuoloPiattaforma(String gruppo) {
        this.gruppo = gruppo;
    }

    public String gruppo() {
        return gruppo;
    }
}
