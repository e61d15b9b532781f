package it.piattaformacasa.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.Termini;
import it.piattaformacasa.operatori.TipoAbilitazione;
import it.piattaformacasa.piano.ComunicazioneAnnuale;
import it.piattaformacasa.piano.PianoAnnuale;
import it.piattaformacasa.piano.ProgrammazioneService;

/**
 * The demo ambito's annual plans (issue 13, seed 001), so that whoever opens «Programmazione» on a fresh demo finds
 * the plans in the states the workshop describes: last year's approved, its reserves written, and this year's with
 * its window open and every ente's scheda received but one. Each is written as it would have happened: by the demo
 * operators through {@link ProgrammazioneService}, as the API calls it, the timers fired when due, each step at its own
 * date (the platform's time is taken back to it, ADR 11) — so the trail, the Tasklist and the engine are real.
 *
 * <p>A plan is created only if the ambito has none of that year, in whatever state (a plan cancelled in the demo stays
 * cancelled); each plan is one transaction, so a start interrupted halfway writes it whole on the next one.
 */
@Component
class PianiDemo {

    private static final Logger LOG = LoggerFactory.getLogger(PianiDemo.class);

    private final ProgrammazioneService programmazione;
    private final StoriaDemoProcesso motore;
    private final OrologioDemoService orologio;
    private final OperatoreDemo chi;
    private final TransactionTemplate tx;
    private final Clock clock;

    PianiDemo(ProgrammazioneService programmazione, StoriaDemoProcesso motore, OrologioDemoService orologio,
              OperatoreDemo chi, TransactionTemplate tx, Clock clock) {
        this.programmazione = programmazione;
        this.motore = motore;
        this.orologio = orologio;
        this.chi = chi;
        this.tx = tx;
        this.clock = clock;
    }

    /** Creates the plans the ambito lacks; returns how many. */
    int carica(String ambito) {
        if (motore.lavoriInEsecuzione()) {
            // the platform's time goes back while the history is written: never under a running job executor, whose
            // locks and due dates read the same clock
            LOG.warn("Piani annuali della demo non caricati: il job executor è già avviato");
            return 0;
        }
        Instant adesso = clock.instant();
        int anno = Termini.giorno(adesso).getYear();
        int creati = 0;
        if (manca(ambito, anno - 1)) {
            scrivi(() -> pianoApprovato(ambito, anno - 1, adesso));
            creati++;
        }
        if (manca(ambito, anno)) {
            scrivi(() -> pianoAperto(ambito, anno, adesso));
            creati++;
        }
        return creati;
    }

    private boolean manca(String ambito, int anno) {
        return come(capofila(), () -> programmazione.piani(ambito, anno)).isEmpty();
    }

    /** One transaction per plan; the platform's time back to the demo's whatever happens. */
    private void scrivi(Runnable storia) {
        try {
            tx.executeWithoutResult(status -> storia.run());
        } finally {
            orologio.riprendi();
        }
    }

    /**
     * Last year's plan, the whole cycle: predisposed in February, window in March, each ente certifies its Anagrafe and
     * sends its scheda, the window closes, the plan is approved in April (the reserves of the year written), the year ends.
     */
    private void pianoApprovato(String ambito, int anno, Instant adesso) {
        alle(LocalDate.of(anno, 2, 10), LocalTime.of(9, 30));
        PianoAnnuale piano = come(capofila(), () -> programmazione.predisponi(ambito, anno, LocalDate.of(anno, 3, 1),
                LocalDate.of(anno, 3, 31)));
        orologio.portaPerLaStoria(piano.aperturaComunicazioni());
        motore.apriComunicazioni(piano.id());
        List<String> enti = DatiDemo.SCHEDE_ANNO_PRECEDENTE.stream().map(DatiDemo.DatiScheda::cfEnte).distinct().toList();
        for (int i = 0; i < enti.size(); i++) {
            String ente = enti.get(i);
            alle(LocalDate.of(anno, 3, 2 + i), LocalTime.of(10, 15));
            motore.certificaAnagrafe(ente, anno, operatore(ente), "Anagrafe aggiornata per il piano annuale " + anno);
        }
        List<Instant> invii = new ArrayList<>();
        for (int i = 0; i < DatiDemo.SCHEDE_ANNO_PRECEDENTE.size(); i++) {
            invii.add(istante(LocalDate.of(anno, 3, 9 + 4 * i), LocalTime.of(11, 20 + 7 * i)));
        }
        invia(piano, DatiDemo.SCHEDE_ANNO_PRECEDENTE, invii);
        orologio.portaPerLaStoria(piano.chiusuraComunicazioni());
        motore.chiudiComunicazioni(piano.id());
        // the Assemblea dei sindaci deliberates, the capofila approves a few days later
        alle(LocalDate.of(anno, 4, 22), LocalTime.of(11, 0));
        come(capofila(), () -> programmazione.approva(piano.id(), "4/" + anno, LocalDate.of(anno, 4, 17)));
        Instant fineAnno = piano.fineAnno();
        if (fineAnno.isBefore(adesso)) {
            orologio.portaPerLaStoria(fineAnno);
            motore.concludiAnno(piano.id());
        }
        LOG.info("Piano annuale {} della demo: approvato, riserve dell'anno impostate", anno);
    }

