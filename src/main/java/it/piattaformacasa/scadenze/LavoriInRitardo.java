package it.piattaformacasa.scadenze;

import java.time.Instant;
import java.util.List;

/**
 * Work a module expects to be done within minutes, listed when it is not (ADR 5: modules contribute to shared lists
 * through interfaces). The graduatoria module contributes avvisi closed without graduatorie.
 */
public interface LavoriInRitardo {

    /** @param attesiPrima the work should have been done by those whose start is before this instant */
    List<Scadenza> inRitardo(Instant attesiPrima, Instant adesso);
}
