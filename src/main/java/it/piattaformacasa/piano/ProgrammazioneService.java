package it.piattaformacasa.piano;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.Ambito;
import it.piattaformacasa.anagrafe.CertificazioneAnagrafeService;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.anagrafe.RegioneProfilo;
import it.piattaformacasa.anagrafe.TipoEnte;
import it.piattaformacasa.assegnazione.PianoRiserveService;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.Termini;
import it.piattaformacasa.common.TestoSicuro;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.piano.ComunicazioneAnnuale.Dati;

/**
 * Programmazione annuale dell'offerta abitativa (seed 001, issue 13). The Comune capofila of an ambito predisposes the
 * scheda (year, window, piano di zona), each ente of the ambito sends its «schema comunicazione annuale» during the
 * window, the capofila approves the plan after the Assemblea dei sindaci or reopens the window. The approved counts
 * and thresholds become the year's reserves of each ente and comune, written through {@link PianoRiserveService} —
 * the same service as {@code PUT /api/enti/{id}/riserve/{anno}/{comune}} — with the approver and the plan.
 *
 * <p>Who: the capofila's operators with «Gestione Avviso» act on the plan; each ente's Gestione Avviso operators send
 * only their own scheda; every operator of an ente of the ambito reads the plan; supervisors, administrators and
 * analysts read every plan (the Anagrafe's figures, no personal data). Another ambito's plan does not exist (404).
 *
 * <p>The steps the process takes (window opened, closed, reopened, plan approved) are the {@code registra…} methods,
 * called by its delegates; the API's methods check who and what, then move the process, whose step writes in the
 * same transaction — a refusal there leaves nothing written.
 */
@Service
public class ProgrammazioneService {

    /** A line of the plan's audit trail. */
    public record VoceRegistro(Instant quando, String chi, String azione, String dettaglio) {
    }

    /** The plan as its page shows it: the scheda, the enti's communications, the trail, what the caller may do. */
    public record Scheda(PianoAnnuale piano, List<ComunicazioneAnnuale> comunicazioni, Map<Long, Instant> certificazioni,
                         List<VoceRegistro> registro, boolean capofila, Set<Long> comunicazioniDelChiamante,
                         Set<Long> comunicazioniAperte, Instant adesso) {

        public long inRitardo() {
            return comunicazioni.stream().filter(c -> c.inRitardo(piano, adesso)).count();
        }

        public long ricevute() {
            return comunicazioni.stream().filter(ComunicazioneAnnuale::ricevuta).count();
        }
    }

    /** A plan in a list, with how many communications arrived and how many enti are late. */
    public record PianoInElenco(PianoAnnuale piano, int comunicazioni, int ricevute, int inRitardo, List<String> entiInRitardo) {
    }

    private final JdbcTemplate jdbc;
    private final AnagrafeService anagrafe;
    private final CertificazioneAnagrafeService certificazioni;
    private final PianoRiserveService riserve;
    private final PianoAnnualeProcesso processo;
    private final UtenteCorrente utente;
    private final Clock clock;

