package it.piattaformacasa.report;

/**
 * «Stato delle assegnazioni (articolo 14)» of seed 000 as a report: the module that owns the annual plan and the
 * reserves ({@code assegnazione}) answers it, with its visibility; the report module only asks, so that it does not
 * depend on the module that already depends on it for its downloads.
 */
public interface StatoAssegnazioniAnnuale {

    /** The ente's year as the API's download shows it; an ente the caller may not see is not found. */
    Tabella tabella(long enteId, int anno);
}
