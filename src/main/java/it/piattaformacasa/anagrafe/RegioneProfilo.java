package it.piattaformacasa.anagrafe;

import it.piattaformacasa.common.ConflittoException;

/**
 * The regional profile of an ente (issue 15): which region's procedure, processes and rule sets apply to it. The
 * platform's own procedure (avvisi, ISBAR, graduatorie per ente) is Lombardia's; a Marche Comune issues its own bandi
 * with the scoring grid it defines (seed 004). See ADR 16.
 */
public enum RegioneProfilo {
    LOMBARDIA("Lombardia"), MARCHE("Marche");

    private final String etichetta;

    RegioneProfilo(String etichetta) {
        this.etichetta = etichetta;
    }

    public String etichetta() {
        return etichetta;
    }

    /**
     * Refuses (409) an ente of another profile in this profile's procedure, saying where its own is: the Lombardia
     * services call it with {@code cosa} «gli avvisi», «il piano annuale», so that a Marche Comune never enters them
     * even if an ambito were given it as capofila.
     */
    public void richiesto(EnteProprietario ente, String cosa) {
        if (ente.getRegioneProfilo() != this) {
            throw new ConflittoException(ente.getRagioneSociale() + " ha il profilo regionale " + ente.getRegioneProfilo().etichetta
                    + ": " + cosa + " sono della procedura della Regione " + etichetta
                    + (ente.getRegioneProfilo() == MARCHE ? "; i bandi del Comune si definiscono in «Bandi»" : ""));
        }
    }
}
