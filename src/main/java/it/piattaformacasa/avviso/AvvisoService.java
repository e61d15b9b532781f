package it.piattaformacasa.avviso;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.Ambito;
import it.piattaformacasa.anagrafe.AnagrafeService;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.anagrafe.RegioneProfilo;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import it.piattaformacasa.common.AccessoNegatoException;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.NonTrovatoException;
import it.piattaformacasa.common.PraticaInBreve;
import it.piattaformacasa.common.sicurezza.UtenteCorrente;

/** The avviso from predisposizione to chiusura (seed 000, «COME SI APRE UN AVVISO?»). */
@Service
public class AvvisoService {

    public record Predisposizione(String codiceAmbito, String titolo, TipoAvviso tipo, Instant apertura, Instant chiusura) {
    }

    public record AvvisoPredisposto(Avviso avviso, List<String> avvertenze) {
    }

    public record NuovoAlloggioInAvviso(long alloggioId, TipologiaAlloggioInAvviso tipologia, String tipologiaRiscaldamento,
                                        BigDecimal speseAnnueUtenze, String interventi, BigDecimal costoInterventi) {
    }

    static final ZoneId FUSO = ZoneId.of("Europe/Rome");
    /** Hours when the regional assistance is staffed: the Region advises opening and closing inside them (seed 000). */
    private static final LocalTime ASSISTENZA_DALLE = LocalTime.of(9, 0);
    private static final LocalTime ASSISTENZA_ALLE = LocalTime.of(16, 0);

    private final AvvisoRepository avvisi;
    private final AlloggioInAvvisoRepository alloggiInAvviso;
    private final AnagrafeService anagrafe;
    private final AvvisoProcesso processo;
    private final UtenteCorrente utente;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    /**
     * What a domanda needs of an alloggio of the avviso: the surface (adequacy), the comune (residence points, art. 9)
     * and its inhabitants (art. 9 co. 2), the unit's code to name it.
     */
    public record AlloggioOfferto(long id, String codiceUi, BigDecimal superficieUtile, String codiceIstatComune,
                                  String nomeComune, int popolazioneComune) {
    }

    private final RegoleDellAvviso regole;

    AvvisoService(AvvisoRepository avvisi, AlloggioInAvvisoRepository alloggiInAvviso, AnagrafeService anagrafe,
                  AvvisoProcesso processo, UtenteCorrente utente, Clock clock, JdbcTemplate jdbc, RegoleDellAvviso regole) {
        this.jdbc = jdbc;
        this.regole = regole;
        this.avvisi = avvisi;
        this.alloggiInAvviso = alloggiInAvviso;
        this.anagrafe = anagrafe;
        this.processo = processo;
        this.utente = utente;
        this.clock = clock;
    }

    /**
     * The Comune capofila sets the window in which citizens apply. Refused: a window shorter than 30 days, or an
     * apertura that leaves the enti no time to select their alloggi. Warned, not refused: opening or closing outside
     * Monday–Friday 9:00–16:00.
     */
    @Transactional
    public AvvisoPredisposto predisponi(Predisposizione richiesta) {
        Ambito ambito = anagrafe.ambito(richiesta.codiceAmbito());
        EnteProprietario capofila = capofila(ambito)
                .orElseThrow(() -> new ConflittoException("L'ambito " + ambito.getCodice() + " non ha un Comune capofila"));
        RegioneProfilo.LOMBARDIA.richiesto(capofila, "gli avvisi (l.r. 16/2016)");
        if (!puoPredisporre(capofila)) {
            throw new AccessoNegatoException("Solo gli operatori del Comune capofila (" + capofila.getRagioneSociale()
                    + ") abilitati alla Gestione Avviso possono predisporre un avviso dell'ambito");
        }
        Instant adesso = Instant.now(clock);
        verificaFinestra(richiesta, adesso);
        List<String> avvertenze = avvertenzeOrari(richiesta);
        Avviso avviso = avvisi.save(new Avviso(ambito, richiesta.titolo().strip(), richiesta.tipo(), richiesta.apertura(),
                richiesta.chiusura(), regole.parametriDelGiorno(adesso.atZone(FUSO).toLocalDate()), adesso, utente.username(),
                avvertenze.isEmpty() ? null : String.join("\n", avvertenze)));
        regole.vincola(avviso, utente.username());
        processo.avvia(avviso);
        return new AvvisoPredisposto(avviso, avvertenze);
    }

    private Optional<EnteProprietario> capofila(Ambito ambito) {
        return anagrafe.entiDi(ambito).stream().filter(EnteProprietario::isCapofila).findFirst();
    }

    /**
     * Seed 000: only the Comune capofila's operators with «Gestione Avviso» predispose the ambito's avvisi; and only of
     * the Lombardia profile (ADR 16).
     */
    private boolean puoPredisporre(EnteProprietario capofila) {
        return capofila.getRegioneProfilo() == RegioneProfilo.LOMBARDIA && utente.entiGestioneAvviso().contains(capofila.getId());
    }

