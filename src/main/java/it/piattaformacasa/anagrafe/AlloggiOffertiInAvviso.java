package it.piattaformacasa.anagrafe;

import java.util.Set;

/**
 * Which alloggi an avviso not yet closed offers (seed 001, «Ricerca alloggi», filter «Alloggi in avviso»). The avvisi
 * module knows it and implements this, so the anagrafe never depends on it (as {@link VincoliSullAlloggio}).
 */
public interface AlloggiOffertiInAvviso {

    /** The ids of the alloggi offered by an avviso that is not closed, of any ente. */
    Set<Long> inAvvisiNonChiusi();
}
