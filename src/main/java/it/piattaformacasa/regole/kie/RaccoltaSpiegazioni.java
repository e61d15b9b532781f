package it.piattaformacasa.regole.kie;

import it.piattaformacasa.regole.RegolaApplicata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;

/**
 * Collects the rules fired during ONE evaluation. An instance travels inside that evaluation's
 * {@link DMNContext} metadata (see {@link AscoltatoreSpiegazioni}), so it only ever sees its own events.
 */
final class RaccoltaSpiegazioni {

    /** Metadata key; metadata is invisible to FEEL, so it cannot clash with a model variable. */
    static final String CHIAVE = RaccoltaSpiegazioni.class.getName();

    private final Map<String, TabellaDecisionale> tabelle;
    private final List<RegolaApplicata> regole = new ArrayList<>();

    RaccoltaSpiegazioni(Map<String, TabellaDecisionale> tabelle) {
        this.tabelle = tabelle;
    }

    // synchronized: KIE evaluates on the caller's thread today, but nothing in its API promises it
    synchronized void registra(AfterEvaluateDecisionTableEvent evento) {
        TabellaDecisionale tabella = tabella(evento);
        DMNContext contesto = evento.getResult().getContext();
        Map<String, Object> input = new LinkedHashMap<>();
        for (String espressione : tabella.espressioniInput()) {
            // input expressions are plain variable names in our tables; anything else is not resolvable here
            if (contesto.isDefined(espressione)) {
                input.put(espressione, contesto.get(espressione));
            }
        }
        // getSelected(): the rules whose outputs were used (= getMatches() for UNIQUE/ANY/COLLECT), 1-based
        for (Integer numero : evento.getSelected()) {
            regole.add(new RegolaApplicata(tabella.decisione(), numero, tabella.descrizioneRegola(numero), input));
        }
    }

    synchronized List<RegolaApplicata> regoleApplicate() {
        return List.copyOf(regole);
    }

    private TabellaDecisionale tabella(AfterEvaluateDecisionTableEvent evento) {
        TabellaDecisionale tabella = evento.getDecisionTableId() == null
                ? null : tabelle.get(evento.getDecisionTableId());
        if (tabella == null) {
            // table of an imported model, or without id: still explain which decision fired, without texts
            return new TabellaDecisionale(evento.getDecisionName(), List.of(), List.of());
        }
        return tabella;
    }
}