    /** The ambiti whose avvisi the caller may predisporre (by the rule {@link #predisponi} applies): the console's form. */
    @Transactional(readOnly = true)
    public List<Ambito> ambitiPredisponibili() {
        return anagrafe.ambiti().stream().filter(a -> capofila(a).map(this::puoPredisporre).orElse(false)).toList();
    }

    /** An avviso as a list shows it: its ambito, dates, state, and how many alloggi it offers. */
    public record AvvisoInElenco(long id, String ambito, String titolo, TipoAvviso tipo, StatoAvviso stato, Instant apertura,
                                 Instant chiusura, long alloggi) {
    }

    /**
     * {@link Avviso#statoAl} in SQL: from the chiusura an open avviso (or one still waiting for its apertura) is CHIUSO,
     * from the apertura one waiting for it is APERTO, whether or not their timers have run. Reads {@code ora.adesso},
     * the clock's instant; this class's statements read it once per row as {@code mostrato.stato} ({@link #CON_ORA}).
     */
    static final String STATO_MOSTRATO = """
            (case when a.stato in ('APERTO', 'IN_ATTESA_APERTURA') and a.chiusura <= ora.adesso then 'CHIUSO'
                  when a.stato = 'IN_ATTESA_APERTURA' and a.apertura <= ora.adesso then 'APERTO'
                  else a.stato end)""";
    /**
     * The clock's instant as a one-row relation, the first parameter of the statement that joins it, and each avviso's
     * state as people see it at that instant, {@code mostrato.stato}: computed once per row for the select, the filter
     * and the order alike.
     */
    private static final String CON_ORA = " cross join (select cast(? as timestamptz) as adesso) ora"
            + " cross join lateral (select " + STATO_MOSTRATO + " as stato) mostrato ";

    /** How a list of avvisi may be sorted: the column and its SQL (a fixed set, never the request's text). */
    public enum OrdineAvvisi {
        APERTURA("a.apertura"), CHIUSURA("a.chiusura"), TITOLO("lower(a.titolo)"), STATO("mostrato.stato");

        private final String colonna;

        OrdineAvvisi(String colonna) {
            this.colonna = colonna;
        }
    }

    /** What a list of avvisi is filtered by; null means any. */
    public record FiltroAvvisi(StatoAvviso stato, String testo) {
    }

    /**
     * The avvisi of the ambiti the caller works in (those where one of its enti may offer alloggi, as
     * {@link AnagrafeService#entiDi} says), or of every ambito for whoever sees the Anagrafe of every ente; filtered,
     * sorted and paged in the database.
     */
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Page<AvvisoInElenco> elenco(FiltroAvvisi filtro, OrdineAvvisi ordine, boolean crescente,
                                                                        org.springframework.data.domain.Pageable pagina) {
        StringBuilder dove = new StringBuilder(" from avviso a join ambito am on am.id = a.ambito_id" + CON_ORA + " where true");
        List<Object> parametri = new ArrayList<>();
        parametri.add(java.sql.Timestamp.from(clock.instant()));
        if (!utente.vedeAnagrafeDiTuttiGliEnti()) {
            Set<Long> enti = utente.entiAbilitati();
            Long[] ambiti = anagrafe.ambiti().stream()
                    .filter(am -> anagrafe.entiDi(am).stream().anyMatch(e -> enti.contains(e.getId())))
                    .map(Ambito::getId).toArray(Long[]::new);
            dove.append(" and am.id = any (?)");
            parametri.add(ambiti);
        }
        if (filtro.stato() != null) {
            dove.append(" and mostrato.stato = ?");
            parametri.add(filtro.stato().name());
        }
        if (filtro.testo() != null && !filtro.testo().isBlank()) {
            dove.append(" and (a.titolo ilike ? escape '\\' or am.nome ilike ? escape '\\' or cast(a.id as text) = ?)");
            String testo = filtro.testo().strip();
            String simile = "%" + testo.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            parametri.add(simile);
            parametri.add(simile);
            parametri.add(testo);
        }
        Long totale = jdbc.queryForObject("select count(*)" + dove, Long.class, parametri.toArray());
        List<Object> conPagina = new ArrayList<>(parametri);
        conPagina.add(pagina.getPageSize());
        conPagina.add(pagina.getOffset());
        List<AvvisoInElenco> righe = jdbc.query("""
                select a.id, am.nome as ambito, a.titolo, a.tipo, mostrato.stato, a.apertura, a.chiusura,
                       (select count(*) from alloggio_in_avviso x where x.avviso_id = a.id) as alloggi""" + dove
                        + " order by " + ordine.colonna + (crescente ? " asc" : " desc") + ", a.id desc limit ? offset ?",
                (rs, n) -> new AvvisoInElenco(rs.getLong("id"), rs.getString("ambito"), rs.getString("titolo"),
                        TipoAvviso.valueOf(rs.getString("tipo")), StatoAvviso.valueOf(rs.getString("stato")),
                        rs.getTimestamp("apertura").toInstant(), rs.getTimestamp("chiusura").toInstant(), rs.getLong("alloggi")),
                conPagina.toArray());
        return new org.springframework.data.domain.PageImpl<>(righe, pagina, totale == null ? 0 : totale);
    }

