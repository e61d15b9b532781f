package it.piattaformacasa.domanda;

import java.util.Collection;
import java.util.Map;

/**
 * Where the work on each domanda stands, for the «semaforo» of the operators' lists (seed 000: «un semaforo colorato
 * segnala all'utente lo stato di lavorazione della domanda»). Implemented by the module that does that work (the
 * istruttoria), so this module does not depend on it; domande it does not report are just presented.
 */
public interface StatiDiLavorazione {

    enum Stato {
        /** In graduatoria, nobody is working on it: grey. */
        PRESENTATA("GRIGIO"),
        /** An ente is instructing it: yellow. */
        IN_LAVORAZIONE("GIALLO"),
        /** An alloggio is assigned (or the lease signed): green. */
        ASSEGNATARIA("VERDE"),
        /** Not admissible at an ente, or the nucleo refused the alloggio: red. */
        ESCLUSA_O_RINUNCIA("ROSSO");

        private final String semaforo;

        Stato(String semaforo) {
            this.semaforo = semaforo;
        }

        public String semaforo() {
            return semaforo;
        }
    }

    Map<Long, Stato> di(Collection<Long> domande);
}
