package it.piattaformacasa.domanda.web;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Component;

import it.piattaformacasa.avviso.web.DomandeDellAvviso;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.domanda.DomandePerGraduatorie;

/** The avvisi's pages count the domande the caller may see: those «Tutte le domande» lists ({@code GET /api/avvisi/{id}/domande}). */
@Component
class DomandeNellaPaginaDellAvviso implements DomandeDellAvviso {

    private final DomandePerGraduatorie domande;
    private final UtenteCorrente utente;

    DomandeNellaPaginaDellAvviso(DomandePerGraduatorie domande, UtenteCorrente utente) {
        this.domande = domande;
        this.utente = utente;
    }

    @Override
    public Map<Long, Long> visibili(Collection<Long> avvisi) {
        return domande.conteggi(avvisi, utente.entiAbilitati(), utente.vedeTuttiGliEnti());
    }
}
