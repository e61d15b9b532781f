package it.piattaformacasa.assegnazione;

import java.util.List;

import org.springframework.stereotype.Component;

import it.piattaformacasa.report.StatoAssegnazioniAnnuale;
import it.piattaformacasa.report.Tabella;

/** The «stato delle assegnazioni» as a table: the API's download, the Riserve page's and the console's «Report». */
@Component
public class TabellaStatoAssegnazioni implements StatoAssegnazioniAnnuale {

    private final PianoRiserveService piani;

    TabellaStatoAssegnazioni(PianoRiserveService piani) {
        this.piani = piani;
    }

    @Override
    public Tabella tabella(long enteId, int anno) {
        return di(piani.statoAssegnazioni(enteId, anno));
    }

    public static Tabella di(List<PianoRiserveService.StatoRiserva> stato) {
        return new Tabella("Stato delle assegnazioni", List.of("Comune", "Riserva", "Alloggi riservati",
                "Alloggi assegnati nell'anno"), stato.stream().map(r -> List.<Object>of(r.comune(), r.riserva(), r.riservati(),
                r.assegnati())).toList());
    }
}
