package it.piattaformacasa.graduatoria;

import java.util.List;
import java.util.Set;

/**
 * A kind of open work on domande that shows in the operators' «in lavorazione» list. The rettifiche are listed by
 * {@link DomandeInLavorazione} itself; other modules (the istruttoria) contribute theirs by implementing this.
 */
public interface LavorazioniAperte {

    /**
     * @param enti      the caller's enti, or null for every ente (supervisors)
     * @param domandaId only this domanda, or null for all
     */
    List<DomandeInLavorazione.DomandaInLavorazione> aperte(long avvisoId, Set<Long> enti, Long domandaId);
}