    /**
     * This year's plan: predisposed a few days before its window, which opened up to nine days ago (not before the
     * year) and stays open two more weeks (not past the year); every scheda but one has arrived since it opened.
     */
    private void pianoAperto(String ambito, int anno, Instant adesso) {
        LocalDate oggi = Termini.giorno(adesso);
        LocalDate inizio = max(LocalDate.of(anno, 1, 1), oggi.minusDays(9));
        LocalDate fine = min(LocalDate.of(anno, 12, 31), oggi.plusDays(14));
        alle(inizio.minusDays(6), LocalTime.of(9, 30));
        PianoAnnuale piano = come(capofila(), () -> programmazione.predisponi(ambito, anno, inizio, fine));
        Instant apertura = piano.aperturaComunicazioni();
        orologio.portaPerLaStoria(apertura);
        motore.apriComunicazioni(piano.id());
        // one a day from the day after the opening, in office hours; squeezed before now when the window opened today
        List<DatiDemo.DatiScheda> schede = DatiDemo.SCHEDE_ANNO_CORRENTE;
        List<Instant> invii = new ArrayList<>();
        Instant precedente = apertura;
        for (int i = 0; i < schede.size(); i++) {
            Instant giorno = istante(inizio.plusDays(i + 1L), LocalTime.of(9, 40 + 5 * i));
            Instant invio = giorno.isAfter(precedente) && giorno.isBefore(adesso) ? giorno
                    : precedente.plus(Duration.between(precedente, adesso).dividedBy(schede.size() - i + 1L));
            invii.add(invio);
            precedente = invio;
        }
        invia(piano, schede, invii);
        LOG.info("Piano annuale {} della demo: comunicazioni aperte fino al {}", anno, ItalianFormats.data(fine));
    }

    /** Each scheda sent by its ente's operator at its instant (in order), for the plan's communication of that comune. */
    private void invia(PianoAnnuale piano, List<DatiDemo.DatiScheda> schede, List<Instant> quando) {
        Map<String, ComunicazioneAnnuale> perEnteEComune = programmazione.comunicazioni(piano.id()).stream()
                .collect(Collectors.toMap(c -> c.codiceFiscaleEnte() + "/" + c.codiceIstatComune(), c -> c));
        for (int i = 0; i < schede.size(); i++) {
            DatiDemo.DatiScheda scheda = schede.get(i);
            ComunicazioneAnnuale comunicazione = perEnteEComune.get(scheda.cfEnte() + "/" + scheda.istat());
            if (comunicazione == null) {
                // the ente no longer has units in that comune: nothing to communicate there
                continue;
            }
            orologio.portaPerLaStoria(quando.get(i));
            come(operatore(scheda.cfEnte()), () -> programmazione.comunica(piano.id(), comunicazione.id(), scheda.dati()));
        }
    }

    private void alle(LocalDate giorno, LocalTime ora) {
        orologio.portaPerLaStoria(istante(giorno, ora));
    }

    private static Instant istante(LocalDate giorno, LocalTime ora) {
        return giorno.atTime(ora).atZone(ItalianFormats.ZONE).toInstant();
    }

    /** The demo's operator with «Gestione Avviso» for the ente: who sends its scheda and certifies its Anagrafe. */
    private static String operatore(String cfEnte) {
        return DatiDemo.OPERATORI.stream()
                .filter(o -> o.abilitazioni().stream().anyMatch(a -> a.cfEnte().equals(cfEnte)
                        && a.tipo() == TipoAbilitazione.GESTIONE_AVVISO))
                .findFirst().orElseThrow().username();
    }

    private static String capofila() {
        return operatore(DatiDemo.CF_COMUNE_VARESE);
    }

    private <T> T come(String username, Supplier<T> azione) {
        return chi.come(username, azione);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
