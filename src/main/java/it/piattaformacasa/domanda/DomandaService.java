package it.piattaformacasa.domanda;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import it.piattaformacasa.anagrafe.ComuniItaliani;
import it.piattaformacasa.anagrafe.Componente;
import it.piattaformacasa.anagrafe.NucleoFamiliare;
import it.piattaformacasa.anagrafe.RelazioneParentela;
import it.piattaformacasa.avviso.Avviso;
import it.piattaformacasa.avviso.AvvisoService.AlloggioOfferto;
import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.avviso.TipoAvviso;
import it.piattaformacasa.common.CambioDiStato;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.GiaEsistenteException;
import it.piattaformacasa.common.Importo;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.VincoliDatabase;
import it.piattaformacasa.common.NonAmmissibileException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.Punteggio;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.regole.CalcoloIsbar;
import it.piattaformacasa.regole.DatiIsbar;
import it.piattaformacasa.regole.DatiRequisiti;
import it.piattaformacasa.regole.EsitoRequisiti;
import it.piattaformacasa.regole.PunteggioIsbar;
import it.piattaformacasa.regole.RegolaApplicata;
import it.piattaformacasa.regole.RegoleAlloggi;
import it.piattaformacasa.regole.RegoleVincolate;
import it.piattaformacasa.avviso.RegoleDellAvviso;
import it.piattaformacasa.regole.RequisitiEconomici;

/**
 * Submission of a domanda between the avviso's apertura and chiusura ({@code Avviso#statoAl}): form checks (400, every
 * field), art. 7 eligibility (422, every reason), one domanda per richiedente per avviso (409 with the existing id),
 * idempotent retries, ISBAR by KIE DMN.
 * No process instance per domanda: only human work needs the engine.
 */
@Service
public class DomandaService {

    /**
     * @param domanda the domanda presented: for a new one, the object written in one statement (ADR 25), with its id
     *                and not managed by Hibernate (its nucleo and members have no ids): a caller that goes on in the
     *                same transaction loads it through the repository and changes that one; for a retry, the one loaded
     */
    public record Presentazione(Domanda domanda, boolean giaPresentata) {
    }

    private static final ZoneId FUSO = ZoneId.of("Europe/Rome");
    /** The region's name in comune_italiano. */
    private static final String LOMBARDIA = "Lombardia";
    /** Nobody alive was born, or took up residence, before this day: earlier dates are typing errors. */
    static final LocalDate DATA_MINIMA = LocalDate.of(1900, 1, 1);
    private static final BigDecimal ISEE_MASSIMO = new BigDecimal("99999999.99");
    /** The unique keys of {@code domanda}: a duplicate there means «already submitted» (409); nothing else does. */
    private static final Set<String> CHIAVI_UNICHE = Set.of("domanda_avviso_id_richiedente_cf_key",
            "domanda_idempotenza_uk");

    private final DomandaRepository domande;
    private final AvvisoService avvisi;
    private final RequisitiEconomici requisiti;
    private final CalcoloIsbar isbar;
    private final UtenteCorrente utente;
    private final Clock clock;
    private final boolean attestazioneIndigenzaRichiesta;
    private final ListaPrefetturaService listaPrefettura;
    private final RegoleDellAvviso regole;
    private final ComuniItaliani comuni;
    private final JdbcTemplate jdbc;
    private final SceltaAlloggi sceltaAlloggi;
    private final RegoleAlloggi regoleAlloggi;
    private final LettureDomanda letture;

    /** Issue 16: the richiedente is told of the submission, in its transaction (see {@link CambioDiStato}). */
    private final ApplicationEventPublisher eventi;
    private final ScritturaDomanda scrittura;

    DomandaService(DomandaRepository domande, AvvisoService avvisi, RequisitiEconomici requisiti, CalcoloIsbar isbar,
                   UtenteCorrente utente, Clock clock,
                   @Value("${piattaforma.domanda.attestazione-indigenza-richiesta:true}") boolean attestazioneIndigenzaRichiesta,
                   ListaPrefetturaService listaPrefettura, RegoleDellAvviso regole, ComuniItaliani comuni, JdbcTemplate jdbc,
                   SceltaAlloggi sceltaAlloggi, RegoleAlloggi regoleAlloggi, LettureDomanda letture,
                   ApplicationEventPublisher eventi, ScritturaDomanda scrittura) {
        this.scrittura = scrittura;
        this.letture = letture;
        this.eventi = eventi;
        this.sceltaAlloggi = sceltaAlloggi;
        this.regoleAlloggi = regoleAlloggi;
        this.comuni = comuni;
        this.jdbc = jdbc;
        this.listaPrefettura = listaPrefettura;
        this.regole = regole;
        this.domande = domande;
        this.avvisi = avvisi;
        this.requisiti = requisiti;
        this.isbar = isbar;
        this.utente = utente;
        this.clock = clock;
        this.attestazioneIndigenzaRichiesta = attestazioneIndigenzaRichiesta;
    }

    @Transactional
    public Presentazione presenta(long avvisoId, DatiDomanda dati, String idempotencyKey) {
        return presenta(avvisoId, dati, null, idempotencyKey);
    }

    /**
     * @param corpo required in the avvisi for the forces (art. 7 bis / 7 ter), where the richiedente must be on the
     *              Prefettura's list of one of the caller's enti for the year with that corpo; refused elsewhere
     */
    @Transactional
    public Presentazione presenta(long avvisoId, DatiDomanda dati, CorpoAppartenenza corpo, String idempotencyKey) {
        Avviso avviso = avvisi.avvisoSenzaAmbito(avvisoId);
        verificaSportello(avviso);
        return registra(avviso, dati, corpo, idempotencyKey, utente.username() != null ? utente.username() : "sistema");
    }

    /** How {@code presentata_da} names a domanda the citizen presented online: the channel and their codice fiscale. */
    public static final String ONLINE = "online:";

    /**
     * The citizen presents their own domanda online (issue 16): the richiedente must be the person of the identity,
     * {@code presentata_da} says «online:» and their codice fiscale; every other check is the sportello's, with the
     * same 400, 422 and 409. The draft's id as key makes a double click one domanda.
     */
    @Transactional
    public Presentazione presentaDalCittadino(long avvisoId, DatiDomanda dati, CodiceFiscale identita, String idempotencyKey) {
        Avviso avviso = avvisoPerIlCittadino(avvisoId, dati, identita);
        return registra(avviso, dati, null, idempotencyKey, ONLINE + identita.valore());
    }

