package it.piattaformacasa.domanda;

import it.piattaformacasa.regole.CalcoloIsbar;

/**
 * The five components of the ISBAR (Allegato 1 r.r. 4/2017), in the order the graduatoria compares them after the
 * residence (art. 12 co. 3 c–e) and citizens read them: family, housing, economic, then residence.
 *
 * @param codice    key used by the API ({@code componenti} of a domanda)
 * @param etichetta what a citizen reads
 * @param decisione the DMN decision that computes it, whose fired rules explain it
 */
public enum ComponenteIsbar {

    FAMILIARE("familiare", "Condizioni familiari", CalcoloIsbar.DECISIONE_FAMILIARE),
    ABITATIVO("abitativo", "Condizioni abitative", CalcoloIsbar.DECISIONE_ABITATIVO),
    ECONOMICO("economico", "Condizioni economiche", CalcoloIsbar.DECISIONE_ECONOMICO),
    RESIDENZA_REGIONE("residenzaRegione", "Residenza in Regione", CalcoloIsbar.DECISIONE_RESIDENZA_REGIONE),
    RESIDENZA_COMUNE("residenzaComune", "Residenza nel Comune", CalcoloIsbar.DECISIONE_RESIDENZA_COMUNE);

    private final String codice;
    private final String etichetta;
    private final String decisione;

    ComponenteIsbar(String codice, String etichetta, String decisione) {
        this.codice = codice;
        this.etichetta = etichetta;
        this.decisione = decisione;
    }

    public String codice() { return codice; }
    public String etichetta() { return etichetta; }
    public String decisione() { return decisione; }
}
