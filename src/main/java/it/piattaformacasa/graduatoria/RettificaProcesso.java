package it.piattaformacasa.graduatoria;

import java.util.Collection;
import java.util.Map;

/** Port to processes/rettifica-invalidita.bpmn (implemented in graduatoria.process). */
public interface RettificaProcesso {

    void avvia(RettificaInvalidita rettifica, String codiceFiscaleEnte);

    /** Who has taken each of these requests in charge («prendi in carico»), by request id; unclaimed ones are absent. */
    Map<Long, String> inCaricoA(Collection<Long> rettifiche);
}