    /**
     * What the platform would answer if the citizen presented this domanda now, with nothing written: the same checks
     * as {@link #presentaDalCittadino} (the same exceptions, messages and order), then the ISBAR it would get and why.
     */
    @Transactional
    public Verifica verificaDalCittadino(long avvisoId, DatiDomanda dati, CodiceFiscale identita) {
        // read-write only for the rules' key-share lock on the avviso (as a presentation); rolled back whatever happens
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        Avviso avviso = avvisoPerIlCittadino(avvisoId, dati, identita);
        Valutazione v = valuta(avviso, dati, null);
        SpiegazionePunteggioService.Anteprima anteprima = SpiegazionePunteggioService.anteprima(v.punteggio());
        List<String> note = new ArrayList<>(anteprima.note());
        v.scelta().scelte().forEach(s -> note.add(MotiviPunteggio.senzaCitazioniTraParentesi(s.getMotivo()) + "."));
        if (v.scelta().nota() != null) {
            note.add(MotiviPunteggio.senzaCitazioniTraParentesi(v.scelta().nota()) + ".");
        }
        return new Verifica(v.punteggio().totale(), anteprima.righe(), note);
    }

    /** The outcome of {@link #verificaDalCittadino}: the ISBAR, one line per component, the notes on the alloggi. */
    public record Verifica(Punteggio isbar, List<String> righe, List<String> note) {
    }

    private Avviso avvisoPerIlCittadino(long avvisoId, DatiDomanda dati, CodiceFiscale identita) {
        Avviso avviso = avvisi.avvisoSenzaAmbito(avvisoId);
        if (avviso.getTipo() == TipoAvviso.FORZE_POLIZIA) {
            throw new ConflittoException("Le domande di questo avviso per le Forze di Polizia si presentano allo sportello "
                    + "di un ente dell'ambito, con la lista della Prefettura");
        }
        for (int i = 0; i < dati.nucleo().size(); i++) {
            DatiDomanda.Componente c = dati.nucleo().get(i);
            if (c.relazione() == RelazioneParentela.RICHIEDENTE && !identita.valore().equalsIgnoreCase(String.valueOf(c.codiceFiscale()))) {
                throw DatiNonValidiException.campo("nucleo[" + i + "].codiceFiscale",
                        "il richiedente è la persona dell'identità digitale (" + identita.valore() + "): il codice fiscale non si cambia");
            }
        }
        return avviso;
    }

    /** Whether the citizen may choose an alloggio of the avviso (art. 9), and the rule that says so, in Italian. */
    public record SceltaPermessa(boolean ammessa, String motivo) {
    }

