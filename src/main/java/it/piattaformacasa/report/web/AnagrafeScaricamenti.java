package it.piattaformacasa.report.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.ImportazioneAnagrafeService;
import it.piattaformacasa.anagrafe.AnagrafeService.RigaFabbricato;
import it.piattaformacasa.anagrafe.AnagrafeService.RigaNucleo;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.anagrafe.TracciatoAlloggi;
import it.piattaformacasa.anagrafe.web.FiltriAnagrafe;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.web.PaginaConsole;
import it.piattaformacasa.report.Tabella;

/**
 * «Scarica (.xlsx)» and «Scarica (.csv)» of the Anagrafe's lists in the console (issue 12): the whole list as its page
 * filters it (at most {@link #RIGHE_MASSIME} rows), through the same service and so with the same visibility. Here and
 * not in {@code anagrafe.web} because the report module depends on the anagrafe, not the other way round.
 */
@Controller
@PaginaConsole
class AnagrafeScaricamenti {

    /** At most this many rows in a download: the list filtered, not only its page. */
    static final int RIGHE_MASSIME = Scaricamento.RIGHE_MASSIME;

    private final AnagrafeService anagrafe;
    private final ImportazioneAnagrafeService importazioni;
    private final MessageSource messaggi;

    AnagrafeScaricamenti(AnagrafeService anagrafe, ImportazioneAnagrafeService importazioni, MessageSource messaggi) {
        this.anagrafe = anagrafe;
        this.importazioni = importazioni;
        this.messaggi = messaggi;
    }