    private static void verificaFinestra(Predisposizione richiesta, Instant adesso) {
        List<DatiNonValidiException.Errore> errori = new ArrayList<>();
        if (!richiesta.chiusura().isAfter(richiesta.apertura())) {
            errori.add(new DatiNonValidiException.Errore("chiusura", "la chiusura deve seguire l'apertura"));
        } else if (Duration.between(richiesta.apertura(), richiesta.chiusura()).compareTo(Avviso.DURATA_MINIMA) < 0) {
            errori.add(new DatiNonValidiException.Errore("chiusura",
                    "l'avviso deve restare aperto almeno 30 giorni (art. 8 r.r. 4/2017)"));
        }
        if (!richiesta.apertura().minus(Avviso.ANTICIPO_FINE_SELEZIONE).isAfter(adesso)) {
            errori.add(new DatiNonValidiException.Errore("apertura",
                    "l'apertura deve essere oltre 24 ore da adesso: gli enti selezionano gli alloggi fino a 24 ore prima"));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
    }

    private static List<String> avvertenzeOrari(Predisposizione richiesta) {
        List<String> avvertenze = new ArrayList<>();
        if (fuoriOrarioAssistenza(richiesta.apertura())) {
            avvertenze.add("L'apertura cade fuori dalla fascia lunedì-venerdì 9:00-16:00 presidiata dall'assistenza della piattaforma");
        }
        if (fuoriOrarioAssistenza(richiesta.chiusura())) {
            avvertenze.add("La chiusura cade fuori dalla fascia lunedì-venerdì 9:00-16:00 presidiata dall'assistenza della piattaforma");
        }
        return avvertenze;
    }

    private static boolean fuoriOrarioAssistenza(Instant istante) {
        ZonedDateTime locale = istante.atZone(FUSO);
        boolean weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).contains(locale.getDayOfWeek());
        LocalTime ora = locale.toLocalTime();
        return weekend || ora.isBefore(ASSISTENZA_DALLE) || ora.isAfter(ASSISTENZA_ALLE);
    }

    /**
     * An ente adds one of its own alloggi, in a comune of the ambito, while the selection window is open. The
     * Anagrafe state must fit the tipologia; the avviso keeps its own state for the unit.
     */
    @Transactional
    public AlloggioInAvviso aggiungiAlloggio(long avvisoId, NuovoAlloggioInAvviso richiesta) {
        Avviso avviso = avvisoInSelezione(avvisoId, "gli alloggi si inseriscono fino a 24 ore prima dell'apertura");
        Alloggio alloggio = alloggioGestitoDallUtente(richiesta.alloggioId(), "inserire");
        List<DatiNonValidiException.Errore> errori = errori(avviso, alloggio, richiesta, "");
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        if (alloggiInAvviso.existsByAvvisoIdAndAlloggioId(avvisoId, alloggio.getId())) {
            throw new ConflittoException("L'alloggio " + alloggio.getId() + " è già nell'avviso " + avvisoId);
        }
        return inserisci(avviso, alloggio, richiesta, utente.username());
    }

    /**
     * An alloggio the ente may still put in the avviso: what «Seleziona alloggi per l'avviso» offers. Its Anagrafe
     * state tells which tipologie fit it.
     */
    public record AlloggioSelezionabile(long id, String codiceUi, String comune, String indirizzo, BigDecimal superficieUtile,
                                        int vani, StatoAlloggio stato) {
    }

    /**
     * The alloggi the ente may add to the avviso, by the rules {@link #aggiungiAlloggio} applies: its own units, in a
     * comune of the ambito, in an Anagrafe state that fits some tipologia, not already in the avviso. Empty when the
     * avviso or the ente is not there.
     */
    @Transactional(readOnly = true)
    public List<AlloggioSelezionabile> alloggiSelezionabili(long avvisoId, CodiceFiscale ente) {
        Optional<Avviso> avviso = avvisi.conAmbito(avvisoId);
        Optional<EnteProprietario> diEnte = anagrafe.enteConCodiceFiscale(ente);
        if (avviso.isEmpty() || diEnte.isEmpty()) {
            return List.of();
        }
        Set<StatoAlloggio> stati = EnumSet.noneOf(StatoAlloggio.class);
        for (TipologiaAlloggioInAvviso tipologia : TipologiaAlloggioInAvviso.values()) {
            stati.addAll(statiAnagrafeAmmessi(tipologia));
        }
        return alloggiInAvviso.nonInseriti(avvisoId, diEnte.get().getId(), avviso.get().getAmbito().getId(), stati).stream()
                .map(a -> new AlloggioSelezionabile(a.getId(), a.getCodiceUi(), a.getComune().getNome(), indirizzo(a),
                        a.getSuperficieUtile(), a.getVani(), a.getStato()))
                .toList();
    }