    /**
     * Art. 9 for every alloggio of the avviso, for a nucleo of {@code componenti} people living in {@code residenza}
     * and working in {@code lavoro} (null when not working), as if not indigent: the citizens' avviso page and the step
     * «Alloggi scelti» show it; the pre-check and the presentation decide with the indigence the ISEE gives.
     */
    @Transactional
    public Map<Long, SceltaPermessa> scelteConsentite(long avvisoId, int componenti, String residenza, String lavoro) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        List<AlloggioOfferto> offerti = avvisi.alloggiOfferti(avvisoId);
        if (offerti.isEmpty()) {
            return Map.of();
        }
        Map<String, RegoleAlloggi.EsitoTitolo> titoli = sceltaAlloggi.titoli(Math.max(1, componenti), residenza, lavoro, false,
                offerti, regole.vincoloPerNuovaDomanda(avvisoId));
        Map<Long, SceltaPermessa> scelte = new HashMap<>();
        for (AlloggioOfferto a : offerti) {
            RegoleAlloggi.EsitoTitolo titolo = titoli.get(a.codiceIstatComune());
            scelte.put(a.id(), new SceltaPermessa(titolo.titolo() != RegoleAlloggi.TitoloDiScelta.NON_AMMESSO,
                    titolo.regola().descrizione()));
        }
        return scelte;
    }

    /** The citizen's own domanda for this avviso, if they presented one. */
    @Transactional(readOnly = true)
    public Optional<Long> domandaDelCittadinoPerAvviso(long avvisoId, CodiceFiscale identita) {
        return domandaDelRichiedente(avvisoId, identita);
    }

    /**
     * The richiedente's domanda for the avviso, if any (at most one: unique key). In SQL: every submission asks (issue
     * 17: as a repository query it cost a node 3 % of its CPU in the opening-day burst).
     */
    private Optional<Long> domandaDelRichiedente(long avvisoId, CodiceFiscale richiedente) {
        return jdbc.queryForList("select id from domanda where avviso_id = ? and richiedente_cf = ?", Long.class,
                avvisoId, richiedente.valore()).stream().findFirst();
    }

    /** A domanda whose richiedente is the citizen of the identity; 404 for anybody else's (not even that it exists). */
    @Transactional(readOnly = true)
    public Domanda domandaDelCittadino(long id, CodiceFiscale identita) {
        Domanda domanda = domande.findById(id).filter(d -> d.getRichiedente().equals(identita))
                .orElseThrow(() -> new NonTrovatoException("Domanda " + id + " non trovata"));
        domanda.getNucleo().getComponenti().size();
        domanda.getScelte().size();
        domanda.getAvviso().getAmbito().getNome();
        return domanda;
    }

    /** What every check of a submission computed, in the order a submission needs it. */
    private record Valutazione(CodiceFiscale richiedente, boolean lavoroInLombardia, EsitoRequisiti esito,
                               List<AlloggiPosseduti.Valutato> posseduti, SceltaAlloggi.Esito scelta, DatiIsbar datiIsbar,
                               DatiRequisiti datiRequisiti, PunteggioIsbar punteggio) {
    }

    /**
     * Every check of a submission, presentation and pre-check alike: open avviso, form (400), forces, one domanda per
     * richiedente (409), art. 7 and art. 9 (422, every reason at once), then the ISBAR. Writes nothing.
     */
    private Valutazione valuta(Avviso avviso, DatiDomanda dati, CorpoAppartenenza corpo) {
        long avvisoId = avviso.getId();
        // the window is the avviso's dates, not its timers' (Avviso#statoAl): the apertura's and the chiusura's may run
        // late (the node that held the job died: another takes it after the lock time)
        Instant adesso = Instant.now(clock);
        switch (avviso.statoAl(adesso)) {
            case APERTO -> {
            }
            case CHIUSO -> throw new ConflittoException("L'avviso " + avvisoId + " non è più aperto alle domande: la chiusura era il "
                    + ItalianFormats.dataOra(avviso.getChiusura()));
            // before the apertura; or past it with the selection of the alloggi not yet closed (its timer, due 24 hours
            // earlier, has not run): the alloggi are not fixed, so no domanda yet
            default -> throw new ConflittoException("L'avviso " + avvisoId + " non è ancora aperto alle domande: "
                    + (adesso.isBefore(avviso.getApertura()) ? "apre il " + ItalianFormats.dataOra(avviso.getApertura())
                    : "l'apertura del " + ItalianFormats.dataOra(avviso.getApertura()) + " attende la chiusura della selezione degli alloggi"));
        }
        LocalDate oggi = LocalDate.ofInstant(adesso, FUSO);
        List<AlloggioOfferto> offerti = avvisi.alloggiOfferti(avvisoId);
        Set<Long> richiesti = new HashSet<>(dati.alloggi());
        Map<Long, AlloggioOfferto> alloggiInAvviso = new HashMap<>();
        offerti.stream().filter(a -> richiesti.contains(a.id())).forEach(a -> alloggiInAvviso.put(a.id(), a));
        CodiceFiscale richiedente = verificaForma(dati, avviso, alloggiInAvviso.keySet(), oggi);
        verificaForze(avviso, richiedente, corpo);
        domandaDelRichiedente(avvisoId, richiedente).ifPresent(esistente -> {
            throw new GiaEsistenteException("Il richiedente ha già presentato la domanda " + esistente
                    + " per questo avviso: se ne può presentare una sola", esistente);
        });
        List<AlloggioOfferto> scelti = dati.alloggi().stream().map(alloggiInAvviso::get).toList();
        RegoleVincolate vincolo = regole.vincoloPerNuovaDomanda(avvisoId);
        DatiRequisiti datiRequisiti = datiRequisiti(dati, scelti, oggi);
        boolean lavoroInLombardia = comuni.perCodiceIstat(dati.codiceIstatLavoro())
                .map(c -> LOMBARDIA.equals(c.regione())).orElse(false);
        List<String> motivi = new ArrayList<>();
        EsitoRequisiti esito = verificaRequisiti(dati, lavoroInLombardia, datiRequisiti, vincolo, avviso.getTipo(), motivi);
        List<AlloggiPosseduti.Valutato> posseduti = valutaAlloggiPosseduti(dati, vincolo, motivi);
        SceltaAlloggi.Esito scelta = sceltaAlloggi.verifica(dati, esito.indigente(), offerti, vincolo);
        if (!motivi.isEmpty() || !scelta.motivi().isEmpty()) {
            // every reason at once: the requirements of art. 7 first, then the alloggi of art. 9
            throw new NonAmmissibileException(motivi.isEmpty() ? "Alloggi scelti non ammessi (art. 9 r.r. 4/2017)"
                    : "La domanda non soddisfa i requisiti di accesso",
                    java.util.stream.Stream.concat(motivi.stream(), scelta.motivi().stream()).toList());
        }
        DatiIsbar datiIsbar = datiIsbar(dati, scelti, avviso, oggi);
        PunteggioIsbar punteggio = isbar.calcola(datiIsbar, vincolo);
        return new Valutazione(richiedente, lavoroInLombardia, esito, posseduti, scelta, datiIsbar, datiRequisiti, punteggio);
    }

    private Presentazione registra(Avviso avviso, DatiDomanda dati, CorpoAppartenenza corpo, String idempotencyKey,
                                   String presentataDa) {
        long avvisoId = avviso.getId();
        String impronta = null;
        if (idempotencyKey != null) {
            impronta = ImprontaDomanda.di(dati, corpo);
            Optional<Domanda> ripetuta = ripetizione(avvisoId, presentataDa, idempotencyKey, impronta);
            if (ripetuta.isPresent()) {
                return new Presentazione(ripetuta.get(), true);
            }
        }
        Valutazione v = valuta(avviso, dati, corpo);
        Domanda domanda = new Domanda(avviso, nucleo(dati), v.richiedente(), dati, v.lavoroInLombardia(), v.esito().indigente(),
                v.punteggio(), categorie(v.datiIsbar()), idempotencyKey, impronta, Instant.now(clock), presentataDa,
                v.scelta().scelte(), AlloggiPosseduti.json(v.posseduti()), v.scelta().nota());
        domanda.appartieneA(corpo);
        domanda.valutataCon(InputRegole.json(v.datiIsbar(), v.datiRequisiti()));
        // the domanda, its nucleo, the members and the chosen alloggi in one statement, not through Hibernate (issue 17,
        // ADR 25); the returned domanda is not managed: what reads it later in this transaction loads it
        try {
            long id = scrittura.inserisci(domanda);
            eventi.publishEvent(new CambioDiStato(CambioDiStato.Evento.DOMANDA_PRESENTATA, id));
            return new Presentazione(domanda, false);
        } catch (DataIntegrityViolationException e) {
            if (VincoliDatabase.duplicatoSu(e, CHIAVI_UNICHE)) {
                // the same richiedente, committed by a concurrent request (with another key or none) after our checks
                throw new ConflittoException("Una domanda dello stesso richiedente per questo avviso è appena stata presentata");
            }
            // any other refusal of the database is a hole in the checks above, not a duplicate: never answered as one
            throw e;
        }
    }

    /**
     * A retry of the caller's own submission with this key, if there was one. Submissions with the same key from the
     * same caller wait for each other on a transaction-scoped advisory lock, so the second reads what the first
     * committed instead of failing on the unique index: in the database, because two nodes share it.
     */
    private Optional<Domanda> ripetizione(long avvisoId, String operatore, String chiave, String impronta) {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, chiaveDiBlocco(avvisoId, operatore, chiave));
        Optional<Domanda> ripetuta = domande.findByAvvisoIdAndPresentataDaAndIdempotencyKey(avvisoId, operatore, chiave);
        ripetuta.filter(d -> d.getIdempotencyImpronta() != null && !d.getIdempotencyImpronta().equals(impronta))
                .ifPresent(d -> {
                    // as payment APIs do: a key names one request, never another one
                    throw new NonAmmissibileException("Chiave di idempotenza già usata", "La chiave Idempotency-Key «" + chiave + "» è già stata usata per la "
                            + "domanda " + d.getId() + " con dati diversi: per una nuova domanda usare una nuova chiave",
                            List.of("Idempotency-Key già usata con dati diversi"));
                });
        return ripetuta;
    }

    /** 64 bits of SHA-256 over avviso, caller and key: a collision only makes two submissions wait for each other. */
    private static long chiaveDiBlocco(long avvisoId, String operatore, String chiave) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    ("domanda-idempotenza\n" + avvisoId + "\n" + operatore + "\n" + chiave).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A domanda is filed at the desk of an ente of the avviso's ambito (seed 002: operators enabled for an ente; the
     * citizens' own channel comes later). Supervisors oversee, analysts change rules, administrators run the platform:
     * none of them files domande. The platform's own callers (no person) pass.
     */
    /**
     * The avviso at whose sportello the caller may file a domanda (an operator of one of the ambito's enti), for the
     * console's «Nuova domanda allo sportello» before its first step; whether it is open is checked on presentation.
     */
    @Transactional(readOnly = true)
    public Avviso sportello(long avvisoId) {
        Avviso avviso = avvisi.avvisoSenzaAmbito(avvisoId);
        verificaSportello(avviso);
        return avviso;
    }

    /** The alloggi the avviso offers, as the sportello's step «Alloggi scelti» lists them. */
    @Transactional(readOnly = true)
    public List<AlloggioOfferto> alloggiOfferti(long avvisoId) {
        return avvisi.alloggiOfferti(avvisoId);
    }

    private void verificaSportello(Avviso avviso) {
        if (utente.username() == null) {
            return;
        }
        // a provincial reader sees the ambito's enti and files nothing (seed 004)
        Set<Long> abilitati = utente.soloLettura() ? Set.of() : utente.entiAbilitati();
        if (!avvisi.unoDegliEntiNellAmbito(avviso, abilitati)) {
            throw new AccessoNegatoException("Le domande dell'avviso " + avviso.getId() + " si presentano allo sportello di un ente "
                    + "dell'ambito " + avviso.getAmbito().getNome() + ": l'utente " + utente.username() + " non opera per nessuno di essi");
        }
    }

    /** Art. 7 bis / 7 ter: the dedicated avviso takes only people the Prefettura listed, with their corpo. */
    private void verificaForze(Avviso avviso, CodiceFiscale richiedente, CorpoAppartenenza corpo) {
        if (avviso.getTipo() != TipoAvviso.FORZE_POLIZIA) {
            if (corpo != null) {
                throw DatiNonValidiException.campo("corpoAppartenenza", "si indica solo negli avvisi per le Forze di Polizia");
            }
            return;
        }
        if (corpo == null) {
            throw DatiNonValidiException.campo("corpoAppartenenza", "obbligatorio negli avvisi per le Forze di Polizia");
        }
        int anno = LocalDate.ofInstant(avviso.getApertura(), FUSO).getYear();
        CorpoAppartenenza inLista = listaPrefettura.corpoInLista(richiedente.valore(), anno,
                utente.vedeTuttiGliEnti() ? null : utente.entiAbilitati()).orElseThrow(() -> new NonAmmissibileException(
                "Domanda non ammissibile in questo avviso", List.of("Il richiedente non è nella lista della Prefettura " + anno
                        + " di uno degli enti dell'operatore (art. 7 bis / 7 ter)")));
        if (inLista != corpo) {
            throw DatiNonValidiException.campo("corpoAppartenenza", "la Prefettura lo indica come " + inLista);
        }
    }

    /** Shape and consistency of what was declared: every problem at once, with its field. */
    private CodiceFiscale verificaForma(DatiDomanda dati, Avviso avviso, Set<Long> alloggiInAvviso, LocalDate oggi) {
        List<Errore> errori = new ArrayList<>();
        CodiceFiscale richiedente = null;
        LocalDate nascitaRichiedente = null;
        int richiedenti = 0;
        Set<String> codici = new HashSet<>();
        for (int i = 0; i < dati.nucleo().size(); i++) {
            DatiDomanda.Componente c = dati.nucleo().get(i);
            String campo = "nucleo[" + i + "]";
            CodiceFiscale cf = null;
            try {
                cf = CodiceFiscale.of(c.codiceFiscale());
                if (!cf.personaFisica()) {
                    errori.add(new Errore(campo + ".codiceFiscale", "deve essere il codice fiscale di una persona"));
                } else if (!codici.add(cf.valore())) {
                    errori.add(new Errore(campo + ".codiceFiscale", "componente ripetuto nel nucleo"));
                }
            } catch (IllegalArgumentException e) {
                errori.add(new Errore(campo + ".codiceFiscale", e.getMessage()));
            }
            if (c.dataNascita().isAfter(oggi)) {
                errori.add(new Errore(campo + ".dataNascita", "la data di nascita non può essere futura"));
            } else if (c.dataNascita().isBefore(DATA_MINIMA)) {
                errori.add(new Errore(campo + ".dataNascita", "la data di nascita non può essere prima del 1900"));
            }
            if (c.relazione() == RelazioneParentela.RICHIEDENTE && ++richiedenti == 1) {
                richiedente = cf; // null when the code is invalid: that error is already recorded
                nascitaRichiedente = c.dataNascita();
            } else if (c.relazione() == RelazioneParentela.RICHIEDENTE) {
                errori.add(new Errore(campo + ".relazione", "il nucleo deve avere un solo richiedente"));
            }
        }
        if (richiedenti == 0) {
            errori.add(new Errore("nucleo", "manca il richiedente (relazione RICHIEDENTE)"));
        }
        if (dati.nucleo().stream().noneMatch(c -> !c.dataNascita().isAfter(oggi) && eta(c, oggi) >= 18)) {
            errori.add(new Errore("nucleo", "il nucleo deve avere almeno un componente maggiorenne"));
        }
        comuni.verificaCodiceIstat("residenza.codiceIstatComune", dati.codiceIstatResidenza()).ifPresent(errori::add);
        comuni.verificaCodiceIstat("lavoro.codiceIstatComune", dati.codiceIstatLavoro()).ifPresent(errori::add);
        verificaAlloggiPosseduti(errori, dati, codici, oggi);
        verificaResidenza(errori, "residenza.", dati.residenteLombardiaDal(), dati.residenteComuneDal(), nascitaRichiedente, oggi,
                "la data non può essere futura");
        if (dati.dataDsu().isAfter(oggi)) {
            errori.add(new Errore("isee.dataDsu", "la data della DSU non può essere futura"));
        }
        verificaCondizioni(errori, "condizioni", dati.condizioni());
        int massimo = avviso.getMassimoAlloggiPerDomanda();
        if (dati.alloggi().size() > massimo) {
            errori.add(new Errore("alloggi", "al massimo " + massimo + " alloggi per domanda (art. 9 co. 3, regole "
                    + avviso.getVersioneRegole() + ")"));
        }
        if (new HashSet<>(dati.alloggi()).size() != dati.alloggi().size()) {
            errori.add(new Errore("alloggi", "un alloggio è indicato più volte"));
        }
        for (int i = 0; i < dati.alloggi().size(); i++) {
            if (!alloggiInAvviso.contains(dati.alloggi().get(i))) {
                errori.add(new Errore("alloggi[" + i + "]", "l'alloggio " + dati.alloggi().get(i) + " non è in questo avviso"));
            }
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        return richiedente;
    }

    /** The declared dwellings: a member's, a positive surface, in one Italian comune or abroad, sale order not future. */
    private void verificaAlloggiPosseduti(List<Errore> errori, DatiDomanda dati, Set<String> codiciDelNucleo, LocalDate oggi) {
        for (int i = 0; i < dati.alloggiPosseduti().size(); i++) {
            DatiDomanda.AlloggioPosseduto a = dati.alloggiPosseduti().get(i);
            String campo = "alloggiPosseduti[" + i + "].";
            if (!codiciDelNucleo.contains(a.codiceFiscaleTitolare())) {
                errori.add(new Errore(campo + "codiceFiscaleTitolare", "deve essere il codice fiscale di un componente del nucleo"));
            }
            if ((a.codiceIstatComune() == null) == (a.statoEstero() == null)) {
                errori.add(new Errore(campo + "codiceIstatComune", "indicare il comune italiano oppure lo stato estero (uno dei due)"));
            } else {
                comuni.verificaCodiceIstat(campo + "codiceIstatComune", a.codiceIstatComune()).ifPresent(errori::add);
            }
            LocalDate ordinanza = a.ordinanzaDiVenditaDel();
            if (ordinanza != null && ordinanza.isAfter(oggi)) {
                errori.add(new Errore(campo + "ordinanzaDiVenditaDel", "la data dell'ordinanza di vendita non può essere futura"));
            } else if (ordinanza != null && ordinanza.isBefore(DATA_MINIMA)) {
                errori.add(new Errore(campo + "ordinanzaDiVenditaDel", "la data non può essere prima del 1900"));
            }
        }
    }

    /**
     * The periods of residence: not in the future, not before 1900, not before the richiedente was born (the
     * residence is theirs), and in the comune not before in Lombardia.
     */
    private static void verificaResidenza(List<Errore> errori, String prefisso, LocalDate lombardiaDal, LocalDate comuneDal,
                                          LocalDate nascita, LocalDate limite, String oltreIlLimite) {
        verificaDateResidenza(errori, prefisso, lombardiaDal, comuneDal, nascita, limite, oltreIlLimite);
        verificaOrdineResidenze(errori, prefisso, lombardiaDal, comuneDal);
    }

    private static void verificaDateResidenza(List<Errore> errori, String prefisso, LocalDate lombardiaDal, LocalDate comuneDal,
                                              LocalDate nascita, LocalDate limite, String oltreIlLimite) {
        String[] campi = {prefisso + "residenteLombardiaDal", prefisso + "residenteComuneDal"};
        LocalDate[] date = {lombardiaDal, comuneDal};
        String[] dove = {"in Lombardia", "nel comune"};
        for (int i = 0; i < 2; i++) {
            if (date[i] == null) {
                continue;
            }
            if (date[i].isAfter(limite)) {
                errori.add(new Errore(campi[i], oltreIlLimite));
            } else if (date[i].isBefore(DATA_MINIMA)) {
                errori.add(new Errore(campi[i], "la residenza " + dove[i] + " non può iniziare prima del 1900"));
            } else if (nascita != null && date[i].isBefore(nascita)) {
                errori.add(new Errore(campi[i], "la residenza " + dove[i] + " non può iniziare prima della nascita del richiedente ("
                        + ItalianFormats.data(nascita) + ")"));
            }
        }
    }

    private static void verificaOrdineResidenze(List<Errore> errori, String prefisso, LocalDate lombardiaDal, LocalDate comuneDal) {
        if (comuneDal != null && (lombardiaDal == null || comuneDal.isBefore(lombardiaDal))) {
            errori.add(new Errore(prefisso + "residenteComuneDal", "la residenza nel comune non può iniziare prima di quella in Lombardia"));
        }
    }

    /** The declared conditions: known names, each true or false. */
    private static void verificaCondizioni(List<Errore> errori, String prefisso, Map<String, Boolean> condizioni) {
        for (Map.Entry<String, Boolean> condizione : condizioni.entrySet()) {
            String campo = condizione.getKey().length() <= 60 ? prefisso + "." + condizione.getKey() : prefisso;
            if (!DatiDomanda.CONDIZIONI.contains(condizione.getKey())) {
                errori.add(new Errore(campo, "condizione sconosciuta (ammesse: " + String.join(", ", DatiDomanda.CONDIZIONI) + ")"));
            } else if (condizione.getValue() == null) {
                errori.add(new Errore(campo, "indicare true o false"));
            }
        }
    }

    private DatiRequisiti datiRequisiti(DatiDomanda dati, List<AlloggioOfferto> scelti, LocalDate oggi) {
        int maggiorenni = (int) dati.nucleo().stream().filter(c -> eta(c, oggi) >= 18).count();
        if (maggiorenni == 0) {
            throw DatiNonValidiException.campo("nucleo", "il nucleo deve avere almeno un componente maggiorenne");
        }
        BigDecimal superficie = scelti.stream().map(AlloggioOfferto::superficieUtile).max(Comparator.naturalOrder())
                .orElse(BigDecimal.ONE);
        return new DatiRequisiti(dati.isee().valore(), dati.attestazioneServiziSociali(), attestazioneIndigenzaRichiesta,
                maggiorenni, superficie, dati.nucleo().size());
    }

    /** Art. 7 r.r. 4/2017: every requirement the domanda does not meet, not just the first, added to {@code motivi}. */
    private EsitoRequisiti verificaRequisiti(DatiDomanda dati, boolean lavoroInLombardia, DatiRequisiti datiRequisiti,
                                             RegoleVincolate vincolo, TipoAvviso tipoAvviso, List<String> motivi) {
        int maggiorenni = datiRequisiti.componentiMaggiorenni();
        EsitoRequisiti esito = requisiti.valuta(datiRequisiti, vincolo);
        if (dati.residenteLombardiaDal() == null && !lavoroInLombardia) {
            motivi.add("Residenza o attività lavorativa in Lombardia alla data della domanda (art. 7 co. 1 lett. b)");
        }
        if (!esito.requisitoIsee()) {
            motivi.add("ISEE " + dati.isee().toItalian() + " superiore al limite di 16.000,00 € (art. 7 co. 1 lett. c)");
        }
        if (dati.patrimonio().valore().compareTo(esito.sogliaPatrimoniale()) > 0) {
            motivi.add("Patrimonio " + dati.patrimonio().toItalian() + " superiore alla soglia di "
                    + Importo.of(esito.sogliaPatrimoniale()).toItalian() + " per " + maggiorenni
                    + " maggiorenni (art. 7 co. 1 lett. c)");
        }
        motivoSenzaHandicapGrave(tipoAvviso, dati.nucleo()).ifPresent(motivi::add);
        return esito;
    }

    /**
     * Art. 7 co. 1 lett. d as replaced by r.r. 2/2025: each declared dwelling through the rule (rules/alloggi.dmn), which
     * knows the exceptions; one reason per dwelling that excludes the nucleo. Returns every dwelling with the rule that
     * decided it, for the istruttoria and the explanation.
     */
    private List<AlloggiPosseduti.Valutato> valutaAlloggiPosseduti(DatiDomanda dati, RegoleVincolate vincolo,
                                                                   List<String> motivi) {
        List<AlloggiPosseduti.Valutato> valutati = new ArrayList<>();
        for (int i = 0; i < dati.alloggiPosseduti().size(); i++) {
            DatiDomanda.AlloggioPosseduto alloggio = dati.alloggiPosseduti().get(i);
            RegoleAlloggi.EsitoAlloggioPosseduto esito = regoleAlloggi.alloggioPosseduto(new RegoleAlloggi.DatiAlloggioPosseduto(
                    dati.nucleo().size(), alloggio.diritto(), alloggio.superficieUtile(), alloggio.inagibile(),
                    alloggio.ordinanzaDiVenditaDel() != null), vincolo);
            String regola = esito.regole().stream().filter(r -> r.decisione().equals(RegoleAlloggi.DECISIONE_ALLOGGIO_POSSEDUTO))
                    .map(RegolaApplicata::descrizione).findFirst().orElse("");
            if (esito.escludente()) {
                motivi.add("Alloggio posseduto n. " + (i + 1) + " (" + descrizione(alloggio, dati.nucleo()) + "): " + regola);
            }
            valutati.add(new AlloggiPosseduti.Valutato(alloggio, regola));
        }
        return valutati;
    }

    /** «usufrutto di Anna Verdi (VRDNNA64M59L682N), 65 m², a Malnate». */
    private String descrizione(DatiDomanda.AlloggioPosseduto alloggio, List<DatiDomanda.Componente> nucleo) {
        String dove = alloggio.codiceIstatComune() != null
                ? comuni.perCodiceIstat(alloggio.codiceIstatComune()).map(c -> "a " + c.nome()).orElse("")
                : "all'estero (" + alloggio.statoEstero() + ")";
        String titolare = nucleo.stream().filter(c -> c.codiceFiscale().strip().equalsIgnoreCase(alloggio.codiceFiscaleTitolare()))
                .findFirst().map(c -> c.nome() + " " + c.cognome() + " (" + alloggio.codiceFiscaleTitolare() + ")")
                .orElse(alloggio.codiceFiscaleTitolare());
        return AlloggiPosseduti.diritto(alloggio.diritto()) + " di " + titolare + ", "
                + SceltaAlloggi.metri(alloggio.superficieUtile()) + ", " + dove;
    }

    /**
     * Art. 8 co. 7 bis r.r. 4/2017: an avviso dedicated to severe disability takes only households with a person with
     * severe handicap as defined by art. 3 co. 3 L. 104/1992; a civil invalidity, even 100 % with accompaniment, is
     * another recognition and does not count (seed 003 FAQ 15).
     */
    private static Optional<String> motivoSenzaHandicapGrave(TipoAvviso tipoAvviso, List<DatiDomanda.Componente> nucleo) {
        if (tipoAvviso != TipoAvviso.DISABILITA_GRAVE || nucleo.stream().anyMatch(DatiDomanda.Componente::handicapGrave)) {
            return Optional.empty();
        }
        String motivo = "Nel nucleo non c'è una persona con handicap grave riconosciuto ai sensi dell'art. 3 co. 3 "
                + "L. 104/1992: questo avviso è riservato ai nuclei con una persona in questa condizione (art. 8 co. 7 bis "
                + "r.r. 4/2017)";
        return Optional.of(nucleo.stream().max(Comparator.comparingInt(DatiDomanda.Componente::percentualeInvalidita))
                .filter(c -> c.percentualeInvalidita() > 0)
                .map(c -> motivo + "; l'invalidità civile del " + c.percentualeInvalidita() + " %"
                        + (c.indennitaAccompagnamento() ? " con indennità di accompagnamento" : "")
                        + " dichiarata nel nucleo non basta: è un riconoscimento diverso dall'handicap grave")
                .orElse(motivo));
    }

    private DatiIsbar datiIsbar(DatiDomanda dati, List<AlloggioOfferto> scelti, Avviso avviso, LocalDate oggi) {
        List<DatiDomanda.Componente> nucleo = dati.nucleo();
        DatiDomanda.Componente piuInvalido = nucleo.stream()
                .max(Comparator.comparingInt(DatiDomanda.Componente::percentualeInvalidita)).orElseThrow();
        long adulti = nucleo.stream().filter(c -> eta(c, oggi) >= 18).count();
        long minori = nucleo.size() - adulti;
        return new DatiIsbar(anni(dati.residenteLombardiaDal(), oggi), anni(dati.residenteComuneDal(), oggi),
                scelti.stream().anyMatch(a -> a.codiceIstatComune().equals(dati.codiceIstatResidenza())),
                anziani(nucleo, oggi, avviso.isRiserveCategorie()),
                piuInvalido.percentualeInvalidita(), piuInvalido.indennitaAccompagnamento(),
                nucleo.stream().anyMatch(DatiDomanda.Componente::handicapGrave),
                dati.condizione("famigliaNuovaFormazione"), adulti == 1 && minori > 0,
                dati.condizione("rilascioAlloggio"), dati.condizione("alloggioImproprio"), dati.condizione("coabitazione"),
                dati.condizione("sovraffollamento"), dati.condizione("alloggioAntigienico"),
                dati.condizione("barriereArchitettoniche"), dati.isee().valore());
    }

    /** Art. 14 categories derivable from the declared data (lett. a, b, c, e); Forze di Polizia apply by their own avviso. */
    static List<String> categorie(DatiIsbar dati) {
        List<String> categorie = new ArrayList<>();
        if (dati.anziani()) {
            categorie.add("ANZIANI");
        }
        if (dati.famigliaNuovaFormazione()) {
            categorie.add("FAMIGLIE_NUOVA_FORMAZIONE");
        }
        if (dati.personaSolaConMinori()) {
            categorie.add("NUCLEI_MONOPARENTALI");
        }
        if (dati.invaliditaMassima() >= 66 || dati.handicapGrave()) {
            categorie.add("DISABILI");
        }
        return categorie;
    }

    /**
     * Art. 14 lett. a: households of at most two members aged 65 or more (the other may instead be totally unable to
     * work); since r.r. 2/2025 also any household with a member aged 70 or more (seed 003 FAQ 13).
     */
    static boolean anziani(List<DatiDomanda.Componente> nucleo, LocalDate oggi, boolean regole2025) {
        if (regole2025 && nucleo.stream().anyMatch(c -> eta(c, oggi) >= 70)) {
            return true;
        }
        if (nucleo.size() > 2 || nucleo.stream().noneMatch(c -> eta(c, oggi) >= 65)) {
            return false;
        }
        // the other member, if any, is also 65 or more, or totally unable to work; minors may be present
        return nucleo.stream().allMatch(c -> eta(c, oggi) >= 65 || c.percentualeInvalidita() == 100 || eta(c, oggi) < 18);
    }

    private static int eta(DatiDomanda.Componente c, LocalDate oggi) {
        return Period.between(c.dataNascita(), oggi).getYears();
    }

    private static int anni(LocalDate dal, LocalDate oggi) {
        return dal == null ? 0 : Math.max(0, Period.between(dal, oggi).getYears());
    }

    private static NucleoFamiliare nucleo(DatiDomanda dati) {
        NucleoFamiliare nucleo = new NucleoFamiliare();
        for (DatiDomanda.Componente c : dati.nucleo()) {
            Componente componente = nucleo.aggiungi(new Componente(CodiceFiscale.of(c.codiceFiscale()), c.nome(), c.cognome(),
                    c.dataNascita(), c.relazione()));
            componente.aggiornaInvalidita(c.percentualeInvalidita(), c.indennitaAccompagnamento(), c.handicapGrave());
            componente.setDisoccupato(c.disoccupato());
        }
        return nucleo;
    }

    /**
     * Rettifica per invalidità civile accepted: the member's invalidity data change and ISBAR is recomputed by DMN as
     * of the submission date; only the working scores change, the published ones stay (seed 000). Returns the new
     * working ISBAR.
     */
    @Transactional
    public Punteggio rettificaInvalidita(long domandaId, String codiceFiscaleComponente, int percentuale,
                                        boolean accompagnamento, boolean handicapGrave) {
        Domanda domanda = domande.findById(domandaId).orElseThrow(() -> new NonTrovatoException("Domanda " + domandaId + " non trovata"));
        Componente componente = domanda.getNucleo().getComponenti().stream()
                .filter(c -> c.getCodiceFiscale().valore().equals(codiceFiscaleComponente)).findFirst()
                .orElseThrow(() -> DatiNonValidiException.campo("codiceFiscaleComponente",
                        "non è un componente del nucleo della domanda " + domandaId));
        componente.aggiornaInvalidita(percentuale, accompagnamento, handicapGrave);
        Avviso avviso = domanda.getAvviso();
        LocalDate presentazione = LocalDate.ofInstant(domanda.getPresentataIl(), FUSO);
        Map<Long, AlloggioOfferto> alloggiInAvviso = avvisi.alloggiInAvviso(avviso.getId(), domanda.getAlloggiScelti());
        List<AlloggioOfferto> scelti = domanda.getAlloggiScelti().stream().map(alloggiInAvviso::get).toList();
        PunteggioIsbar punteggio = isbar.calcola(datiIsbar(comeDichiarata(domanda), scelti, avviso, presentazione),
                regole.vincolo(avviso.getId()));
        domanda.aggiornaPunteggioDiLavoro(punteggio);
        return punteggio.totale();
    }

    /** Data an ente corrects in istruttoria; null fields stay as declared. */
    public record Correzione(Importo isee, Map<String, Boolean> condizioni, LocalDate residenteLombardiaDal,
                             LocalDate residenteComuneDal) {
    }

    public record Ricalcolo(Punteggio prima, Punteggio dopo) {
    }

    /**
     * «Conferma ricalcolo» (seed 000): the corrected data are scored again by DMN, as of the submission date. Score and
     * position can only go down: a correction that would raise the working ISBAR is refused and nothing changes.
     */
    @Transactional
    public Ricalcolo ricalcolaPerIstruttoria(long domandaId, Correzione correzione) {
        Domanda domanda = domande.findById(domandaId).orElseThrow(() -> new NonTrovatoException("Domanda " + domandaId + " non trovata"));
        LocalDate presentazione = LocalDate.ofInstant(domanda.getPresentataIl(), FUSO);
        DatiDomanda dichiarata = comeDichiarata(domanda);
        DatiDomanda corretta = new DatiDomanda(dichiarata.nucleo(), dichiarata.codiceIstatResidenza(),
                correzione.residenteLombardiaDal() != null ? correzione.residenteLombardiaDal() : dichiarata.residenteLombardiaDal(),
                correzione.residenteComuneDal() != null ? correzione.residenteComuneDal() : dichiarata.residenteComuneDal(),
                dichiarata.codiceIstatLavoro(), correzione.isee() != null ? correzione.isee() : dichiarata.isee(), null, null,
                dichiarata.patrimonio(), List.of(), false,
                correzione.condizioni() != null ? correzione.condizioni() : dichiarata.condizioni(), dichiarata.alloggi());
        List<Errore> errori = new ArrayList<>();
        if (correzione.condizioni() != null) {
            verificaCondizioni(errori, "correzione.condizioni", correzione.condizioni());
        }
        if (correzione.isee() != null && correzione.isee().valore().compareTo(ISEE_MASSIMO) > 0) {
            // numeric(10, 2) of domanda.isee, whatever path the correction came by
            errori.add(new Errore("correzione.isee", "importo in euro fino a 99.999.999,99"));
        }
        LocalDate nascita = dichiarata.nucleo().stream().filter(c -> c.relazione() == RelazioneParentela.RICHIEDENTE)
                .map(DatiDomanda.Componente::dataNascita).findFirst().orElse(null);
        // the dates the ente corrects; their order with the declared one they do not replace
        verificaDateResidenza(errori, "correzione.", correzione.residenteLombardiaDal(), correzione.residenteComuneDal(), nascita,
                presentazione, "non può essere dopo la presentazione della domanda");
        if (correzione.residenteLombardiaDal() != null || correzione.residenteComuneDal() != null) {
            verificaOrdineResidenze(errori, "correzione.", corretta.residenteLombardiaDal(), corretta.residenteComuneDal());
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        Map<Long, AlloggioOfferto> alloggiInAvviso = avvisi.alloggiInAvviso(domanda.getAvviso().getId(), domanda.getAlloggiScelti());
        List<AlloggioOfferto> scelti = domanda.getAlloggiScelti().stream().map(alloggiInAvviso::get).toList();
        PunteggioIsbar punteggio = isbar.calcola(datiIsbar(corretta, scelti, domanda.getAvviso(), presentazione),
                regole.vincolo(domanda.getAvviso().getId()));
        Punteggio prima = domanda.getIsbarDiLavoro();
        if (punteggio.totale().valore().compareTo(prima.valore()) > 0) {
            throw new ConflittoException("Il ricalcolo porterebbe l'ISBAR della domanda " + domandaId + " da " + prima.toItalian()
                    + " a " + punteggio.totale().toItalian() + ": in istruttoria punteggio e posizione possono solo scendere");
        }
        domanda.correggi(correzione.isee(), correzione.condizioni(), correzione.residenteLombardiaDal(),
                correzione.residenteComuneDal());
        domanda.aggiornaPunteggioDiLavoro(punteggio);
        return new Ricalcolo(prima, punteggio.totale());
    }

    @Transactional(readOnly = true)
    public boolean haComponente(long domandaId, String codiceFiscale) {
        return domande.findById(domandaId).map(d -> d.getNucleo().getComponenti().stream()
                .anyMatch(c -> c.getCodiceFiscale().valore().equals(codiceFiscale))).orElse(false);
    }

    /** The stored domanda as the declaration it came from (with the members' current invalidity data). */
    private static DatiDomanda comeDichiarata(Domanda d) {
        List<DatiDomanda.Componente> nucleo = d.getNucleo().getComponenti().stream()
                .map(c -> new DatiDomanda.Componente(c.getCodiceFiscale().valore(), c.getNome(), c.getCognome(),
                        c.getDataNascita(), c.getRelazione(), c.getPercentualeInvalidita(), c.isIndennitaAccompagnamento(),
                        c.isHandicapGrave(), c.isDisoccupato()))
                .toList();
        return new DatiDomanda(nucleo, d.getCodiceIstatResidenza(), d.getResidenteLombardiaDal(), d.getResidenteComuneDal(),
                d.getCodiceIstatLavoro(), d.getIsee(), null, null, d.getPatrimonio(), List.of(), false, d.getCondizioni(),
                d.getAlloggiScelti());
    }

    /**
     * An operator opening the domanda (issue 16, privacy): {@link #domanda(long)} and the record of the read
     * ({@link LettureDomanda}) in one transaction.
     */
    @Transactional
    public Domanda domandaLetta(long id, LettureDomanda.Dove dove) {
        Domanda domanda = domanda(id);
        letture.registra(id, dove);
        return domanda;
    }

    /** Visible to supervisors and administrators, to whoever submitted it, and to the enti of the chosen alloggi. */
    @Transactional(readOnly = true)
    public Domanda domanda(long id) {
        Domanda domanda = domande.findById(id).orElseThrow(() -> new NonTrovatoException("Domanda " + id + " non trovata"));
        boolean visibile = utente.vedeTuttiGliEnti() || domanda.getPresentataDa().equals(utente.username())
                || avvisi.alloggiDi(domanda.getAvviso().getId()).stream()
                .filter(a -> domanda.getAlloggiScelti().contains(a.getAlloggio().getId()))
                .anyMatch(a -> utente.entiAbilitati().contains(a.getAlloggio().getEnte().getId()));
        if (!visibile) {
            throw new NonTrovatoException("Domanda " + id + " non trovata");
        }
        domanda.getNucleo().getComponenti().size();
        return domanda;
    }
}
