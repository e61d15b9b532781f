package it.piattaformacasa.scadenze;

import java.time.Instant;
import java.util.List;

/** Port to the engine's open tasks (implemented in scadenze.process). */
public interface ScadenzeProcesso {

    /** Open tasks due before {@code limite}, or escalated to the supervisors, earliest deadline first. */
    List<Scadenza> aperteEntro(Instant limite, Instant adesso);
}