    @GetMapping("/anagrafe/alloggi/esportazione")
    ResponseEntity<?> alloggi(FiltriAnagrafe.ParametriAlloggi parametri, @RequestParam(defaultValue = "xlsx") String formato) {
        formato(formato);
        FiltriAnagrafe.Alloggi filtri = FiltriAnagrafe.Alloggi.di(parametri);
        List<Alloggio> tutti = anagrafe.cercaAlloggi(filtri.ricerca(),
                PageRequest.of(0, RIGHE_MASSIME, filtri.ordine().sort(filtri.discendente()))).getContent();
        // seed 001's layout (TracciatoAlloggi): the «elenchi di dettaglio» of the three states are this list filtered by
        // stato, and the same file loads back through «Importa da Excel»
        List<List<Object>> righe = new ArrayList<>();
        for (Alloggio a : tutti) {
            righe.add(TracciatoAlloggi.riga(a));
        }
        Tabella tabella = new Tabella(testo("anagrafe.alloggi.titolo"), TracciatoAlloggi.intestazioni(), righe);
        return Scaricamento.di(tabella, null, formato, filtri.stato() == null ? "alloggi"
                : "alloggi-" + filtri.stato().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    @GetMapping("/anagrafe/fabbricati/esportazione")
    ResponseEntity<?> fabbricati(@RequestParam(required = false) String ente, @RequestParam(required = false) String comune,
                                 @RequestParam(defaultValue = "xlsx") String formato) {
        formato(formato);
        List<RigaFabbricato> tutti = anagrafe.fabbricati(FiltriAnagrafe.ente(ente), FiltriAnagrafe.comune(comune),
                PageRequest.of(0, RIGHE_MASSIME)).getContent();
        List<String> colonne = new ArrayList<>(List.of(testo("anagrafe.col.codiceFabbricato"), testo("anagrafe.col.indirizzo"),
                testo("anagrafe.col.zona"), testo("anagrafe.col.comune"), testo("anagrafe.col.ente"), testo("anagrafe.col.alloggi")));
        for (StatoAlloggio s : StatoAlloggio.values()) {
            colonne.add(stato(s));
        }
        List<List<Object>> righe = new ArrayList<>();
        for (RigaFabbricato f : tutti) {
            List<Object> riga = new ArrayList<>(List.of(f.codice(), f.indirizzo(), f.zonaLocalita() == null ? "" : f.zonaLocalita(),
                    f.comune(), f.ente(), f.alloggi()));
            for (StatoAlloggio s : StatoAlloggio.values()) {
                riga.add(f.perStato().getOrDefault(s, 0L));
            }
            righe.add(riga);
        }
        return Scaricamento.di(new Tabella(testo("anagrafe.fabbricati.titolo"), colonne, righe), null, formato, "fabbricati");
    }

    @GetMapping("/anagrafe/nuclei/esportazione")
    ResponseEntity<?> nuclei(@RequestParam(required = false) String ente, @RequestParam(required = false) String cerca,
                             @RequestParam(required = false) String cessati, @RequestParam(defaultValue = "xlsx") String formato) {
        formato(formato);
        boolean soloCessati = "true".equals(cessati);
        List<RigaNucleo> tutti = anagrafe.nucleiAssegnatari(FiltriAnagrafe.ente(ente), FiltriAnagrafe.cerca(cerca), soloCessati,
                PageRequest.of(0, RIGHE_MASSIME)).getContent();
        List<List<Object>> righe = new ArrayList<>();
        for (RigaNucleo n : tutti) {
            List<Object> riga = new ArrayList<>();
            riga.add(n.codiceUi());
            riga.add(n.indirizzo());
            riga.add(n.comune());
            riga.add(n.ente());
            riga.add(n.richiedenteCognome());
            riga.add(n.richiedenteNome());
            riga.add(n.richiedenteCodiceFiscale());
            riga.add(n.componenti());
            riga.add(n.registratoIl() == null ? null : ItalianFormats.dataOra(n.registratoIl()));
            if (soloCessati) {
                riga.add(n.terminatoIl() == null ? null : ItalianFormats.data(n.terminatoIl()));
                riga.add(n.motivoTermine());
            }
            righe.add(riga);
        }
        List<String> colonne = new ArrayList<>(List.of(testo("anagrafe.col.codice"),
                testo("anagrafe.col.indirizzo"), testo("anagrafe.col.comune"), testo("anagrafe.col.ente"),
                testo("anagrafe.col.cognome"), testo("anagrafe.col.nome"), testo("anagrafe.col.codiceFiscale"),
                testo("anagrafe.col.componenti"), testo("anagrafe.col.registrato")));
        if (soloCessati) {
            colonne.add(testo("anagrafe.campo.terminatoIl"));
            colonne.add(testo("anagrafe.campo.motivoTermine"));
        }
        Tabella tabella = new Tabella(testo(soloCessati ? "anagrafe.nuclei.cessati.titolo" : "anagrafe.nuclei.titolo"), colonne, righe);
        return Scaricamento.di(tabella, null, formato, "nuclei-assegnatari");
    }

    /** The refused rows of an import (issue 13), all of them, as the report page lists them. */
    @GetMapping("/anagrafe/importazione/{id}/scarti")
    ResponseEntity<?> scarti(@org.springframework.web.bind.annotation.PathVariable long id,
                             @RequestParam(defaultValue = "xlsx") String formato) {
        formato(formato);
        ImportazioneAnagrafeService.EsitoImportazione esito = importazioni.esito(id);
        List<List<Object>> righe = new ArrayList<>();
        for (ImportazioneAnagrafeService.Scarto s : esito.scarti()) {
            righe.add(List.of(s.riga(), s.colonna(), s.valore(), s.motivo()));
        }
        Tabella tabella = new Tabella(testo("anagrafe.importazione.scarti.titolo"), List.of(testo("foglioExcel.scarti.riga"),
                testo("foglioExcel.scarti.colonna"), testo("foglioExcel.scarti.valore"),
                testo("foglioExcel.scarti.motivo")), righe);
        return Scaricamento.di(tabella, null, formato, "righe-rifiutate-importazione-" + id);
    }

    private static void formato(String formato) {
        if (!formato.equals("xlsx") && !formato.equals("csv")) {
            throw DatiNonValidiException.campo("formato", "formato sconosciuto (ammessi: xlsx, csv)");
        }
    }

    private String stato(StatoAlloggio stato) {
        return testo("anagrafe.stato." + stato.name());
    }

    private String testo(String chiave) {
        return messaggi.getMessage(chiave, null, Locale.ITALIAN);
    }
}
