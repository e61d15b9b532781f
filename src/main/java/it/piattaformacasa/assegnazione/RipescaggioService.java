package it.piattaformacasa.assegnazione;

import java.math.BigDecimal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaDefinitivaService;

/**
 * Ripescaggio (seed 000): the ente switches its graduatoria DEFINITIVA → RIPESCAGGIO and assigns, following the same
 * art. 15 order, the avviso's leftover alloggi or alloggi freed after a sgombero («alloggi liberi», added here, not
 * published in the avviso). Both are messages to the graduatoria's process (processes/graduatoria-definitiva.bpmn),
 * whose steps change the state in this transaction.
 */
@Service
public class RipescaggioService {

    private final GraduatoriaDefinitivaService graduatorie;

    RipescaggioService(GraduatoriaDefinitivaService graduatorie) {
        this.graduatorie = graduatorie;
    }

    @Transactional
    public Graduatoria avvia(long graduatoriaId) {
        return graduatorie.richiediRipescaggio(graduatoriaId);
    }

    @Transactional
    public void aggiungiAlloggioLibero(long graduatoriaId, long alloggioId, String tipologiaRiscaldamento, BigDecimal spese) {
        graduatorie.segnalaAlloggioLibero(graduatoriaId, alloggioId, tipologiaRiscaldamento, spese);
    }
}
