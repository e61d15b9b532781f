package it.piattaformacasa.marche.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import it.piattaformacasa.marche.Bando;
import it.piattaformacasa.marche.BrogliaccioBando;
import it.piattaformacasa.marche.GraduatoriaBandoService;
import it.piattaformacasa.report.Tabella;
import it.piattaformacasa.report.TabellaLunga;

/**
 * The Excel files of a Marche bando (seed 004, «Stampa» and «Stampa brogliaccio») through the platform's
 * {@link TabellaLunga} (streamed, columns measured on the first rows: autosizing 5 000 rows took seconds): numbers as numbers with their decimals, dates as date cells (gg/mm/aaaa), «Sì»/«No», formulas
 * neutralised. File names name the bando: {@code graduatoria-bando-113-2041.xlsx}.
 */
final class StampeMarche {

    static final List<String> COLONNE_GRADUATORIA = List.of("Posizione", "Posizione calcolata", "Numero domanda", "Nominativo",
            "Data presentazione", "Punteggio di lavoro", "Punteggio definitivo", "Punteggio variato dopo la definitiva",
            "Alloggio", "Anno di assegnazione", "Spostamento manuale: motivo", "Spostata da", "Fase");

    private StampeMarche() {
    }

    static TabellaLunga graduatoria(GraduatoriaBandoService.Graduatoria g) {
        List<List<Object>> righe = new ArrayList<>();
        for (GraduatoriaBandoService.Posizione p : g.posizioni()) {
            List<Object> r = new ArrayList<>();
            r.add(p.posizione());
            r.add(p.posizioneCalcolata());
            r.add(p.numero());
            r.add(p.nominativo());
            r.add(Tabella.Data.di(p.dataPresentazione()));
            r.add(p.punteggioLavoro());
            r.add(p.punteggioDefinitivo());
            r.add(p.punteggioVariato());
            r.add(p.alloggioAssegnato() ? "Assegnato" : "Non assegnato");
            r.add(p.annoAssegnazione());
            r.add(p.motivoSpostamento());
            r.add(p.spostataDa());
            r.add(g.fase().etichetta());
            righe.add(r);
        }
        return new TabellaLunga("Graduatoria " + g.fase().etichetta().toLowerCase(), COLONNE_GRADUATORIA, righe::forEach);
    }

    static TabellaLunga brogliaccio(BrogliaccioBando.Foglio foglio) {
        return new TabellaLunga("Brogliaccio", foglio.colonne(), riga -> foglio.righe().forEach(r -> riga.accept(
                r.stream().map(v -> v instanceof LocalDate d ? (Object) new Tabella.Data(d) : v).toList())));
    }

    /** «graduatoria-bando-113-2041»: the bando's number and year, only letters, digits and «-». */
    static String file(String cosa, Bando bando) {
        return cosa + "-bando-" + bando.numero().replaceAll("[^A-Za-z0-9-]", "-") + "-" + bando.anno();
    }
}