    /** The ente's alloggi already in the avviso, in the order they were added. */
    @Transactional(readOnly = true)
    public List<AlloggioInAvviso> alloggiDellEnte(long avvisoId, CodiceFiscale ente) {
        return anagrafe.enteConCodiceFiscale(ente)
                .map(e -> alloggiInAvviso.findByAvvisoIdAndAlloggioEnteIdOrderById(avvisoId, e.getId()))
                .orElse(List.of());
    }

    /**
     * The ente of a «Seleziona alloggi per l'avviso» task adds several alloggi at once, all or none: each must be of
     * that ente (the person completing the task holds it for the ente: the engine checked that), and pass the rules
     * of {@link #aggiungiAlloggio}. A refusal names the row's field as {@code elenco[i].campo}.
     *
     * @param elenco    how the caller names the list, for the fields of a refusal
     * @param operatore who completed the task (recorded as who inserted the alloggi)
     */
    @Transactional
    public List<AlloggioInAvviso> aggiungiAlloggiDellEnte(long avvisoId, CodiceFiscale ente, String elenco,
                                                          List<NuovoAlloggioInAvviso> richieste, String operatore) {
        Avviso avviso = avvisoInSelezione(avvisoId, "gli alloggi si inseriscono fino a 24 ore prima dell'apertura");
        EnteProprietario diEnte = anagrafe.enteConCodiceFiscale(ente)
                .orElseThrow(() -> new NonTrovatoException("Ente " + ente.valore() + " non trovato"));
        List<DatiNonValidiException.Errore> errori = new ArrayList<>();
        Map<Long, Alloggio> trovati = new HashMap<>();
        Set<Long> visti = new java.util.HashSet<>();
        for (int i = 0; i < richieste.size(); i++) {
            NuovoAlloggioInAvviso richiesta = richieste.get(i);
            String riga = elenco + "[" + i + "].";
            Optional<Alloggio> alloggio = anagrafe.alloggioDellEnte(richiesta.alloggioId(), diEnte.getId());
            if (alloggio.isEmpty()) {
                errori.add(new DatiNonValidiException.Errore(riga + "alloggioId", "riga " + (i + 1) + ": l'alloggio "
                        + richiesta.alloggioId() + " non è tra gli alloggi di " + diEnte.getRagioneSociale()));
                continue;
            }
            if (!visti.add(richiesta.alloggioId())) {
                errori.add(new DatiNonValidiException.Errore(riga + "alloggioId", "riga " + (i + 1) + ": l'alloggio "
                        + alloggio.get().getCodiceUi() + " è indicato più di una volta"));
                continue;
            }
            if (alloggiInAvviso.existsByAvvisoIdAndAlloggioId(avvisoId, richiesta.alloggioId())) {
                errori.add(new DatiNonValidiException.Errore(riga + "alloggioId", "riga " + (i + 1) + ": l'alloggio "
                        + alloggio.get().getCodiceUi() + " è già nell'avviso"));
                continue;
            }
            String quale = "riga " + (i + 1) + " (alloggio " + alloggio.get().getCodiceUi() + "): ";
            errori.addAll(errori(avviso, alloggio.get(), richiesta, riga).stream()
                    .map(e -> new DatiNonValidiException.Errore(e.campo(), quale + e.messaggio())).toList());
            trovati.put(richiesta.alloggioId(), alloggio.get());
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        List<AlloggioInAvviso> inseriti = new ArrayList<>();
        for (NuovoAlloggioInAvviso richiesta : richieste) {
            inseriti.add(inserisci(avviso, trovati.get(richiesta.alloggioId()), richiesta, operatore));
        }
        return inseriti;
    }

    /**
     * Why the alloggio cannot enter the avviso as asked (empty if it can): outside the ambito, an Anagrafe state that
     * does not fit the tipologia, the data of seed 000 («informazioni aggiuntive obbligatorie») missing.
     */
    private static List<DatiNonValidiException.Errore> errori(Avviso avviso, Alloggio alloggio, NuovoAlloggioInAvviso richiesta,
                                                              String prefisso) {
        List<DatiNonValidiException.Errore> errori = new ArrayList<>();
        if (alloggio.isRitirato()) {
            // issue 13: a unit retired from the Anagrafe is not offered any more
            errori.add(new DatiNonValidiException.Errore(prefisso + "alloggioId", "l'alloggio è stato ritirato dall'Anagrafe"));
            return errori;
        }
        if (!alloggio.getComune().getAmbito().getId().equals(avviso.getAmbito().getId())) {
            errori.add(new DatiNonValidiException.Errore(prefisso + "alloggioId", "l'alloggio è nel comune di "
                    + alloggio.getComune().getNome() + ", fuori dall'ambito dell'avviso"));
        }
        if (richiesta.tipologia() == null) {
            errori.add(new DatiNonValidiException.Errore(prefisso + "tipologia", "la tipologia è obbligatoria"));
            return errori;
        }
        Set<StatoAlloggio> ammessi = statiAnagrafeAmmessi(richiesta.tipologia());
        if (!ammessi.contains(alloggio.getStato())) {
            errori.add(new DatiNonValidiException.Errore(prefisso + "tipologia", "un alloggio " + alloggio.getStato()
                    + " in Anagrafe non può essere inserito come " + richiesta.tipologia() + " (stati ammessi: " + ammessi + ")"));
        }
        if (richiesta.tipologiaRiscaldamento() == null || richiesta.tipologiaRiscaldamento().isBlank()) {
            errori.add(new DatiNonValidiException.Errore(prefisso + "tipologiaRiscaldamento",
                    "la tipologia di riscaldamento è obbligatoria"));
        }
        if (richiesta.speseAnnueUtenze() == null || richiesta.speseAnnueUtenze().signum() < 0) {
            errori.add(new DatiNonValidiException.Errore(prefisso + "speseAnnueUtenze",
                    "la stima delle spese annue per le utenze è obbligatoria e non negativa"));
        }
        if (richiesta.tipologia().richiedeInterventi()
                && (richiesta.interventi() == null || richiesta.interventi().isBlank() || richiesta.costoInterventi() == null)) {
            errori.add(new DatiNonValidiException.Errore(prefisso + "interventi",
                    "per un alloggio assegnabile allo stato di fatto vanno indicati gli interventi e il loro costo stimato"));
        }
        if (richiesta.costoInterventi() != null && richiesta.costoInterventi().signum() < 0) {
            errori.add(new DatiNonValidiException.Errore(prefisso + "costoInterventi", "il costo degli interventi non può essere negativo"));
        }
        // the columns' bounds (V3__avviso.sql), the same as the API's
        if (richiesta.speseAnnueUtenze() != null && !importo(richiesta.speseAnnueUtenze(), 8)) {
            errori.add(new DatiNonValidiException.Errore(prefisso + "speseAnnueUtenze",
                    "importo in euro con al massimo due decimali e otto cifre intere"));
        }
        if (richiesta.costoInterventi() != null && !importo(richiesta.costoInterventi(), 10)) {
            errori.add(new DatiNonValidiException.Errore(prefisso + "costoInterventi",
                    "importo in euro con al massimo due decimali e dieci cifre intere"));
        }
        if (richiesta.tipologiaRiscaldamento() != null && richiesta.tipologiaRiscaldamento().strip().length() > 120) {
            errori.add(new DatiNonValidiException.Errore(prefisso + "tipologiaRiscaldamento", "al massimo 120 caratteri"));
        }
        if (richiesta.interventi() != null && richiesta.interventi().strip().length() > 2000) {
            errori.add(new DatiNonValidiException.Errore(prefisso + "interventi", "al massimo 2000 caratteri"));
        }
        return errori;
    }

    private static boolean importo(BigDecimal valore, int cifreIntere) {
        BigDecimal senzaZeri = valore.stripTrailingZeros();
        return Math.max(senzaZeri.scale(), 0) <= 2 && senzaZeri.precision() - senzaZeri.scale() <= cifreIntere;
    }

    private AlloggioInAvviso inserisci(Avviso avviso, Alloggio alloggio, NuovoAlloggioInAvviso richiesta, String operatore) {
        return alloggiInAvviso.save(new AlloggioInAvviso(avviso, alloggio, richiesta.tipologia(),
                richiesta.tipologiaRiscaldamento().strip(), richiesta.speseAnnueUtenze(),
                richiesta.tipologia().richiedeInterventi() ? richiesta.interventi().strip() : null,
                richiesta.tipologia().richiedeInterventi() ? richiesta.costoInterventi() : null,
                operatore, Instant.now(clock)));
    }

    private static String indirizzo(Alloggio a) {
        StringBuilder testo = new StringBuilder(a.getIndirizzo());
        if (a.getScala() != null && !a.getScala().isBlank()) {
            testo.append(", scala ").append(a.getScala());
        }
        if (a.getInterno() != null && !a.getInterno().isBlank()) {
            testo.append(", interno ").append(a.getInterno());
        }
        return testo.toString();
    }

    /** The ente withdraws one of its alloggi from the avviso, only while the selection window is open. */
    @Transactional
    public void ritiraAlloggio(long avvisoId, long alloggioId) {
        avvisoInSelezione(avvisoId, "l'alloggio non può più essere ritirato");
        alloggioGestitoDallUtente(alloggioId, "ritirare");
        AlloggioInAvviso inserito = alloggiInAvviso.findByAvvisoIdAndAlloggioId(avvisoId, alloggioId)
                .orElseThrow(() -> new NonTrovatoException("L'alloggio " + alloggioId + " non è nell'avviso " + avvisoId));
        alloggiInAvviso.delete(inserito);
    }

    private Avviso avvisoInSelezione(long avvisoId, String conseguenza) {
        Avviso avviso = avviso(avvisoId);
        if (avviso.getStato() != StatoAvviso.SELEZIONE_ALLOGGI) {
            throw new ConflittoException("La selezione degli alloggi dell'avviso " + avvisoId + " è chiusa (stato "
                    + avviso.getStato() + "): " + conseguenza);
        }
        return avviso;
    }

    /** 404 if the caller cannot see the alloggio at all, 403 if it sees it without «Gestione Avviso» for its ente. */
    private Alloggio alloggioGestitoDallUtente(long alloggioId, String azione) {
        Alloggio alloggio = anagrafe.alloggio(alloggioId);
        if (!utente.entiGestioneAvviso().contains(alloggio.getEnte().getId())) {
            throw new AccessoNegatoException("Solo gli operatori di " + alloggio.getEnte().getRagioneSociale()
                    + " abilitati alla Gestione Avviso possono " + azione + " i suoi alloggi");
        }
        return alloggio;
    }

    /**
     * Immediately assignable units are free today; «entro la chiusura» units may still be under minor works;
     * «stato di fatto» units are registered as sfitti per carenze manutentive (seed 000, seed 001).
     */
    private static Set<StatoAlloggio> statiAnagrafeAmmessi(TipologiaAlloggioInAvviso tipologia) {
        return switch (tipologia) {
            case IMMEDIATAMENTE_ASSEGNABILE -> EnumSet.of(StatoAlloggio.LIBERO);
            case ASSEGNABILE_ENTRO_CHIUSURA -> EnumSet.of(StatoAlloggio.LIBERO, StatoAlloggio.SFITTO_CARENZE_MANUTENTIVE);
            case STATO_DI_FATTO_INTERVENTI_ENTE, STATO_DI_FATTO_INTERVENTI_CITTADINO -> EnumSet.of(StatoAlloggio.SFITTO_CARENZE_MANUTENTIVE);
        };
    }

    /**
     * The avviso alone, for work inside the caller's transaction (a domanda's submission): no ambito, which
     * {@link #avviso(long)} fetches for callers that map it after the transaction.
     */
    @Transactional(readOnly = true)
    public Avviso avvisoSenzaAmbito(long id) {
        return avvisi.findById(id).orElseThrow(() -> new NonTrovatoException("Avviso " + id + " non trovato"));
    }

    /**
     * The state now ({@link Avviso#statoAl}), what people are shown and submissions are judged by, and whether the
     * chiusura has passed without the engine having recorded it yet ({@link Avviso#chiusuraDaRegistrare}): both at the
     * same instant.
     */
    public record Finestra(StatoAvviso stato, boolean chiusuraDaRegistrare) {
    }

    public Finestra finestra(Avviso avviso) {
        Instant adesso = clock.instant();
        return new Finestra(avviso.statoAl(adesso), avviso.chiusuraDaRegistrare(adesso));
    }

    @Transactional(readOnly = true)
    public Avviso avviso(long id) {
        return avvisi.conAmbito(id).orElseThrow(() -> new NonTrovatoException("Avviso " + id + " non trovato"));
    }

    @Transactional(readOnly = true)
    public List<Avviso> avvisiDi(String codiceAmbito) {
        return avvisi.findByAmbitoIdOrderByAperturaDesc(anagrafe.ambito(codiceAmbito).getId());
    }

    @Transactional(readOnly = true)
    public List<AlloggioInAvviso> alloggiDi(long avvisoId) {
        avviso(avvisoId);
        return alloggiInAvviso.findByAvvisoIdOrderById(avvisoId);
    }

    /**
     * Those of the given alloggi that are in the avviso, by id: what a domanda needs, without reading every alloggio
     * of the avviso at each submission (plain SQL: Hibernate re-translates a JPQL query with a list parameter on
     * every call, which was a sixth of a submission).
     */
    @Transactional(readOnly = true)
    public Map<Long, AlloggioOfferto> alloggiInAvviso(long avvisoId, Collection<Long> alloggi) {
        if (alloggi.isEmpty()) {
            return Map.of();
        }
        Map<Long, AlloggioOfferto> trovati = new HashMap<>();
        jdbc.query(ALLOGGI_OFFERTI + " and aa.alloggio_id = any (?)",
                rs -> {
                    trovati.put(rs.getLong(1), alloggioOfferto(rs));
                }, avvisoId, alloggi.toArray(new Long[0]));
        return trovati;
    }

    /** An avviso as the citizens' side lists it (issue 16): its ambito and comuni, its window. */
    public record AvvisoPubblico(long id, String ambito, String comuni, String titolo, TipoAvviso tipo, StatoAvviso stato,
                                 Instant apertura, Instant chiusura, long alloggi) {
        public boolean aperto() {
            return stato == StatoAvviso.APERTO;
        }
    }

    private static final String AVVISI_PUBBLICI = """
            select a.id, am.nome, (select string_agg(c.nome, ', ' order by c.nome) from comune c where c.ambito_id = am.id),
                   a.titolo, a.tipo, mostrato.stato, a.apertura, a.chiusura,
                   (select count(*) from alloggio_in_avviso x where x.avviso_id = a.id)
              from avviso a join ambito am on am.id = a.ambito_id""" + CON_ORA + """
             where a.tipo <> 'FORZE_POLIZIA'""";

    /**
     * What a citizen may apply to: the open avvisi, and those that will open (predisposed, apertura ahead), soonest
     * closing first, then soonest opening. The avvisi for the forces are filed at the sportello with the Prefettura's
     * list, so they are not here.
     */
    @Transactional(readOnly = true)
    public List<AvvisoPubblico> avvisiPerICittadini() {
        return jdbc.query(AVVISI_PUBBLICI + """
                 and (mostrato.stato = 'APERTO'
                      or (a.stato in ('PREDISPOSTO', 'SELEZIONE_ALLOGGI', 'IN_ATTESA_APERTURA') and a.apertura > ora.adesso))
                 order by mostrato.stato = 'APERTO' desc, case when mostrato.stato = 'APERTO' then a.chiusura else a.apertura end,
                          a.id""",
                (rs, n) -> avvisoPubblico(rs), java.sql.Timestamp.from(clock.instant()));
    }

    /** One avviso as {@link #avvisiPerICittadini} shows it, whatever its state; 404 for the forces' avvisi. */
    @Transactional(readOnly = true)
    public AvvisoPubblico avvisoPubblico(long id) {
        return jdbc.query(AVVISI_PUBBLICI + " and a.id = ?", (rs, n) -> avvisoPubblico(rs), java.sql.Timestamp.from(clock.instant()), id)
                .stream().findFirst()
                .orElseThrow(() -> new NonTrovatoException("Avviso " + id + " non trovato"));
    }

    private static AvvisoPubblico avvisoPubblico(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AvvisoPubblico(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                TipoAvviso.valueOf(rs.getString(5)), StatoAvviso.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8).toInstant(), rs.getLong(9));
    }

