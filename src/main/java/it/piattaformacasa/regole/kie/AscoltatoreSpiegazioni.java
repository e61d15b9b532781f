package it.piattaformacasa.regole.kie;

import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;

/**
 * The one listener registered on a shared {@code DMNRuntime}. It sees the events of every evaluation on every
 * thread, so it keeps no state: it routes each event to the {@link RaccoltaSpiegazioni} found in the metadata of
 * the event's own result context. KIE builds each evaluation's result context by cloning the caller's
 * {@code DMNContext}, metadata included, so the collector placed there by {@link KieDmnRuntime#valuta} belongs to
 * exactly that evaluation: correct under concurrency without ThreadLocals or locks, and also if KIE ever
 * evaluated on another thread. Evaluations that carry no collector are ignored.
 */
final class AscoltatoreSpiegazioni implements DMNRuntimeEventListener {

    @Override
    public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent evento) {
        if (evento.getResult() != null
                && evento.getResult().getContext().getMetadata().get(RaccoltaSpiegazioni.CHIAVE)
                        instanceof RaccoltaSpiegazioni raccolta) {
            raccolta.registra(evento);
        }
    }
}
