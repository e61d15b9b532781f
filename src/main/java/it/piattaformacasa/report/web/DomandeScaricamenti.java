package it.piattaformacasa.report.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.domanda.DomandePerGraduatorie;
import it.piattaformacasa.domanda.DomandePerGraduatorie.RigaDomanda;
import it.piattaformacasa.graduatoria.DomandeInLavorazione;
import it.piattaformacasa.graduatoria.DomandeInLavorazione.DomandaInLavorazione;
import it.piattaformacasa.graduatoria.web.FiltriDomande;
import it.piattaformacasa.report.TabellaLunga;

/**
 * «Scarica (.xlsx)» and «Scarica (.csv)» of an avviso's «Tutte le domande» and «In lavorazione» (issue 12): the whole
 * list as the page filters and sorts it (at most {@link Scaricamento#RIGHE_MASSIME} rows), with the page's columns and
 * words. The same calls as {@code graduatoria/web/DomandeAvvisoPagine}, so the same visibility: an unknown avviso is a
 * 404, an operator gets the domande that chose an alloggio of its enti (none: a file with the titles only). The
 * domande are read {@value #LOTTO} at a time and written as they come: an avviso has up to 100 000 of them. Here and not
 * in {@code graduatoria.web} because the report module depends on the graduatoria, not the other way round.
 */
@Controller
@PaginaConsole
class DomandeScaricamenti {

    /** Domande read from the database at a time. */
    static final int LOTTO = 1_000;

    private final AvvisoService avvisi;
    private final DomandePerGraduatorie elenchi;
    private final DomandeInLavorazione inLavorazione;
    private final UtenteCorrente utente;
    private final MessageSource messaggi;

    DomandeScaricamenti(AvvisoService avvisi, DomandePerGraduatorie elenchi, DomandeInLavorazione inLavorazione,
                        UtenteCorrente utente, MessageSource messaggi) {
        this.avvisi = avvisi;
        this.elenchi = elenchi;
        this.inLavorazione = inLavorazione;
        this.utente = utente;
        this.messaggi = messaggi;
    }

    @GetMapping("/avvisi/{avvisoId}/domande/esportazione")
    ResponseEntity<byte[]> domande(@PathVariable long avvisoId, @RequestParam(required = false) String cerca,
                                   @RequestParam(required = false) String ordina, @RequestParam(required = false) String vista,
                                   @RequestParam(defaultValue = "xlsx") String formato) {
        Scaricamento.controllaFormato(formato);
        avvisi.avvisoSenzaAmbito(avvisoId);
        FiltriDomande filtri = FiltriDomande.di(cerca, ordina, vista);
        if (filtri.inLavorazione()) {
            return Scaricamento.di(inLavorazione(avvisoId, filtri), formato, "domande-in-lavorazione-avviso-" + avvisoId);
        }
        TabellaLunga tabella = new TabellaLunga(testo("domande.esporta.titolo", Long.toString(avvisoId)), List.of(testo("domande.col.id"),
                testo("domande.esporta.col.cognome"), testo("domande.esporta.col.nome"),
                testo("domande.esporta.col.codiceFiscale"), testo("domande.col.comune"), testo("domande.col.isbar"),
                testo("domande.esporta.col.isbarDiLavoro"), testo("domande.esporta.col.indigente"),
                testo("domande.col.presentata"), testo("domande.col.stato")),
                riga -> elenchi.perLotti(avvisoId, utente.entiAbilitati(), utente.vedeTuttiGliEnti(), filtri.cerca(),
                        filtri.ordine(), Scaricamento.RIGHE_MASSIME, LOTTO, lotto -> lotto.forEach(d -> riga.accept(riga(d)))));
        return Scaricamento.di(tabella, formato, "domande-avviso-" + avvisoId);
    }

    private List<Object> riga(RigaDomanda d) {
        List<Object> riga = new ArrayList<>();
        riga.add(d.id());
        riga.add(d.cognome());
        riga.add(d.nome());
        riga.add(d.codiceFiscale());
        riga.add(d.comuneResidenza());
        riga.add(d.isbar());
        riga.add(d.isbarDiLavoro());
        riga.add(d.indigente());
        riga.add(ItalianFormats.dataOra(d.presentataIl()));
        riga.add(testo("domande.stato." + d.lavorazione().name()));
        return riga;
    }

    /** The open work of the avviso at the caller's enti: a short list, read whole as the page reads it. */
    private TabellaLunga inLavorazione(long avvisoId, FiltriDomande filtri) {
        List<DomandaInLavorazione> aperte = filtri.filtra(inLavorazione.elenco(avvisoId, filtri.domandaId()));
        return new TabellaLunga(testo("domande.esporta.titolo.inLavorazione", Long.toString(avvisoId)), List.of(testo("domande.col.id"),
                testo("domande.esporta.col.codiceFiscale"), testo("domande.esporta.col.isbarDiLavoro"),
                testo("domande.col.lavorazione"), testo("domande.col.ente"), testo("domande.col.scadenza"),
                testo("domande.esporta.col.giorni"), testo("domande.col.semaforo"), testo("domande.col.inCarico")),
                riga -> aperte.forEach(l -> {
                    List<Object> valori = new ArrayList<>();
                    valori.add(l.domandaId());
                    valori.add(l.richiedente());
                    valori.add(l.isbarDiLavoro());
                    valori.add(testo("domande.lavorazione." + l.lavorazione().name()));
                    valori.add(l.ente());
                    valori.add(l.scadenza() == null ? testo("domande.nessunaScadenza") : ItalianFormats.data(l.scadenza()));
                    valori.add(l.giorniRimasti());
                    valori.add(testo("domande.semaforo." + l.semaforo().name()));
                    valori.add(l.inCaricoA() == null ? testo("domande.nonInCarico") : l.inCaricoA());
                    riga.accept(valori);
                }));
    }

    private String testo(String chiave, Object... argomenti) {
        return messaggi.getMessage(chiave, argomenti, Locale.ITALIAN);
    }
}