    /**
     * An alloggio of the avviso with what seed 000 publishes to the citizens: where it is, what it is like, its
     * tipologia in the avviso, heating, annual costs for services and, allo stato di fatto, the works needed.
     */
    public record AlloggioPubblicato(long id, String codiceUi, String codiceIstatComune, String comune, String indirizzo,
                                     String scala, String interno, int piano, BigDecimal superficieUtile, int vani,
                                     boolean ascensore, boolean barriereArchitettoniche, TipologiaAlloggioInAvviso tipologia,
                                     String riscaldamento, BigDecimal speseAnnue, String interventi, BigDecimal costoInterventi) {
        /** As {@link AlloggioOfferto#nomeComune()}, for the lists that show either. */
        public String nomeComune() {
            return comune;
        }
    }

    @Transactional(readOnly = true)
    public List<AlloggioPubblicato> alloggiPubblicati(long avvisoId) {
        return jdbc.query("""
                select a.id, a.codice_ui, c.codice_istat, c.nome, a.indirizzo, a.scala, a.interno, a.piano, a.superficie_utile,
                       a.vani, a.ascensore, a.barriere_architettoniche, aa.tipologia, aa.tipologia_riscaldamento,
                       aa.spese_annue_utenze, aa.interventi, aa.costo_interventi
                  from alloggio_in_avviso aa
                  join alloggio a on a.id = aa.alloggio_id
                  join comune c on c.id = a.comune_id
                 where aa.avviso_id = ?
                 order by c.nome, a.indirizzo, a.id""",
                (rs, n) -> new AlloggioPubblicato(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getBigDecimal(9), rs.getInt(10),
                        rs.getBoolean(11), rs.getBoolean(12), TipologiaAlloggioInAvviso.valueOf(rs.getString(13)),
                        rs.getString(14), rs.getBigDecimal(15), rs.getString(16), rs.getBigDecimal(17)), avvisoId);
    }

