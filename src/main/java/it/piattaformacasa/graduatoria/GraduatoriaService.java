package it.piattaformacasa.graduatoria;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.avviso.Avviso;
import it.piattaformacasa.avviso.AvvisoService;
import it.piattaformacasa.avviso.StatoAvviso;
import it.piattaformacasa.common.CambioDiStato;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.DatiNonValidiException.Errore;
import it.piattaformacasa.common.ItalianFormats;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.Termini;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;
import it.piattaformacasa.domanda.AlloggiScelti;
import it.piattaformacasa.domanda.DomandaInGraduatoria;
import it.piattaformacasa.domanda.DomandaInGraduatoria.AlloggioScelto;
import it.piattaformacasa.domanda.DomandePerGraduatorie;
import it.piattaformacasa.domanda.SceltaInElenco;
import it.piattaformacasa.graduatoria.ClassificaGraduatorie.Chiave;

/**
 * Graduatorie provvisorie at chiusura (art. 12, seed 000): one per ente and comune where the ente has alloggi chosen
 * in the avviso. Set-based: one read of all domande, in-memory ordering, batched inserts, one transaction.
 */
@Service
public class GraduatoriaService {

    /**
     * @param alloggi the ids of the domanda's alloggi of this ente in this comune, as the JSON array the row stores
     * @param scelte  the same alloggi in the domanda's order of preference (its own numbers: «2» is its second choice
     *                overall), each with its code, comune and why the domanda could choose it there (art. 9)
     */
    public record Riga(int posizione, long domandaId, BigDecimal isbar, boolean indigente, boolean priorita, boolean riserva,
                       boolean parimerito, LocalDate residenteComuneDal, LocalDate residenteLombardiaDal,
                       BigDecimal puntiFamiliare, BigDecimal puntiAbitativo, BigDecimal puntiEconomico, String alloggi,
                       List<SceltaInElenco> scelte) {
    }

    public record Generazione(long id, int numeroDomande, int numeroGraduatorie, String digestInput, String digestRisultato) {
    }

    /** Form fields of «Approva graduatoria provvisoria» (forms/approva-graduatoria.form), as errors name them. */
    public static final String CAMPO_NUMERO = "numeroProvvedimento";
    public static final String CAMPO_DATA_PROVVEDIMENTO = "dataProvvedimento";
    public static final String CAMPO_PUBBLICAZIONE = "pubblicazione";
    public static final String CAMPO_DATA_PUBBLICAZIONE = "dataPubblicazione";
    public static final String CAMPO_PUBBLICAZIONE_DEFINITIVA = "pubblicazioneDefinitiva";
    public static final String CAMPO_DATA_PUBBLICAZIONE_DEFINITIVA = "dataPubblicazioneDefinitiva";

    private static final Logger LOG = LoggerFactory.getLogger(GraduatoriaService.class);
    /** First key of the advisory lock that serialises the generations of one avviso (the second key is the avviso). */
    private static final int BLOCCO_GENERAZIONE = "generazione-graduatorie-provvisorie".hashCode();

    private final GraduatoriaRepository graduatorie;
    private final DomandePerGraduatorie domande;
    private final AvvisoService avvisi;
    private final JdbcTemplate jdbc;
    private final UtenteCorrente utente;
    private final Clock clock;
    private final CriterioFinale criterioFinale;
    private final GraduatoriaProcesso processo;
    private final RegistroGenerazioni registro;
    private final AlloggiScelti alloggiScelti;
    private final GraduatoriaDefinitivaService definitive;

    /** Issue 16: every richiedente in the graduatoria is told, in the same transaction (see {@link CambioDiStato}). */
    private final ApplicationEventPublisher eventi;

    GraduatoriaService(GraduatoriaRepository graduatorie, DomandePerGraduatorie domande, AvvisoService avvisi,
                       JdbcTemplate jdbc, UtenteCorrente utente, Clock clock, GraduatoriaProcesso processo, RegistroGenerazioni registro,
                       AlloggiScelti alloggiScelti, GraduatoriaDefinitivaService definitive,
                       @Value("${piattaforma.graduatoria.criterio-finale:PRESENTAZIONE_PRECEDENTE}") CriterioFinale criterioFinale,
                       ApplicationEventPublisher eventi) {
        this.eventi = eventi;
        this.graduatorie = graduatorie;
        this.domande = domande;
        this.avvisi = avvisi;
        this.jdbc = jdbc;
        this.utente = utente;
        this.clock = clock;
        this.criterioFinale = criterioFinale;
        this.processo = processo;
        this.registro = registro;
        this.alloggiScelti = alloggiScelti;
        this.definitive = definitive;
    }

