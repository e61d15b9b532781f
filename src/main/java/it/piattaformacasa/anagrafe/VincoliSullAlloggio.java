package it.piattaformacasa.anagrafe;

import java.util.Collection;
import java.util.Map;

/**
 * What other modules hang on an alloggio's state (issue 13): an avviso not yet closed that offers it, an assignment
 * waiting for its contract. The anagrafe asks before a change of state or a retirement and refuses with the reason
 * (409); the modules that own those cases implement it, so the anagrafe never depends on them.
 */
public interface VincoliSullAlloggio {

    /** For each of these alloggi that something depends on, why its state may not change now (Italian, for the 409). */
    Map<Long, String> motivi(Collection<Long> alloggioIds);
}