    /** Every alloggio of the avviso, by comune and id: where a domanda may choose (art. 9) depends on all of them. */
    @Transactional(readOnly = true)
    public List<AlloggioOfferto> alloggiOfferti(long avvisoId) {
        return jdbc.query(ALLOGGI_OFFERTI + " order by c.nome, a.id", (rs, n) -> alloggioOfferto(rs), avvisoId);
    }

    private static final String ALLOGGI_OFFERTI = """
            select a.id, a.codice_ui, a.superficie_utile, c.codice_istat, c.nome, c.popolazione
              from alloggio_in_avviso aa
              join alloggio a on a.id = aa.alloggio_id
              join comune c on c.id = a.comune_id
             where aa.avviso_id = ?""";

    private static AlloggioOfferto alloggioOfferto(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AlloggioOfferto(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
                rs.getInt(6));
    }

    /**
     * The alloggi {@link #aggiungiAlloggioLibero} accepts for this ente and comune: the ente's units in the comune, free
     * in the Anagrafe, not already in the avviso. What the console offers in «Aggiungi un alloggio liberato».
     */
    @Transactional(readOnly = true)
    public List<AlloggioSelezionabile> alloggiLiberiAggiungibili(long avvisoId, long enteId, long comuneId) {
        return alloggiInAvviso.nonInseritiNelComune(avvisoId, enteId, comuneId, StatoAlloggio.LIBERO).stream()
                .map(a -> new AlloggioSelezionabile(a.getId(), a.getCodiceUi(), a.getComune().getNome(), indirizzo(a),
                        a.getSuperficieUtile(), a.getVani(), a.getStato()))
                .toList();
    }

