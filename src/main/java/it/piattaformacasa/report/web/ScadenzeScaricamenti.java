package it.piattaformacasa.report.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.report.TabellaLunga;
import it.piattaformacasa.scadenze.ScadenzaDiLegge;
import it.piattaformacasa.scadenze.ScadenzeDiLeggeService;
import it.piattaformacasa.scadenze.ScadenzeDiLeggeService.Elenco;
import it.piattaformacasa.scadenze.ScadenzeDiLeggeService.Filtro;
import it.piattaformacasa.scadenze.StatoScadenza;
import it.piattaformacasa.scadenze.TipoScadenza;
import it.piattaformacasa.scadenze.web.ScadenzeInParole;

/**
 * «Scarica (.xlsx)» and «Scarica (.csv)» of «Scadenze» (issue 12): every open legal deadline the page lists with its
 * filters (at most {@link Scaricamento#RIGHE_MASSIME}), overdue first, in the page's words. The filters are bound as
 * the page binds them (a value no link gives is the same 400) and the rows come from the same service, page after page:
 * supervisors and administrators every ente, an operator its enti (another ente's filter is 403), analysts 403.
 */
@Controller
@PaginaConsole
class ScadenzeScaricamenti {

    /** Deadlines read from the service at a time. */
    static final int LOTTO = 500;

    private final ScadenzeDiLeggeService scadenze;
    private final MessageSource messaggi;

    ScadenzeScaricamenti(ScadenzeDiLeggeService scadenze, MessageSource messaggi) {
        this.scadenze = scadenze;
        this.messaggi = messaggi;
    }

    @GetMapping("/scadenze/esportazione")
    ResponseEntity<byte[]> scadenze(@RequestParam(required = false) StatoScadenza stato, @RequestParam(required = false) Long ente,
                                    @RequestParam(required = false) TipoScadenza tipo,
                                    @RequestParam(defaultValue = "xlsx") String formato) {
        Scaricamento.controllaFormato(formato);
        Filtro filtro = new Filtro(stato, ente, tipo);
        // the first page here, before the file: who may not see these deadlines gets the page's refusal
        Elenco prima = scadenze.elenco(filtro, 0, LOTTO);
        TabellaLunga tabella = new TabellaLunga(testo("scadenze.esporta.titolo"), List.of(testo("scadenze.esporta.col.stato"),
                testo("scadenze.esporta.col.semaforo"), testo("scadenze.esporta.col.tipo"), testo("scadenze.esporta.col.termine"),
                testo("scadenze.col.entro"), testo("scadenze.esporta.col.ente"), testo("scadenze.esporta.col.comune"),
                testo("scadenze.esporta.col.pratica"), testo("scadenze.esporta.col.avviso"), testo("scadenze.col.chi"),
                testo("scadenze.esporta.col.gruppi"), testo("scadenze.segnalata")), riga -> {
                    Elenco pagina = prima;
                    int scritte = 0;
                    while (true) {
                        for (ScadenzaDiLegge s : pagina.righe()) {
                            if (scritte++ == Scaricamento.RIGHE_MASSIME) {
                                return;
                            }
                            riga.accept(riga(s, pagina.adesso()));
                        }
                        if (pagina.righe().isEmpty() || (long) (pagina.pagina() + 1) * LOTTO >= pagina.totale()) {
                            return;
                        }
                        pagina = scadenze.elenco(filtro, pagina.pagina() + 1, LOTTO);
                    }
                });
        return Scaricamento.di(tabella, formato, "scadenze-" + LocalDate.ofInstant(prima.adesso(), ItalianFormats.ZONE));
    }

    private List<Object> riga(ScadenzaDiLegge s, Instant adesso) {
        List<Object> riga = new ArrayList<>();
        riga.add(testo("scadenze.esporta.stato." + s.stato(adesso).name()));
        riga.add(ScadenzeInParole.semaforo(s.scadenza(), adesso));
        riga.add(s.tipo().etichetta());
        riga.add(s.termine());
        riga.add(ScadenzeInParole.quando(s.scadenza()));
        riga.add(s.ente());
        riga.add(s.comune());
        riga.add(s.pratica());
        riga.add(s.avviso());
        riga.add(s.presaInCaricoDa() != null ? messaggi.getMessage("scadenze.presa", new Object[] {s.presaInCaricoDa()}, Locale.ITALIAN)
                : s.taskId() != null ? testo("scadenze.nonPresa") : testo("scadenze.nessunoLaTiene"));
        riga.add(String.join(", ", s.gruppi()));
        riga.add(s.segnalata());
        return riga;
    }

    private String testo(String chiave) {
        return messaggi.getMessage(chiave, null, Locale.ITALIAN);
    }
}
