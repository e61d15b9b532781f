package it.piattaformacasa.anagrafe;

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
}