    /**
     * An alloggio freed after a sgombero, made available to the avviso's ripescaggio through the alloggi area: not
     * published in the avviso (seed 000 «alloggi liberi»). Free in the Anagrafe, of that ente and comune, not already in
     * the avviso.
     */
    @Transactional
    public void aggiungiAlloggioLibero(long avvisoId, long alloggioId, long enteId, long comuneId, String tipologiaRiscaldamento,
                                       BigDecimal speseAnnueUtenze) {
        Map<String, Object> alloggio = jdbc.queryForList("select ente_id, comune_id, stato from alloggio where id = ?"
                        + " and ritirato_il is null", alloggioId)
                .stream().findFirst().orElseThrow(() -> DatiNonValidiException.campo("alloggioId", "alloggio " + alloggioId
                        + " non trovato"));
        if (((Number) alloggio.get("ente_id")).longValue() != enteId || ((Number) alloggio.get("comune_id")).longValue() != comuneId) {
            throw DatiNonValidiException.campo("alloggioId", "l'alloggio " + alloggioId + " non è dell'ente in questo comune");
        }
        if (!StatoAlloggio.LIBERO.name().equals(alloggio.get("stato"))) {
            throw DatiNonValidiException.campo("alloggioId", "l'alloggio " + alloggioId + " non è libero nell'Anagrafe ("
                    + alloggio.get("stato") + ")");
        }
        List<DatiNonValidiException.Errore> errori = new ArrayList<>();
        if (tipologiaRiscaldamento == null || tipologiaRiscaldamento.isBlank()) {
            errori.add(new DatiNonValidiException.Errore("tipologiaRiscaldamento", "obbligatoria"));
        }
        if (speseAnnueUtenze == null || speseAnnueUtenze.signum() < 0) {
            errori.add(new DatiNonValidiException.Errore("speseAnnueUtenze", "obbligatorie e non negative"));
        }
        if (!errori.isEmpty()) {
            throw new DatiNonValidiException(errori);
        }
        int inseriti = jdbc.update("""
                insert into alloggio_in_avviso (avviso_id, alloggio_id, tipologia, stato_in_avviso, tipologia_riscaldamento,
                    spese_annue_utenze, inserito_da, inserito_il, pubblicato_in_avviso)
                values (?, ?, 'IMMEDIATAMENTE_ASSEGNABILE', 'LIBERO', ?, ?, ?, ?, false)
                on conflict (avviso_id, alloggio_id) do nothing""", avvisoId, alloggioId, tipologiaRiscaldamento,
                speseAnnueUtenze, utente.username(), java.sql.Timestamp.from(Instant.now(clock)));
        if (inseriti == 0) {
            throw new ConflittoException("L'alloggio " + alloggioId + " è già in questo avviso");
        }
    }

