package it.piattaformacasa.regole.kie;

import java.util.List;
import java.util.Map;
import org.kie.dmn.api.core.DMNRuntime;

/**
 * Immutable snapshot of the active rule set: one {@link DMNRuntime} and its models. Swapping rule-set versions
 * means building a new snapshot and replacing the reference; evaluations in flight keep the one they started with.
 *
 * @param modelli  namespace#name → model
 * @param sorgenti files the snapshot was built from, for diagnostics
 */
record RegoleAttive(DMNRuntime runtime, Map<String, ModelloCaricato> modelli, List<String> sorgenti) {

    RegoleAttive {
        modelli = Map.copyOf(modelli);
        sorgenti = List.copyOf(sorgenti);
    }
}
