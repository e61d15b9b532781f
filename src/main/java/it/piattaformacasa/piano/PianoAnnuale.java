package it.piattaformacasa.piano;

import java.time.Instant;
import java.time.LocalDate;

import it.piattaformacasa.common.Termini;

/**
 * The «scheda programmazione annuale» (seed 001, fase 2): an ambito's (piano di zona's) plan of the housing offer for
 * a reference year, with the window in which its enti send their communications.
 */
public record PianoAnnuale(long id, long ambitoId, String codiceAmbito, String ambito, int anno, LocalDate inizioComunicazioni,
                           LocalDate fineComunicazioni, StatoPiano stato, String numeroDelibera, LocalDate dataDelibera,
                           Instant approvatoIl, String approvatoDa, Instant creatoIl, String creatoDa, Instant aggiornatoIl,
                           String aggiornatoDa) {

    /** The first instant of the window: the start of its first day in Rome. */
    public Instant aperturaComunicazioni() {
        return inizioComunicazioni.atStartOfDay(it.piattaformacasa.common.ItalianFormats.ZONE).toInstant();
    }

    /** The instant the window closes: the end of its last day in Rome (whole days, as every term). */
    public Instant chiusuraComunicazioni() {
        return Termini.fineDel(fineComunicazioni);
    }

    /** The end of the reference year: the approved plan stays in force until then. */
    public Instant fineAnno() {
        return Termini.fineDel(LocalDate.of(anno, 12, 31));
    }

    /** The «ID» the scheda shows and the pages link to. */
    public String pagina() {
        return "/programmazione/" + id;
    }
}
