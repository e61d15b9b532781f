package it.piattaformacasa.assegnazione;

import java.math.BigDecimal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.graduatoria.Graduatoria;
import it.piattaformacasa.graduatoria.GraduatoriaService;

/**
 * Ripescaggio (seed 000): the ente switches its graduatoria DEFINITIVA → RIPESCAGGIO and assigns, following the same
 * art. 15 order, the avviso's leftover alloggi or alloggi freed after a sgombero («alloggi liberi», added here, not
 * published in the avviso).
 */
@Service
public class RipescaggioService {

    private final GraduatoriaService graduatorie;
    private final AvvisoService avvisi;
    private final UtenteCorrente utente;

    RipescaggioService(GraduatoriaService graduatorie, AvvisoService avvisi, UtenteCorrente utente) {
        this.graduatorie = graduatorie;
        this.avvisi = avvisi;
        this.utente = utente;
    }

    @Transactional
    public Graduatoria avvia(long graduatoriaId) {
        return graduatorie.avviaRipescaggio(graduatoriaId);
    }

    @Transactional
    public void aggiungiAlloggioLibero(long graduatoriaId, long alloggioId, String tipologiaRiscaldamento, BigDecimal spese) {
        Graduatoria graduatoria = graduatorie.graduatoria(graduatoriaId);
        if (!utente.entiGestioneAvviso().contains(graduatoria.getEnte().getId())) {
            throw new AccessoNegatoException("Gli alloggi liberi li rende disponibili " + graduatoria.getEnte().getRagioneSociale()
                    + " (gestione avviso)");
        }
        if (graduatoria.getStato() != Graduatoria.Stato.RIPESCAGGIO) {
            throw new ConflittoException("Gli alloggi liberati dopo uno sgombero si assegnano nel ripescaggio: la graduatoria "
                    + graduatoriaId + " è " + graduatoria.getStato());
        }
        avvisi.aggiungiAlloggioLibero(graduatoria.getAvviso().getId(), alloggioId, graduatoria.getEnte().getId(),
                graduatoria.getComune().getId(), tipologiaRiscaldamento, spese);
    }
}
