package it.piattaformacasa.assegnazione;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.avviso.AvvisoService;
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

    /** Whether the caller may start the ripescaggio and add alloggi liberi (the rule the two requests apply). */
    public boolean puoGestire(Graduatoria graduatoria) {
        return graduatorie.puoGestireRipescaggio(graduatoria);
    }

    /** The ente's alloggi that {@link #aggiungiAlloggioLibero} would accept now for this graduatoria. */
    public List<AvvisoService.AlloggioSelezionabile> alloggiLiberiAggiungibili(long graduatoriaId) {
        return graduatorie.alloggiLiberiAggiungibili(graduatoriaId);
    }
}