    ProgrammazioneService(JdbcTemplate jdbc, AnagrafeService anagrafe, CertificazioneAnagrafeService certificazioni,
                          PianoRiserveService riserve, PianoAnnualeProcesso processo, UtenteCorrente utente, Clock clock) {
        this.jdbc = jdbc;
        this.anagrafe = anagrafe;
        this.certificazioni = certificazioni;
        this.riserve = riserve;
        this.processo = processo;
        this.utente = utente;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------- fase 2: predisposizione

    /** «Salva» of a new scheda: the capofila sets year and window; the enti's communications are listed, empty. */
    @Transactional
    public PianoAnnuale predisponi(String codiceAmbito, Integer anno, LocalDate inizio, LocalDate fine) {
        Ambito ambito = ambitoVisibile(codiceAmbito);
        EnteProprietario capofila = capofila(ambito);
        verificaCapofila(capofila);
        validaFinestra(anno, inizio, fine, true);
        Long esistente = jdbc.query("select id from piano_annuale where ambito_id = ? and anno = ? and stato <> 'ANNULLATO'",
                (rs, n) -> rs.getLong(1), ambito.getId(), anno).stream().findFirst().orElse(null);
        if (esistente != null) {
            throw new ConflittoException("L'ambito " + ambito.getNome() + " ha già il piano annuale " + anno + " (n. " + esistente
                    + "): si modifica quello, o lo si annulla");
        }
        Instant adesso = Instant.now(clock);
        long id;
        try {
            id = jdbc.queryForObject("""
                    insert into piano_annuale (ambito_id, anno, inizio_comunicazioni, fine_comunicazioni, stato, creato_il,
                                               creato_da, aggiornato_il, aggiornato_da)
                    values (?, ?, ?, ?, 'PREDISPOSTO', ?, ?, ?, ?) returning id""", Long.class, ambito.getId(), anno,
                    Date.valueOf(inizio), Date.valueOf(fine), Timestamp.from(adesso), utente.username(), Timestamp.from(adesso),
                    utente.username());
        } catch (DuplicateKeyException e) {
            throw new ConflittoException("L'ambito " + ambito.getNome() + " ha già il piano annuale " + anno);
        }
        elencaComunicazioni(id, ambito);
        registra(id, utente.username(), "PREDISPOSTO", "Anno " + anno + ", comunicazioni dal " + ItalianFormats.data(inizio)
                + " al " + ItalianFormats.data(fine));
        PianoAnnuale piano = piano(id);
        processo.avvia(piano);
        return piano;
    }

    /** «Salva» again: before the window opens, its dates may change; afterwards the window changes by reopening it. */
    @Transactional
    public PianoAnnuale salva(long id, LocalDate inizio, LocalDate fine) {
        PianoAnnuale piano = pianoPerIlCapofila(id);
        if (piano.stato() != StatoPiano.PREDISPOSTO) {
            throw new ConflittoException("Il piano " + id + " è «" + piano.stato().etichetta() + "»: le date si cambiano solo "
                    + "prima dell'apertura delle comunicazioni; dopo la chiusura il capofila riapre la finestra");
        }
        validaFinestra(piano.anno(), inizio, fine, true);
        jdbc.update("""
                update piano_annuale set inizio_comunicazioni = ?, fine_comunicazioni = ?, aggiornato_il = ?, aggiornato_da = ?
                 where id = ?""", Date.valueOf(inizio), Date.valueOf(fine), Timestamp.from(Instant.now(clock)), utente.username(), id);
        registra(id, utente.username(), "SALVATO", "Comunicazioni dal " + ItalianFormats.data(inizio) + " al "
                + ItalianFormats.data(fine));
        PianoAnnuale salvato = piano(id);
        processo.ripianifica(salvato);
        return salvato;
    }

    /** «Annulla»: a plan not yet approved is cancelled and its process ends; an approved one is reopened instead. */
    @Transactional
    public PianoAnnuale annulla(long id) {
        PianoAnnuale piano = pianoPerIlCapofila(id);
        if (piano.stato() == StatoPiano.APPROVATO || piano.stato() == StatoPiano.ANNULLATO) {
            throw new ConflittoException("Il piano " + id + " è «" + piano.stato().etichetta() + "»: "
                    + (piano.stato() == StatoPiano.APPROVATO ? "un piano approvato non si annulla, si riapre" : "è già annullato"));
        }
        cambiaStato(id, StatoPiano.ANNULLATO, utente.username());
        registra(id, utente.username(), "ANNULLATO", null);
        processo.annulla(id);
        return piano(id);
    }

    // ------------------------------------------------------------------------------------------- fase 3: ricognizione

    /**
     * An ente sends its «schema comunicazione annuale» from the API or the console: the ente's Gestione Avviso
     * operators, while the window is open for it. The task is completed with the scheda's fields; its step records them.
     */
    @Transactional
    public ComunicazioneAnnuale comunica(long pianoId, long comunicazioneId, Dati dati) {
        PianoAnnuale piano = pianoVisibile(pianoId);
        ComunicazioneAnnuale comunicazione = comunicazione(pianoId, comunicazioneId);
        if (!utente.entiGestioneAvviso().contains(comunicazione.enteId())) {
            throw new AccessoNegatoException("La comunicazione di " + comunicazione.ente() + " la inviano i suoi operatori "
                    + "con la gestione avviso");
        }
        verificaFinestraAperta(piano, comunicazione);
        List<Errore> errori = SchemaComunicazione.valida(dati, comunicazione.delComune());
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        processo.completaComunicazione(pianoId, comunicazioneId, utente.username(),
                SchemaComunicazione.campiDelModulo(SchemaComunicazione.normalizzati(dati)));
        return comunicazione(pianoId, comunicazioneId);
    }

    private void verificaFinestraAperta(PianoAnnuale piano, ComunicazioneAnnuale comunicazione) {
        if (piano.stato() != StatoPiano.APERTO) {
            throw new ConflittoException("Il piano " + piano.id() + " è «" + piano.stato().etichetta() + "»: le comunicazioni si "
                    + "inviano solo mentre è aperto" + (piano.stato() == StatoPiano.CHIUSO
                    ? "; per una comunicazione in ritardo il Comune capofila riapre la finestra" : ""));
        }
        if (!processo.comunicazioneAperta(piano.id(), comunicazione.id())) {
            throw new ConflittoException("La comunicazione di " + comunicazione.ente() + " per " + comunicazione.comune()
                    + " è già stata inviata il " + ItalianFormats.dataOra(comunicazione.ricevutaIl())
                    + ": per correggerla il Comune capofila riapre la finestra dopo la chiusura");
        }
    }

    // ------------------------------------------------------------------------------------------- fase 4: approvazione

    /**
     * «Approva»: after the Assemblea dei sindaci, with its deliberation. Only a CHIUSO plan (the window over); the
     * process step writes the reserves of every communication received.
     */
    @Transactional
    public PianoAnnuale approva(long id, String numeroDelibera, LocalDate dataDelibera) {
        PianoAnnuale piano = pianoPerIlCapofila(id);
        if (piano.stato() != StatoPiano.CHIUSO) {
            throw new ConflittoException("Il piano " + id + " è «" + piano.stato().etichetta() + "»: si approva quando la finestra "
                    + "delle comunicazioni è chiusa");
        }
        List<Errore> errori = validaDelibera(piano, numeroDelibera, dataDelibera);
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        Map<String, Object> campi = new LinkedHashMap<>();
        campi.put(CampiDecisione.ESITO, CampiDecisione.APPROVA);
        campi.put(CampiDecisione.NUMERO_DELIBERA, numeroDelibera.strip());
        campi.put(CampiDecisione.DATA_DELIBERA, dataDelibera.toString());
        processo.completaDecisione(id, utente.username(), campi);
        return piano(id);
    }

    /**
     * «Riapri»: the window opens again until {@code nuovaFine} for the enti to send or correct their communications —
     * from a CHIUSO plan, or from an APPROVATO one (a change after approval is a reopening: the plan is approved again
     * and writes the reserves again). Audited with who and when.
     */
    @Transactional
    public PianoAnnuale riapri(long id, LocalDate nuovaFine) {
        PianoAnnuale piano = pianoPerIlCapofila(id);
        if (piano.stato() != StatoPiano.CHIUSO && piano.stato() != StatoPiano.APPROVATO) {
            throw new ConflittoException("Il piano " + id + " è «" + piano.stato().etichetta() + "»: si riapre un piano chiuso "
                    + "o approvato");
        }
        List<Errore> errori = validaRiapertura(piano, nuovaFine);
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        if (piano.stato() == StatoPiano.CHIUSO) {
            processo.completaDecisione(id, utente.username(), Map.of(CampiDecisione.ESITO, CampiDecisione.RIAPRI,
                    CampiDecisione.NUOVA_FINE, nuovaFine.toString()));
        } else {
            processo.riapriDopoApprovazione(id, nuovaFine, utente.username());
        }
        return piano(id);
    }

    // ------------------------------------------------------------------------------------------- the process's steps

    /** The window opens: the plan is APERTO, every ente gets its communication and the request to certify its Anagrafe. */
    @Transactional
    public List<Long> registraApertura(long id) {
        PianoAnnuale piano = piano(id);
        if (piano.stato() != StatoPiano.PREDISPOSTO) {
            throw new ConflittoException("Il piano " + id + " è «" + piano.stato().etichetta() + "»: non si apre di nuovo");
        }
        elencaComunicazioni(id, anagrafe.ambito(piano.codiceAmbito()));
        cambiaStato(id, StatoPiano.APERTO, "sistema");
        registra(id, "sistema", "APERTO", "Comunicazioni fino al " + ItalianFormats.data(piano.fineComunicazioni()));
        // seed 001, fase 3: each ente certifies its Anagrafe data (the existing certification, one per ente and year)
        Set<Long> enti = new LinkedHashSet<>(comunicazioni(id).stream().map(ComunicazioneAnnuale::enteId).toList());
        for (long ente : enti) {
            if (!certificazioni.richiestaOCertificata(ente, piano.anno())) {
                certificazioni.richiediComeSistema(ente, piano.anno());
            }
        }
        return idComunicazioni(id);
    }

    /** The window is over (its timer): CHIUSO, and the capofila decides. */
    @Transactional
    public void registraChiusura(long id) {
        PianoAnnuale piano = piano(id);
        if (piano.stato() != StatoPiano.APERTO) {
            throw new ConflittoException("Il piano " + id + " è «" + piano.stato().etichetta() + "»: non è aperto");
        }
        cambiaStato(id, StatoPiano.CHIUSO, "sistema");
        Instant adesso = Instant.now(clock);
        List<String> mancanti = comunicazioni(id).stream().filter(c -> !c.ricevuta()).map(c -> c.ente() + " (" + c.comune() + ")")
                .toList();
        registra(id, "sistema", "CHIUSO", mancanti.isEmpty() ? "Tutte le comunicazioni ricevute"
                : "Comunicazioni mancanti: " + String.join(", ", mancanti));
        jdbc.update("update piano_annuale set aggiornato_il = ? where id = ?", Timestamp.from(adesso), id);
    }

    /** The ente's task completed (Tasklist or API): the scheda is recorded with the date and time it was received. */
    @Transactional
    public void registraComunicazione(long comunicazioneId, Dati dati, String operatore) {
        ComunicazioneAnnuale comunicazione = comunicazioneDiSistema(comunicazioneId);
        PianoAnnuale piano = piano(comunicazione.pianoId());
        if (piano.stato() != StatoPiano.APERTO) {
            throw new ConflittoException("Il piano " + piano.id() + " non è aperto alle comunicazioni");
        }
        List<Errore> errori = SchemaComunicazione.valida(dati, comunicazione.delComune());
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        Dati d = SchemaComunicazione.normalizzati(dati);
        Instant adesso = Instant.now(clock);
        jdbc.update("""
                update comunicazione_annuale set ricevuta_il = ?, inviata_da = ?, alloggi_disponibili = ?, alloggi_turn_over = ?,
                       alloggi_carenza_manutentiva = ?, alloggi_nuova_edificazione = ?, alloggi_transitori = ?,
                       alloggi_assegnati_anno_precedente = ?, alloggi_conferiti_privati = ?, altra_categoria = ?,
                       soglia_anziani = ?, soglia_monoparentali = ?, soglia_disabili = ?, soglia_nuova_formazione = ?,
                       soglia_altra_categoria = ?, soglia_forze_polizia = ?, soglia_polizia_locale = ?, soglia_indigenti = ?
                 where id = ?""", Timestamp.from(adesso), operatore, d.alloggiDisponibili(), d.alloggiTurnOver(),
                d.alloggiCarenzaManutentiva(), d.alloggiNuovaEdificazione(), d.alloggiTransitori(),
                d.alloggiAssegnatiAnnoPrecedente(), d.alloggiConferitiPrivati(), d.altraCategoria(), d.sogliaAnziani(),
                d.sogliaMonoparentali(), d.sogliaDisabili(), d.sogliaNuovaFormazione(), d.sogliaAltraCategoria(),
                d.sogliaForzePolizia(), d.sogliaPoliziaLocale(), d.sogliaIndigenti(), comunicazioneId);
        registra(piano.id(), operatore, "COMUNICAZIONE_RICEVUTA", comunicazione.ente() + " (" + comunicazione.comune() + "): "
                + d.alloggiDisponibili() + " unità disponibili");
    }

    /**
     * The plan approved (the capofila's task): the deliberation recorded, and the reserves of the year written for each
     * ente and comune whose communication arrived, through the reserves' own service, with the approver and the plan.
     * Enti that sent nothing keep what they have (their own setting, or a previous plan's).
     */
    @Transactional
    public void registraApprovazione(long id, String numeroDelibera, LocalDate dataDelibera, String operatore) {
        PianoAnnuale piano = piano(id);
        if (piano.stato() != StatoPiano.CHIUSO) {
            throw new ConflittoException("Il piano " + id + " è «" + piano.stato().etichetta() + "»: non si approva");
        }
        List<Errore> errori = validaDelibera(piano, numeroDelibera, dataDelibera);
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        Instant adesso = Instant.now(clock);
        jdbc.update("""
                update piano_annuale set stato = 'APPROVATO', numero_delibera = ?, data_delibera = ?, approvato_il = ?,
                       approvato_da = ?, aggiornato_il = ?, aggiornato_da = ? where id = ?""", numeroDelibera.strip(),
                Date.valueOf(dataDelibera), Timestamp.from(adesso), operatore, Timestamp.from(adesso), operatore, id);
        registra(id, operatore, "APPROVATO", "Delibera dell'Assemblea dei sindaci n. " + numeroDelibera.strip() + " del "
                + ItalianFormats.data(dataDelibera));
        List<String> scritte = new ArrayList<>();
        for (ComunicazioneAnnuale c : comunicazioni(id)) {
            if (!c.ricevuta()) {
                continue;
            }
            PianoRiserveService.QuoteAnnuali quote = riserve.impostaDalPiano(c.enteId(), piano.anno(), c.codiceIstatComune(),
                    SchemaComunicazione.impostazione(c.dati()), id, operatore);
            scritte.add(c.ente() + " (" + c.comune() + "): " + quote.impostazione().alloggiDisponibili() + " unità, indigenti "
                    + quote.riserve().indigenti() + ", categorie " + quote.riserve().categorie() + ", Forze di Polizia "
                    + quote.riserve().forzePolizia() + ", Polizia Locale " + quote.riserve().poliziaLocale());
        }
        String dettaglio = "Riserve " + piano.anno() + " impostate dal piano: " + (scritte.isEmpty() ? "nessuna comunicazione ricevuta"
                : String.join("; ", scritte));
        registra(id, operatore, "RISERVE_IMPOSTATE", dettaglio.length() > 2000 ? dettaglio.substring(0, 1999) + "…" : dettaglio);
    }

    /** The window reopened until {@code nuovaFine}, from CHIUSO or APPROVATO (the capofila's decision, or a message). */
    @Transactional
    public List<Long> registraRiapertura(long id, LocalDate nuovaFine, String operatore) {
        PianoAnnuale piano = piano(id);
        if (piano.stato() != StatoPiano.CHIUSO && piano.stato() != StatoPiano.APPROVATO) {
            throw new ConflittoException("Il piano " + id + " è «" + piano.stato().etichetta() + "»: non si riapre");
        }
        List<Errore> errori = validaRiapertura(piano, nuovaFine);
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        jdbc.update("""
                update piano_annuale set stato = 'APERTO', fine_comunicazioni = ?, aggiornato_il = ?, aggiornato_da = ?
                 where id = ?""", Date.valueOf(nuovaFine), Timestamp.from(Instant.now(clock)), operatore, id);
        registra(id, operatore, "RIAPERTO", (piano.stato() == StatoPiano.APPROVATO ? "Piano approvato riaperto" : "Finestra riaperta")
                + ": comunicazioni fino al " + ItalianFormats.data(nuovaFine));
        return idComunicazioni(id);
    }

    // ------------------------------------------------------------------------------------------- reading

    /** The plans the caller may see, newest year first; {@code ambito} and {@code anno} filter when given. */
    @Transactional(readOnly = true)
    public List<PianoInElenco> piani(String codiceAmbito, Integer anno) {
        Instant adesso = Instant.now(clock);
        List<PianoInElenco> elenco = new ArrayList<>();
        for (PianoAnnuale piano : jdbc.query(SELECT_PIANO + " where (?::varchar is null or a.codice = ?) and (?::integer is null or p.anno = ?)"
                + " order by p.anno desc, a.nome, p.id desc", this::mappaPiano, codiceAmbito, codiceAmbito, anno, anno)) {
            if (!vedePiano(piano)) {
                continue;
            }
            List<ComunicazioneAnnuale> comunicazioni = comunicazioni(piano.id());
            List<String> inRitardo = comunicazioni.stream().filter(c -> c.inRitardo(piano, adesso))
                    .map(c -> c.ente() + " (" + c.comune() + ")").toList();
            elenco.add(new PianoInElenco(piano, comunicazioni.size(), (int) comunicazioni.stream().filter(ComunicazioneAnnuale::ricevuta)
                    .count(), inRitardo.size(), inRitardo));
        }
        return elenco;
    }

    /** The ambiti whose plans the caller may predispose (the capofila's Gestione Avviso operators). */
    @Transactional(readOnly = true)
    public List<Ambito> ambitiDelCapofila() {
        return anagrafe.ambiti().stream().filter(a -> capofilaDi(a).map(c -> utente.entiGestioneAvviso().contains(c.getId()))
                .orElse(false)).toList();
    }

    @Transactional(readOnly = true)
    public Scheda scheda(long id) {
        PianoAnnuale piano = pianoVisibile(id);
        List<ComunicazioneAnnuale> comunicazioni = comunicazioni(id);
        Map<Long, Instant> certificate = new LinkedHashMap<>();
        jdbc.query("select ente_id, certificata_il from certificazione_anagrafe where anno = ? and ente_id in "
                        + "(select ente_id from comunicazione_annuale where piano_id = ?)",
                (ResultSet rs) -> { certificate.put(rs.getLong(1), rs.getTimestamp(2).toInstant()); }, piano.anno(), id);
        Set<Long> proprie = new LinkedHashSet<>();
        Set<Long> aperte = new LinkedHashSet<>();
        for (ComunicazioneAnnuale c : comunicazioni) {
            if (utente.entiGestioneAvviso().contains(c.enteId())) {
                proprie.add(c.id());
            }
            if (piano.stato() == StatoPiano.APERTO && processo.comunicazioneAperta(id, c.id())) {
                aperte.add(c.id());
            }
        }
        return new Scheda(piano, comunicazioni, certificate, registro(id), eCapofila(piano), proprie, aperte, Instant.now(clock));
    }

    /** The plan, if the caller may see it; 404 otherwise. */
    @Transactional(readOnly = true)
    public PianoAnnuale pianoVisibile(long id) {
        PianoAnnuale piano = trova(id).filter(this::vedePiano)
                .orElseThrow(() -> new NonTrovatoException("Piano annuale " + id + " non trovato"));
        return piano;
    }

    /** One communication of a visible plan. */
    @Transactional(readOnly = true)
    public ComunicazioneAnnuale comunicazione(long pianoId, long comunicazioneId) {
        pianoVisibile(pianoId);
        return comunicazioni(pianoId).stream().filter(c -> c.id() == comunicazioneId).findFirst()
                .orElseThrow(() -> new NonTrovatoException("Comunicazione " + comunicazioneId + " non trovata nel piano " + pianoId));
    }

    /**
     * The report of seed 001 (fase 3, the Excel the capofila and the enti download): one row per communication with
     * the date and time received and the counts; for Comuni the categories' thresholds. Also the approved plan's export.
     */
    @Transactional(readOnly = true)
    public it.piattaformacasa.report.Tabella report(long id) {
        PianoAnnuale piano = pianoVisibile(id);
        List<List<Object>> righe = new ArrayList<>();
        for (ComunicazioneAnnuale c : comunicazioni(id)) {
            Dati d = c.dati();
            List<Object> riga = new ArrayList<>();
            riga.add(c.ente().toUpperCase(ItalianFormats.LOCALE));
            riga.add(c.comune());
            riga.add(c.ricevutaIl() == null ? null : ItalianFormats.data(Termini.giorno(c.ricevutaIl())).replace('/', '-'));
            riga.add(c.ricevutaIl() == null ? null : java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                    .format(c.ricevutaIl().atZone(ItalianFormats.ZONE)));
            riga.add(d.alloggiDisponibili());
            riga.add(d.alloggiTurnOver());
            riga.add(d.alloggiCarenzaManutentiva());
            riga.add(d.alloggiNuovaEdificazione());
            riga.add(d.alloggiTransitori());
            riga.add(d.alloggiAssegnatiAnnoPrecedente());
            riga.add(d.alloggiConferitiPrivati());
            riga.add(d.sogliaAnziani());
            riga.add(d.sogliaMonoparentali());
            riga.add(d.sogliaDisabili());
            riga.add(d.sogliaNuovaFormazione());
            riga.add(d.sogliaForzePolizia());
            riga.add(d.sogliaPoliziaLocale());
            riga.add(d.altraCategoria());
            riga.add(d.sogliaAltraCategoria());
            riga.add(d.sogliaIndigenti());
            righe.add(riga);
        }
        return new it.piattaformacasa.report.Tabella("Piano " + piano.ambito() + " " + piano.anno(), COLONNE_REPORT, righe);
    }

    /** The seed's columns (A–J) and, after them, the Comuni's thresholds of the scheda. */
    public static final List<String> COLONNE_REPORT = List.of("Nome ente", "Comune", "Data Ricezione", "Ora Ricezione",
            "Numero complessivo U.I. disponibili nell'anno", "Numero U.I. disponibili per turn-over",
            "Numero U.I. non assegnabili per carenze manutentive",
            "Numero U.I. disponibili per nuova edificazione, ristrutturazione, recupero, riqualificazione",
            "Numero U.I. per servizi abitativi transitori", "Numero U.I. assegnate l'anno precedente", "Numero U.I. privati",
            "Categoria Sociale Anziani (soglia %)", "Categoria Sociale Famiglie monoparentali (soglia %)",
            "Categoria Sociale Disabili (soglia %)", "Categoria Sociale Famiglie di nuova formazione (soglia %)",
            "Categoria Sociale Appartenenti Forze di Polizia (soglia %)",
            "Categoria Sociale Appartenenti Polizia Locale (soglia %)", "Altra categoria di particolare rilevanza sociale",
            "Altra Categoria di rilevanza sociale (soglia %)", "Soglia % eccedente il 20% per indigenti");

    // ------------------------------------------------------------------------------------------- for the process

    /** The ids of the plan's communications: one task each when the window (re)opens. */
    @Transactional(readOnly = true)
    public List<Long> idComunicazioni(long pianoId) {
        return jdbc.queryForList("select id from comunicazione_annuale where piano_id = ? order by id", Long.class, pianoId);
    }

    /** The plan whatever the caller: for the process, whose task the engine already authorized. */
    @Transactional(readOnly = true)
    public PianoAnnuale piano(long id) {
        return trova(id).orElseThrow(() -> new NonTrovatoException("Piano annuale " + id + " non trovato"));
    }

    /** Empty when the plan is not in the database: for callers that must not fail (a task naming its case). */
    @Transactional(readOnly = true)
    public Optional<PianoAnnuale> trova(long id) {
        return jdbc.query(SELECT_PIANO + " where p.id = ?", this::mappaPiano, id).stream().findFirst();
    }

    /** The communication whatever the caller: for the process. */
    @Transactional(readOnly = true)
    public ComunicazioneAnnuale comunicazioneDiSistema(long comunicazioneId) {
        return trovaComunicazione(comunicazioneId)
                .orElseThrow(() -> new NonTrovatoException("Comunicazione " + comunicazioneId + " non trovata"));
    }

    @Transactional(readOnly = true)
    public Optional<ComunicazioneAnnuale> trovaComunicazione(long comunicazioneId) {
        return jdbc.query(SELECT_COMUNICAZIONE + " where ca.id = ?", ProgrammazioneService::comunicazione, comunicazioneId)
                .stream().findFirst();
    }

    /** When the ente certified its Anagrafe data for the year (seed 001, fase 3), if it did. */
    @Transactional(readOnly = true)
    public Optional<Instant> certificataIl(long enteId, int anno) {
        return jdbc.query("select certificata_il from certificazione_anagrafe where ente_id = ? and anno = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), enteId, anno).stream().findFirst();
    }

    /** «Comunica offerta abitativa – ALER …, Varese – Piano annuale 2026» in Tasklist and on the plan's page. */
    @Transactional(readOnly = true)
    public Optional<PraticaInBreve> inBreve(long pianoId, Long comunicazioneId) {
        Optional<PianoAnnuale> piano = trova(pianoId);
        if (piano.isEmpty()) {
            return Optional.empty();
        }
        PianoAnnuale p = piano.get();
        String oggetto = "Piano annuale " + p.anno() + " – " + p.ambito();
        if (comunicazioneId == null) {
            EnteProprietario capofila = capofilaDi(anagrafe.ambito(p.codiceAmbito())).orElse(null);
            return Optional.of(new PraticaInBreve(capofila == null ? null : capofila.getRagioneSociale(),
                    capofila == null ? null : capofila.getComune().getNome(), null, oggetto, "Piano annuale " + p.anno())
                    .conPagina(p.pagina()));
        }
        return trovaComunicazione(comunicazioneId).map(c -> new PraticaInBreve(c.ente(), c.comune(), null, oggetto,
                "Piano annuale " + p.anno()).conPagina(p.pagina()));
    }

    private void validaFinestra(Integer anno, LocalDate inizio, LocalDate fine, boolean nuova) {
        List<Errore> errori = new ArrayList<>();
        if (anno == null) {
            errori.add(new Errore("anno", "obbligatorio: l'anno di riferimento"));
        } else if (anno < 2017 || anno > 2100) {
            errori.add(new Errore("anno", "anno non valido (dal 2017 al 2100)"));
        }
        if (inizio == null) {
            errori.add(new Errore("inizioComunicazioni", "obbligatoria: la data di inizio delle comunicazioni"));
        } else if (nuova && inizio.isBefore(Termini.oggi(clock))) {
            errori.add(new Errore("inizioComunicazioni", "non può essere passata (oggi è il " + ItalianFormats.data(Termini.oggi(clock)) + ")"));
        }
        if (fine == null) {
            errori.add(new Errore("fineComunicazioni", "obbligatoria: la data di fine delle comunicazioni"));
        } else if (inizio != null && fine.isBefore(inizio)) {
            errori.add(new Errore("fineComunicazioni", "non può precedere la data di inizio"));
        } else if (anno != null && fine.getYear() > anno) {
            errori.add(new Errore("fineComunicazioni", "le comunicazioni si chiudono entro l'anno di riferimento " + anno));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
    }

    private List<Errore> validaDelibera(PianoAnnuale piano, String numero, LocalDate data) {
        List<Errore> errori = new ArrayList<>();
        if (numero == null || numero.isBlank()) {
            errori.add(new Errore(CampiDecisione.NUMERO_DELIBERA, "obbligatorio: il numero della delibera dell'Assemblea dei sindaci"));
        } else if (numero.strip().length() > 40) {
            errori.add(new Errore(CampiDecisione.NUMERO_DELIBERA, "al più 40 caratteri"));
        } else {
            TestoSicuro.problema(numero, false).ifPresent(p -> errori.add(new Errore(CampiDecisione.NUMERO_DELIBERA, p)));
        }
        if (data == null) {
            errori.add(new Errore(CampiDecisione.DATA_DELIBERA, "obbligatoria: la data della delibera"));
        } else if (data.isAfter(Termini.oggi(clock))) {
            errori.add(new Errore(CampiDecisione.DATA_DELIBERA, "non può essere futura"));
        } else if (data.isBefore(piano.inizioComunicazioni())) {
            errori.add(new Errore(CampiDecisione.DATA_DELIBERA, "non può precedere l'inizio delle comunicazioni ("
                    + ItalianFormats.data(piano.inizioComunicazioni()) + ")"));
        }
        return errori;
    }

    private List<Errore> validaRiapertura(PianoAnnuale piano, LocalDate nuovaFine) {
        List<Errore> errori = new ArrayList<>();
        LocalDate oggi = Termini.oggi(clock);
        if (nuovaFine == null) {
            errori.add(new Errore(CampiDecisione.NUOVA_FINE, "obbligatoria: fino a quando si riapre la finestra"));
        } else if (nuovaFine.isBefore(oggi)) {
            errori.add(new Errore(CampiDecisione.NUOVA_FINE, "non può essere passata (oggi è il " + ItalianFormats.data(oggi) + ")"));
        } else if (nuovaFine.getYear() > piano.anno()) {
            errori.add(new Errore(CampiDecisione.NUOVA_FINE, "entro l'anno di riferimento " + piano.anno()));
        }
        return errori;
    }

    // ------------------------------------------------------------------------------------------- who

    private boolean vedePiano(PianoAnnuale piano) {
        if (utente.vedeAnagrafeDiTuttiGliEnti() || utente.vedeTuttiGliEnti()) {
            return true;
        }
        Set<Long> propri = utente.entiAbilitati();
        return !propri.isEmpty() && anagrafe.entiDi(anagrafe.ambito(piano.codiceAmbito())).stream()
                .anyMatch(e -> propri.contains(e.getId()));
    }

    private boolean eCapofila(PianoAnnuale piano) {
        return capofilaDi(anagrafe.ambito(piano.codiceAmbito())).map(c -> utente.entiGestioneAvviso().contains(c.getId()))
                .orElse(false);
    }

    private PianoAnnuale pianoPerIlCapofila(long id) {
        PianoAnnuale piano = pianoVisibile(id);
        verificaCapofila(capofila(anagrafe.ambito(piano.codiceAmbito())));
        return piano;
    }

    private void verificaCapofila(EnteProprietario capofila) {
        RegioneProfilo.LOMBARDIA.richiesto(capofila, "la programmazione annuale e il piano (r.r. 4/2017)");
        if (!utente.entiGestioneAvviso().contains(capofila.getId())) {
            throw new AccessoNegatoException("Il piano annuale lo predispone, approva o riapre il Comune capofila: solo gli "
                    + "operatori di " + capofila.getRagioneSociale() + " con la gestione avviso");
        }
    }

    private Ambito ambitoVisibile(String codice) {
        if (codice == null || codice.isBlank()) {
            throw DatiNonValidiException.campo("ambito", "obbligatorio: il piano di zona (ambito)");
        }
        try {
            return anagrafe.ambito(codice.strip());
        } catch (NonTrovatoException e) {
            throw DatiNonValidiException.campo("ambito", "ambito sconosciuto: " + codice.strip());
        }
    }

    private EnteProprietario capofila(Ambito ambito) {
        return capofilaDi(ambito).orElseThrow(() -> new ConflittoException("L'ambito " + ambito.getNome()
                + " non ha un Comune capofila"));
    }

    private Optional<EnteProprietario> capofilaDi(Ambito ambito) {
        return anagrafe.entiDi(ambito).stream().filter(EnteProprietario::isCapofila).findFirst();
    }

    // ------------------------------------------------------------------------------------------- storage

    /**
     * One communication per ente and comune: a Comune for its own comune, an ALER for each comune of the ambito where it
     * owns fabbricati (its seat if none). Private operators do not communicate in the plan (seed 001: Comuni and ALER).
     */
    private void elencaComunicazioni(long pianoId, Ambito ambito) {
        for (EnteProprietario ente : anagrafe.entiDi(ambito)) {
            if (ente.getTipo() == TipoEnte.OPERATORE_PRIVATO || !ente.isAttivo()) {
                continue;
            }
            List<Long> comuni;
            if (ente.getTipo() == TipoEnte.COMUNE && ente.getComune().getAmbito().getId().equals(ambito.getId())) {
                comuni = List.of(ente.getComune().getId());
            } else {
                comuni = jdbc.queryForList("""
                        select distinct c.id from fabbricato f join comune c on c.id = f.comune_id
                         where f.ente_id = ? and c.ambito_id = ? order by c.id""", Long.class, ente.getId(), ambito.getId());
                if (comuni.isEmpty() && ente.getComune().getAmbito().getId().equals(ambito.getId())) {
                    comuni = List.of(ente.getComune().getId());
                }
            }
            for (long comune : comuni) {
                jdbc.update("""
                        insert into comunicazione_annuale (piano_id, ente_id, comune_id) values (?, ?, ?)
                        on conflict (piano_id, ente_id, comune_id) do nothing""", pianoId, ente.getId(), comune);
            }
        }
    }

    private void cambiaStato(long id, StatoPiano stato, String chi) {
        jdbc.update("update piano_annuale set stato = ?, aggiornato_il = ?, aggiornato_da = ? where id = ?", stato.name(),
                Timestamp.from(Instant.now(clock)), chi, id);
    }

    private void registra(long pianoId, String chi, String azione, String dettaglio) {
        jdbc.update("insert into piano_annuale_registro (piano_id, quando, chi, azione, dettaglio) values (?, ?, ?, ?, ?)",
                pianoId, Timestamp.from(Instant.now(clock)), chi == null ? "sistema" : chi, azione, dettaglio);
    }

    @Transactional(readOnly = true)
    public List<VoceRegistro> registro(long pianoId) {
        return jdbc.query("select quando, chi, azione, dettaglio from piano_annuale_registro where piano_id = ? order by quando, id",
                (rs, n) -> new VoceRegistro(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)),
                pianoId);
    }

    /** The plan's communications, by ente and comune. */
    @Transactional(readOnly = true)
    public List<ComunicazioneAnnuale> comunicazioni(long pianoId) {
        return jdbc.query(SELECT_COMUNICAZIONE + " where ca.piano_id = ? order by e.ragione_sociale, c.nome",
                ProgrammazioneService::comunicazione, pianoId);
    }

    private static final String SELECT_PIANO = """
            select p.id, p.ambito_id, a.codice, a.nome, p.anno, p.inizio_comunicazioni, p.fine_comunicazioni, p.stato,
                   p.numero_delibera, p.data_delibera, p.approvato_il, p.approvato_da, p.creato_il, p.creato_da,
                   p.aggiornato_il, p.aggiornato_da
              from piano_annuale p join ambito a on a.id = p.ambito_id""";

    private PianoAnnuale mappaPiano(ResultSet rs, int n) throws SQLException {
        return new PianoAnnuale(rs.getLong("id"), rs.getLong("ambito_id"), rs.getString("codice"), rs.getString("nome"),
                rs.getInt("anno"), rs.getDate("inizio_comunicazioni").toLocalDate(), rs.getDate("fine_comunicazioni").toLocalDate(),
                StatoPiano.valueOf(rs.getString("stato")), rs.getString("numero_delibera"),
                rs.getDate("data_delibera") == null ? null : rs.getDate("data_delibera").toLocalDate(),
                istante(rs, "approvato_il"), rs.getString("approvato_da"), istante(rs, "creato_il"), rs.getString("creato_da"),
                istante(rs, "aggiornato_il"), rs.getString("aggiornato_da"));
    }

    private static final String SELECT_COMUNICAZIONE = """
            select ca.*, e.ragione_sociale, e.tipo, e.codice_fiscale, c.codice_istat, c.nome as comune
              from comunicazione_annuale ca join ente_proprietario e on e.id = ca.ente_id join comune c on c.id = ca.comune_id""";

    private static ComunicazioneAnnuale comunicazione(ResultSet rs, int n) throws SQLException {
        Dati dati = new Dati(intero(rs, "alloggi_disponibili"), intero(rs, "alloggi_turn_over"),
                intero(rs, "alloggi_carenza_manutentiva"), intero(rs, "alloggi_nuova_edificazione"), intero(rs, "alloggi_transitori"),
                intero(rs, "alloggi_assegnati_anno_precedente"), intero(rs, "alloggi_conferiti_privati"),
                rs.getString("altra_categoria"), decimale(rs, "soglia_anziani"), decimale(rs, "soglia_monoparentali"),
                decimale(rs, "soglia_disabili"), decimale(rs, "soglia_nuova_formazione"), decimale(rs, "soglia_altra_categoria"),
                decimale(rs, "soglia_forze_polizia"), decimale(rs, "soglia_polizia_locale"), decimale(rs, "soglia_indigenti"));
        return new ComunicazioneAnnuale(rs.getLong("id"), rs.getLong("piano_id"), rs.getLong("ente_id"),
                rs.getString("ragione_sociale"), TipoEnte.valueOf(rs.getString("tipo")), rs.getString("codice_fiscale"),
                rs.getString("codice_istat"), rs.getString("comune"), istante(rs, "ricevuta_il"), rs.getString("inviata_da"), dati);
    }

    private static Integer intero(ResultSet rs, String colonna) throws SQLException {
        int valore = rs.getInt(colonna);
        return rs.wasNull() ? null : valore;
    }

    private static BigDecimal decimale(ResultSet rs, String colonna) throws SQLException {
        BigDecimal valore = rs.getBigDecimal(colonna);
        return valore == null ? null : valore.stripTrailingZeros().scale() < 0 ? valore.setScale(0) : valore.stripTrailingZeros();
    }

    private static Instant istante(ResultSet rs, String colonna) throws SQLException {
        Timestamp t = rs.getTimestamp(colonna);
        return t == null ? null : t.toInstant();
    }
}