    /**
     * Recorded when the ente's operator completes «Approva graduatoria provvisoria». The provvedimento and the
     * publication happen between the generation of the graduatoria and today (Rome): a publication dated earlier
     * would start the 15-day rettifica window before the list existed, and could close it at once. Every wrong field
     * is named, with the form's field names.
     */
    @Transactional
    public void approva(long graduatoriaId, String numero, LocalDate data, Graduatoria.Pubblicazione dove, LocalDate quando,
                        String operatore) {
        Graduatoria graduatoria = graduatorie.findById(graduatoriaId)
                .orElseThrow(() -> new NonTrovatoException("Graduatoria " + graduatoriaId + " non trovata"));
        LocalDate oggi = Termini.oggi(clock);
        LocalDate generata = Termini.giorno(graduatoria.getGenerataIl());
        List<Errore> errori = new ArrayList<>();
        if (numero == null || numero.isBlank()) {
            errori.add(new Errore(CAMPO_NUMERO, "il numero del provvedimento è obbligatorio"));
        }
        if (data == null) {
            errori.add(new Errore(CAMPO_DATA_PROVVEDIMENTO, "la data del provvedimento è obbligatoria"));
        } else {
            dataNelPeriodo(errori, CAMPO_DATA_PROVVEDIMENTO, "del provvedimento", data, generata, oggi);
        }
        if (dove == null) {
            errori.add(new Errore(CAMPO_PUBBLICAZIONE, "indicare dove è stata pubblicata (albo pretorio, sito dell'ente)"));
        }
        if (quando == null) {
            errori.add(new Errore(CAMPO_DATA_PUBBLICAZIONE, "la data di pubblicazione è obbligatoria"));
        } else {
            dataNelPeriodo(errori, CAMPO_DATA_PUBBLICAZIONE, "di pubblicazione", quando, generata, oggi);
            if (data != null && quando.isBefore(data)) {
                errori.add(new Errore(CAMPO_DATA_PUBBLICAZIONE, "la data di pubblicazione (" + ItalianFormats.data(quando)
                        + ") non può essere anteriore al provvedimento (" + ItalianFormats.data(data) + ")"));
            }
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        graduatoria.approva(numero.strip(), data, dove, quando, operatore, Instant.now(clock));
        eventi.publishEvent(new CambioDiStato(CambioDiStato.Evento.GRADUATORIA_PROVVISORIA, graduatoriaId));
    }

    private static void dataNelPeriodo(List<Errore> errori, String campo, String quale, LocalDate data, LocalDate generata,
                                       LocalDate oggi) {
        if (data.isAfter(oggi)) {
            errori.add(new Errore(campo, "la data " + quale + " (" + ItalianFormats.data(data) + ") non può essere futura"));
        } else if (data.isBefore(generata)) {
            errori.add(new Errore(campo, "la data " + quale + " (" + ItalianFormats.data(data) + ") non può precedere la "
                    + "generazione della graduatoria (" + ItalianFormats.data(generata) + ")"));
        }
    }

    /** The 5-day deadline passed without approval: recorded for the supervisors' list. */
    @Transactional
    public void sollecita(long graduatoriaId) {
        graduatorie.findById(graduatoriaId).orElseThrow().sollecita(Instant.now(clock));
    }

    /** The graduatoria as its tasks name it in Tasklist; empty if it is not there. */
    @Transactional(readOnly = true)
    public Optional<PraticaInBreve> inBreve(long graduatoriaId) {
        return graduatorie.findById(graduatoriaId).map(g -> new PraticaInBreve(g.getEnte().getRagioneSociale(),
                g.getComune().getNome(), g.getAvviso().getTitolo(),
                "Graduatoria n. " + g.getId() + ", " + g.getStato().name().toLowerCase(Locale.ROOT), null, "/graduatorie/" + g.getId()));
    }

    /** How many domande the graduatoria ranks, as its tasks' forms show it. */
    @Transactional(readOnly = true)
    public long numeroDomande(long graduatoriaId) {
        Long righe = jdbc.queryForObject("select count(*) from graduatoria_riga where graduatoria_id = ?", Long.class, graduatoriaId);
        return righe == null ? 0 : righe;
    }

    /** The download of a graduatoria (GraduatorieController), for a link in a form: «xlsx» or «csv». */
    public static String esportazione(long graduatoriaId, String formato) {
        return "/api/graduatorie/" + graduatoriaId + "/esportazione?formato=" + formato;
    }

    /**
     * When «Rendi definitiva la graduatoria» is due. The regulation sets no term for the switch itself, but the list
     * becomes definitive once the 15 days for rettifiche have passed — or, when requests came, once the ente has
     * decided them, within 15 days of each — and the definitive list is published within the following 5 days: the
     * switch comes before that publication, so it is due by the end of the 5th day after the later of the two.
     */
    @Transactional(readOnly = true)
    public Instant scadenzaRendiDefinitiva(long graduatoriaId) {
        Graduatoria graduatoria = perProcesso(graduatoriaId);
        LocalDate definitivaDal = graduatoria.ultimoGiornoRettifiche();
        LocalDate ultimaRichiesta = jdbc.queryForObject(
                "select max(richiesta_il) from rettifica_invalidita where graduatoria_id = ? and stato = 'RICHIESTA'",
                LocalDate.class, graduatoriaId);
        if (ultimaRichiesta != null) {
            LocalDate ultimaDecisione = Termini.ultimoGiorno(ultimaRichiesta, RettificaService.GIORNI_PER_DECIDERE);
            if (ultimaDecisione.isAfter(definitivaDal)) {
                definitivaDal = ultimaDecisione;
            }
        }
        return Termini.fineDel(Termini.ultimoGiorno(definitivaDal, Graduatoria.GIORNI_PUBBLICAZIONE_DEFINITIVA));
    }

    @Transactional(readOnly = true)
    public Graduatoria perProcesso(long graduatoriaId) {
        return graduatorie.findById(graduatoriaId)
                .orElseThrow(() -> new NonTrovatoException("Graduatoria " + graduatoriaId + " non trovata"));
    }

    /**
     * Generates the graduatorie provvisorie of a closed avviso; a second call changes nothing (empty result), also
     * while the first is still running: its job may be re-acquired once its lock expires, on this node or another
     * (ADR 7). The second waits on a transaction-scoped advisory lock of the avviso, then reads the first's commit; a
     * unique index keeps one PROVVISORIE record per avviso whatever happens.
     */
    @Transactional
    public Optional<Generazione> generaProvvisorie(long avvisoId) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null, BLOCCO_GENERAZIONE, Long.hashCode(avvisoId));
        Avviso avviso = avvisi.avviso(avvisoId);
        if (avviso.getStato() != StatoAvviso.CHIUSO) {
            throw new ConflittoException("Le graduatorie si generano alla chiusura: l'avviso " + avvisoId + " è " + avviso.getStato());
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from generazione_graduatorie where avviso_id = ? "
                + "and tipo = 'PROVVISORIE')", Boolean.class, avvisoId)) || graduatorie.existsByAvvisoId(avvisoId)) {
            LOG.info("Graduatorie dell'avviso {} già generate", avvisoId);
            return Optional.empty();
        }
        long inizio = System.nanoTime();
        Instant adesso = Instant.now(clock);
        List<DomandaInGraduatoria> tutte = domande.di(avvisoId);
        ClassificaGraduatorie classifica = ClassificaGraduatorie.perEnteEComune(tutte, parametri(avviso));
        Map<Chiave, Long> generate = new LinkedHashMap<>();
        for (Map.Entry<Chiave, List<DomandaInGraduatoria>> graduatoria : classifica.graduatorie().entrySet()) {
            Chiave chiave = graduatoria.getKey();
            Long graduatoriaId = jdbc.queryForObject("""
                    insert into graduatoria (avviso_id, ente_id, comune_id, stato, generata_il, scadenza_approvazione)
                    values (?, ?, ?, 'PROVVISORIA', ?, ?) returning id""", Long.class,
                    avvisoId, chiave.enteId(), chiave.comuneId(), Timestamp.from(adesso),
                    Timestamp.from(avviso.getChiusura().plus(Graduatoria.TERMINE_APPROVAZIONE)));
            generate.put(chiave, graduatoriaId);
            scriviRighe(graduatoriaId, chiave, graduatoria.getValue(), classifica.parametri().riserveCategorie());
        }
        long inizioRegistro = System.nanoTime();
        long id = registro.registra(avvisoId, RegistroGenerazioni.Tipo.PROVVISORIE, null, avviso.getVersioneRegole(),
                classifica, generate, adesso, inizio);
        long registroMs = (System.nanoTime() - inizioRegistro) / 1_000_000;
        Generazione generazione = new Generazione(id, tutte.size(), classifica.graduatorie().size(), classifica.digestInput(),
                classifica.digestRisultato());
        // one approval process per graduatoria: the ente's «Approva graduatoria provvisoria» with its 5-day deadline
        generate.values().forEach(processo::avvia);
        LOG.info("Avviso {}: {} graduatorie provvisorie da {} domande in {} ms, di cui {} ms per il registro della generazione {}",
                avvisoId, generazione.numeroGraduatorie(), generazione.numeroDomande(), (System.nanoTime() - inizio) / 1_000_000,
                registroMs, id);
        return Optional.of(generazione);
    }

    /**
     * Writes the ranked rows of one graduatoria: one statement per graduatoria, the rows passed as column arrays and
     * expanded by {@code unnest} (one round trip instead of one per row).
     */
    private void scriviRighe(long graduatoriaId, Chiave chiave, List<DomandaInGraduatoria> ordinate, boolean riserve) {
        Map<BigDecimal, Long> perIsbar = ordinate.stream()
                .collect(Collectors.groupingBy(d -> d.isbar().stripTrailingZeros(), Collectors.counting()));
        int n = ordinate.size();
        Integer[] posizioni = new Integer[n];
        Long[] domandeIds = new Long[n];
        BigDecimal[] isbar = new BigDecimal[n];
        Boolean[] indigenti = new Boolean[n];
        Boolean[] priorita = new Boolean[n];
        Boolean[] riserva = new Boolean[n];
        Boolean[] parimerito = new Boolean[n];
        java.sql.Date[] comuneDal = new java.sql.Date[n];
        java.sql.Date[] lombardiaDal = new java.sql.Date[n];
        BigDecimal[] familiare = new BigDecimal[n];
        BigDecimal[] abitativo = new BigDecimal[n];
        BigDecimal[] economico = new BigDecimal[n];
        String[] alloggi = new String[n];
        for (int i = 0; i < n; i++) {
            DomandaInGraduatoria d = ordinate.get(i);
            posizioni[i] = i + 1;
            domandeIds[i] = d.id();
            isbar[i] = d.isbar();
            indigenti[i] = d.indigente();
            priorita[i] = d.indigente() && chiave.codiceIstat().equals(d.codiceIstatResidenza());
            riserva[i] = riserve && d.membroCategorie();
            parimerito[i] = perIsbar.get(d.isbar().stripTrailingZeros()) > 1;
            comuneDal[i] = d.residenteComuneDal() == null ? null : java.sql.Date.valueOf(d.residenteComuneDal());
            lombardiaDal[i] = d.residenteLombardiaDal() == null ? null : java.sql.Date.valueOf(d.residenteLombardiaDal());
            familiare[i] = d.puntiFamiliare();
            abitativo[i] = d.puntiAbitativo();
            economico[i] = d.puntiEconomico();
            alloggi[i] = d.alloggi().stream()
                    .filter(a -> a.enteId() == chiave.enteId() && a.comuneId() == chiave.comuneId())
                    .sorted(Comparator.comparingInt(AlloggioScelto::preferenza))
                    .map(a -> Long.toString(a.alloggioId())).collect(Collectors.joining(",", "[", "]"));
        }
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("""
                    insert into graduatoria_riga (graduatoria_id, posizione, domanda_id, isbar, indigente, priorita, riserva,
                        parimerito, residente_comune_dal, residente_lombardia_dal, punti_familiare, punti_abitativo,
                        punti_economico, alloggi)
                    select ?, t.pos, t.dom, t.isbar, t.ind, t.pri, t.ris, t.par, t.cd, t.ld, t.fam, t.abi, t.eco, t.alg::jsonb
                      from unnest(?::integer[], ?::bigint[], ?::numeric[], ?::boolean[], ?::boolean[], ?::boolean[], ?::boolean[],
                                  ?::date[], ?::date[], ?::numeric[], ?::numeric[], ?::numeric[], ?::text[])
                           as t(pos, dom, isbar, ind, pri, ris, par, cd, ld, fam, abi, eco, alg)""");
            ps.setLong(1, graduatoriaId);
            ps.setArray(2, connection.createArrayOf("integer", posizioni));
            ps.setArray(3, connection.createArrayOf("bigint", domandeIds));
            ps.setArray(4, connection.createArrayOf("numeric", isbar));
            ps.setArray(5, connection.createArrayOf("boolean", indigenti));
            ps.setArray(6, connection.createArrayOf("boolean", priorita));
            ps.setArray(7, connection.createArrayOf("boolean", riserva));
            ps.setArray(8, connection.createArrayOf("boolean", parimerito));
            ps.setArray(9, connection.createArrayOf("date", comuneDal));
            ps.setArray(10, connection.createArrayOf("date", lombardiaDal));
            ps.setArray(11, connection.createArrayOf("numeric", familiare));
            ps.setArray(12, connection.createArrayOf("numeric", abitativo));
            ps.setArray(13, connection.createArrayOf("numeric", economico));
            ps.setArray(14, connection.createArrayOf("text", alloggi));
            return ps;
        });
    }

    /**
     * PROVVISORIA → DEFINITIVA, only after the 15-day rettifica window from publication (art. 12, seed 000): the same
     * domande re-ranked on their working scores, so accepted rettifiche show only here.
     */
    @Transactional
    public void rendiDefinitiva(long graduatoriaId, String operatore) {
        long inizio = System.nanoTime();
        Graduatoria graduatoria = perProcesso(graduatoriaId);
        Integer inAttesa = jdbc.queryForObject("select count(*) from rettifica_invalidita where graduatoria_id = ? and stato = 'RICHIESTA'",
                Integer.class, graduatoriaId);
        if (inAttesa != null && inAttesa > 0) {
            throw new ConflittoException("Ci sono " + inAttesa + " richieste di rettifica per invalidità civile da decidere: "
                    + "la graduatoria diventa definitiva dopo la loro decisione");
        }
        if (graduatoria.getPubblicataIl() == null) {
            throw new ConflittoException("La graduatoria " + graduatoriaId + " non è ancora approvata e pubblicata");
        }
        // the 15th day after publication is a whole day for rettifiche: definitive from the midnight that ends it
        if (Instant.now(clock).isBefore(graduatoria.fineFinestraRettifiche())) {
            throw new ConflittoException("La graduatoria può diventare definitiva dal "
                    + ItalianFormats.data(graduatoria.ultimoGiornoRettifiche().plusDays(1))
                    + ": fino al " + ItalianFormats.data(graduatoria.ultimoGiornoRettifiche())
                    + " compreso si ricevono le richieste di rettifica per invalidità civile");
        }
        Set<Long> inGraduatoria = new HashSet<>(jdbc.queryForList(
                "select domanda_id from graduatoria_riga where graduatoria_id = ?", Long.class, graduatoriaId));
        Avviso avviso = graduatoria.getAvviso();
        Chiave chiave = new Chiave(graduatoria.getEnte().getId(), graduatoria.getComune().getId(),
                graduatoria.getComune().getCodiceIstat());
        ClassificaGraduatorie classifica = ClassificaGraduatorie.unica(chiave, domande.diLavoro(avviso.getId()).stream()
                .filter(d -> inGraduatoria.contains(d.id())).toList(), parametri(avviso));
        jdbc.update("delete from graduatoria_riga where graduatoria_id = ?", graduatoriaId);
        scriviRighe(graduatoriaId, chiave, classifica.graduatorie().get(chiave), classifica.parametri().riserveCategorie());
        Instant adesso = Instant.now(clock);
        graduatoria.rendiDefinitiva(operatore, adesso);
        eventi.publishEvent(new CambioDiStato(CambioDiStato.Evento.GRADUATORIA_DEFINITIVA, graduatoriaId));
        registro.registra(avviso.getId(), RegistroGenerazioni.Tipo.DEFINITIVA, graduatoriaId, avviso.getVersioneRegole(),
                classifica, Map.of(chiave, graduatoriaId), adesso, inizio);
        // its life as a process, and art. 15 co. 4 bis: the previous avvisi's graduatorie of this ente and comune in the
        // ambito stop scrolling, each closed by its own process, in this transaction
        definitive.diventataDefinitiva(graduatoria);
    }

    /** The definitive graduatoria was published (within 5 days of becoming definitive). */
    @Transactional
    public void registraPubblicazioneDefinitiva(long graduatoriaId, Graduatoria.Pubblicazione dove, LocalDate quando) {
        Graduatoria graduatoria = perProcesso(graduatoriaId);
        LocalDate oggi = Termini.oggi(clock);
        List<Errore> errori = new ArrayList<>();
        if (dove == null) {
            errori.add(new Errore(CAMPO_PUBBLICAZIONE_DEFINITIVA, "indicare dove è stata pubblicata (albo pretorio, sito dell'ente)"));
        }
        LocalDate definitiva = Termini.giorno(graduatoria.getDefinitivaIl());
        if (quando == null) {
            errori.add(new Errore(CAMPO_DATA_PUBBLICAZIONE_DEFINITIVA, "la data di pubblicazione è obbligatoria"));
        } else if (quando.isAfter(oggi)) {
            errori.add(new Errore(CAMPO_DATA_PUBBLICAZIONE_DEFINITIVA, "non può essere una data futura"));
        } else if (quando.isBefore(definitiva)) {
            errori.add(new Errore(CAMPO_DATA_PUBBLICAZIONE_DEFINITIVA, "non può precedere il giorno in cui la graduatoria è "
                    + "diventata definitiva (" + ItalianFormats.data(definitiva) + ")"));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        graduatoria.pubblicaDefinitiva(dove, quando);
    }

    /** The parameters this generation ranks with: the configured final criterion, the avviso's rule-set reserves. */
    private ClassificaGraduatorie.Parametri parametri(Avviso avviso) {
        return new ClassificaGraduatorie.Parametri(criterioFinale, avviso.isRiserveCategorie());
    }

    /** The graduatorie of an avviso the caller may see: all for supervisors, those of its enti for operators. */
    @Transactional(readOnly = true)
    public List<Graduatoria> graduatorieDi(long avvisoId) {
        avvisi.avviso(avvisoId);
        return graduatorie.findByAvvisoIdOrderById(avvisoId).stream()
                .filter(g -> utente.puoVedereEnte(g.getEnte().getId())).toList();
    }

    /** 403 for an operator of another ente (the graduatoria's existence is public, its content is the ente's). */
    @Transactional(readOnly = true)
    public Graduatoria graduatoria(long id) {
        Graduatoria graduatoria = graduatorie.findById(id)
                .orElseThrow(() -> new NonTrovatoException("Graduatoria " + id + " non trovata"));
        if (!utente.puoVedereEnte(graduatoria.getEnte().getId())) {
            throw new AccessoNegatoException("La graduatoria " + id + " è di " + graduatoria.getEnte().getRagioneSociale()
                    + ": solo i suoi operatori possono consultarla");
        }
        return graduatoria;
    }

    @Transactional(readOnly = true)
    public List<Riga> righe(long graduatoriaId) {
        graduatoria(graduatoriaId);
        return conScelte(jdbc.query(RIGHE + " order by posizione", (rs, n) -> riga(rs), graduatoriaId));
    }

    /** One page of the rows, in order (the console's list): the database reads only that page. */
    @Transactional(readOnly = true)
    public List<Riga> righe(long graduatoriaId, int pagina, int dimensione) {
        graduatoria(graduatoriaId);
        return conScelte(jdbc.query(RIGHE + " order by posizione limit ? offset ?", (rs, n) -> riga(rs), graduatoriaId,
                dimensione, (long) pagina * dimensione));
    }

    /** The row of one domanda, if it is in the graduatoria (without reading the others). */
    @Transactional(readOnly = true)
    public Optional<Riga> riga(long graduatoriaId, long domandaId) {
        graduatoria(graduatoriaId);
        return conScelte(jdbc.query(RIGHE + " and domanda_id = ?", (rs, n) -> riga(rs), graduatoriaId, domandaId))
                .stream().findFirst();
    }

    /** The row without the caller's visibility check: for this module's services that checked it their own way. */
    Optional<Riga> rigaSenzaVerifica(long graduatoriaId, long domandaId) {
        return jdbc.query(RIGHE + " and domanda_id = ?", (rs, n) -> riga(rs), graduatoriaId, domandaId).stream().findFirst();
    }

    /** A graduatoria and the domanda's place in it, as the citizen whose domanda it is reads them (issue 16). */
    public record PostoDelCittadino(long graduatoriaId, long enteId, String ente, String comune, Graduatoria.Stato stato, int posizione,
                                    BigDecimal isbar, Instant generataIl, LocalDate pubblicataIl,
                                    LocalDate ultimoGiornoRettifiche, boolean finestraRettificheAperta, Instant definitivaIl,
                                    LocalDate definitivaPubblicataIl) {
    }

    /**
     * The graduatorie ranking one domanda with its place in each, for the citizen's own domanda (the caller checked it
     * is theirs: {@link it.piattaformacasa.domanda.DomandeDelCittadino}): graduatorie are published acts, the
     * citizen's row in them is theirs.
     */
    @Transactional(readOnly = true)
    public List<PostoDelCittadino> postiDellaDomanda(long domandaId) {
        LocalDate oggi = it.piattaformacasa.common.Termini.oggi(clock);
        return jdbc.query("select graduatoria_id, posizione, isbar from graduatoria_riga where domanda_id = ? order by graduatoria_id",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3)}, domandaId).stream()
                .map(r -> {
                    Graduatoria g = graduatorie.findById((Long) r[0]).orElseThrow();
                    if (g.getPubblicataIl() == null) {
                        return null; // generated, not yet approved and published: not an act the citizen can read
                    }
                    LocalDate ultimo = g.ultimoGiornoRettifiche();
                    boolean aperta = g.getStato() == Graduatoria.Stato.PROVVISORIA && !oggi.isAfter(ultimo);
                    return new PostoDelCittadino(g.getId(), g.getEnte().getId(), g.getEnte().getRagioneSociale(), g.getComune().getNome(),
                            g.getStato(), (Integer) r[1], (BigDecimal) r[2], g.getGenerataIl(), g.getPubblicataIl(), ultimo,
                            aperta, g.getDefinitivaIl(), g.getDefinitivaPubblicataIl());
                })
                .filter(java.util.Objects::nonNull).toList();
    }

    /** The graduatoria if it ranks the domanda (the citizen's rettifica names it), without the operators' check. */
    Optional<Graduatoria> perIlCittadino(long graduatoriaId, long domandaId) {
        return rigaSenzaVerifica(graduatoriaId, domandaId).flatMap(r -> graduatorie.findById(graduatoriaId));
    }

    private static final String RIGHE = """
            select posizione, domanda_id, isbar, indigente, priorita, riserva, parimerito, residente_comune_dal,
                   residente_lombardia_dal, punti_familiare, punti_abitativo, punti_economico, alloggi::text as alloggi
              from graduatoria_riga where graduatoria_id = ?""";

    private static Riga riga(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Riga(rs.getInt("posizione"), rs.getLong("domanda_id"), rs.getBigDecimal("isbar"),
                rs.getBoolean("indigente"), rs.getBoolean("priorita"), rs.getBoolean("riserva"),
                rs.getBoolean("parimerito"), rs.getObject("residente_comune_dal", LocalDate.class),
                rs.getObject("residente_lombardia_dal", LocalDate.class), rs.getBigDecimal("punti_familiare"),
                rs.getBigDecimal("punti_abitativo"), rs.getBigDecimal("punti_economico"), rs.getString("alloggi"), List.of());
    }

    /** Each row with the choices it lists (this ente, this comune), read for the whole graduatoria in one statement. */
    private List<Riga> conScelte(List<Riga> righe) {
        Map<Long, List<SceltaInElenco>> scelte = alloggiScelti.di(righe.stream().map(Riga::domandaId).toList());
        return righe.stream().map(r -> {
            Set<Long> elencati = idAlloggi(r.alloggi());
            return new Riga(r.posizione(), r.domandaId(), r.isbar(), r.indigente(), r.priorita(), r.riserva(), r.parimerito(),
                    r.residenteComuneDal(), r.residenteLombardiaDal(), r.puntiFamiliare(), r.puntiAbitativo(),
                    r.puntiEconomico(), r.alloggi(), scelte.getOrDefault(r.domandaId(), List.of()).stream()
                            .filter(s -> elencati.contains(s.alloggioId())).toList());
        }).toList();
    }

    /** The ids of the row's JSON array ({@code [19, 23]}). */
    private static Set<Long> idAlloggi(String alloggi) {
        Set<Long> ids = new HashSet<>();
        for (String id : alloggi.replaceAll("[\\[\\] ]", "").split(",")) {
            if (!id.isBlank()) {
                ids.add(Long.valueOf(id));
            }
        }
        return ids;
    }
}