    /**
     * The avviso as an ente's «Seleziona alloggi per l'avviso» names it in Tasklist; empty if the avviso or the ente
     * is not there.
     */
    @Transactional(readOnly = true)
    public Optional<PraticaInBreve> inBreve(long avvisoId, CodiceFiscale ente) {
        Optional<Avviso> avviso = avvisi.conAmbito(avvisoId);
        Optional<EnteProprietario> diEnte = anagrafe.enteConCodiceFiscale(ente);
        if (avviso.isEmpty() || diEnte.isEmpty()) {
            return Optional.empty();
        }
        Avviso a = avviso.get();
        return Optional.of(new PraticaInBreve(diEnte.get().getRagioneSociale(), diEnte.get().getComune().getNome(),
                a.getTitolo(), "Avviso n. " + a.getId(), null, "/avvisi/" + a.getId()));
    }

    /** The enti that may offer alloggi: those with fabbricati in the ambito or seated there. */
    @Transactional(readOnly = true)
    public List<EnteProprietario> entiDellAmbito(long avvisoId) {
        return anagrafe.entiDi(avviso(avvisoId).getAmbito());
    }

    /**
     * Whether one of {@code enti} is among {@link #entiDellAmbito}'s for an avviso already loaded: whether the caller
     * works at one of its sportelli, asked by every domanda presented (no second read of the avviso, no enti loaded,
     * only the caller's enti looked at: the same cost for a region of 1,500 enti as for the demo's).
     */
    @Transactional(readOnly = true)
    public boolean unoDegliEntiNellAmbito(Avviso avviso, java.util.Set<Long> enti) {
        return anagrafe.unoOperaNellAmbito(avviso.getAmbito().getId(), enti);
    }

    // steps driven by processes/avviso.bpmn

    @Transactional
    public void apriSelezioneAlloggi(long avvisoId) {
        avviso(avvisoId).apriSelezioneAlloggi();
    }

    @Transactional
    public void chiudiSelezioneAlloggi(long avvisoId) {
        avviso(avvisoId).chiudiSelezioneAlloggi();
    }

    @Transactional
    public void apri(long avvisoId) {
        avviso(avvisoId).apri();
    }

    @Transactional
    public void chiudi(long avvisoId) {
        avviso(avvisoId).chiudi(Instant.now(clock));
    }
}
