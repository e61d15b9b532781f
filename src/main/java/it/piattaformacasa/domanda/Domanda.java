package it.piattaformacasa.domanda;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

import it.piattaformacasa.anagrafe.NucleoFamiliare;
import it.piattaformacasa.avviso.Avviso;
import it.piattaformacasa.common.CodiceFiscale;
import it.piattaformacasa.common.Importo;
import it.piattaformacasa.common.Punteggio;
import it.piattaformacasa.regole.PunteggioIsbar;
import it.piattaformacasa.regole.RegolaApplicata;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

@Entity
public class Domanda {

    public enum Stato { PRESENTATA }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Avviso avviso;
    @OneToOne(fetch = FetchType.LAZY, optional = false, cascade = CascadeType.PERSIST)
    @JoinColumn(name = "nucleo_id")
    private NucleoFamiliare nucleo;
    @Column(name = "richiedente_cf")
    private CodiceFiscale richiedente;
    /** The richiedente's name as submitted: the console sorts and searches on it without joining the nucleo. */
    private String richiedenteCognome;
    private String richiedenteNome;
    private String codiceIstatResidenza;
    private LocalDate residenteLombardiaDal;
    private LocalDate residenteComuneDal;
    private boolean lavoroInLombardia;
    private String codiceIstatLavoro;
    /** JSON of the declared dwellings with the rule that decided each ({@link AlloggiPosseduti}); '[]' when none. */
    @JdbcTypeCode(SqlTypes.JSON)
    private String alloggiPosseduti = "[]";
    /** Art. 9 co. 3 bis: why the domanda was accepted with no adequate alloggio; null otherwise. */
    private String notaAlloggi;
    private Importo isee;
    private String protocolloDsu;
    private LocalDate dataDsu;
    private Importo patrimonio;
    private boolean attestazioneServiziSociali;
    private boolean indigente;
    // replaced as a whole, never changed in place (the constructor and correggi copy): no JSON round trip per flush
    // to keep a snapshot (issue 17: copying JSON through Jackson was 1.5 % of a node's CPU in the opening-day burst)
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private Map<String, Boolean> condizioni;
    private Punteggio puntiFamiliare;
    private Punteggio puntiAbitativo;
    private Punteggio puntiEconomico;
    private Punteggio puntiResidenzaRegione;
    private Punteggio puntiResidenzaComune;
    private Punteggio isbar;
    private Punteggio puntiFamiliareLavoro;
    private Punteggio puntiAbitativoLavoro;
    private Punteggio puntiEconomicoLavoro;
    private Punteggio puntiResidenzaRegioneLavoro;
    private Punteggio puntiResidenzaComuneLavoro;
    private Punteggio isbarLavoro;
    // written once: its rule inputs (KIE's BigDecimal) would read back from JSON as Integer, so a copy-and-compare
    // dirty check saw a change at every flush and issued an UPDATE (and a version bump) after each insert
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<RegolaApplicata> spiegazione;
    // the rules of the working score, replaced as a whole at each rettifica or ricalcolo (same JSON caveat as above)
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<RegolaApplicata> spiegazioneLavoro;
    // set once by the constructor, read through an unmodifiable view: as condizioni
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    private List<String> categorie = new ArrayList<>();
    private String versioneRegole;
    /** JSON of {@link InputRegole}; a String so that Hibernate's dirty check compares text, not re-read numbers. */
    @JdbcTypeCode(SqlTypes.JSON)
    private String inputRegole;
    private String idempotencyKey;
    /** What the key is bound to (ImprontaDomanda); null on domande submitted before keys were bound. */
    private String idempotencyImpronta;
    private Instant presentataIl;
    private String presentataDa;
    @Enumerated(EnumType.STRING)
    private CorpoAppartenenza corpoAppartenenza;
    @Enumerated(EnumType.STRING)
    private Stato stato = Stato.PRESENTATA;
    @ElementCollection
    @CollectionTable(name = "domanda_alloggio", joinColumns = @JoinColumn(name = "domanda_id"))
    @OrderColumn(name = "preferenza")
    @org.hibernate.annotations.BatchSize(size = 200) // a report explains thousands of domande: not one query each
    private List<SceltaAlloggio> scelte = new ArrayList<>();
    @Version
    private long version;

    protected Domanda() {
    }

    Domanda(Avviso avviso, NucleoFamiliare nucleo, CodiceFiscale richiedente, DatiDomanda dati, boolean lavoroInLombardia,
            boolean indigente, PunteggioIsbar punteggio, List<String> categorie, String idempotencyKey,
            String idempotencyImpronta, Instant presentataIl, String presentataDa, List<SceltaAlloggio> scelte,
            String alloggiPosseduti, String notaAlloggi) {
        this.avviso = avviso;
        this.nucleo = nucleo;
        this.richiedente = richiedente;
        nucleo.richiedente().ifPresent(r -> {
            this.richiedenteCognome = r.getCognome();
            this.richiedenteNome = r.getNome();
        });
        this.codiceIstatResidenza = dati.codiceIstatResidenza();
        this.residenteLombardiaDal = dati.residenteLombardiaDal();
        this.residenteComuneDal = dati.residenteComuneDal();
        this.lavoroInLombardia = lavoroInLombardia;
        this.codiceIstatLavoro = dati.codiceIstatLavoro();
        this.alloggiPosseduti = alloggiPosseduti;
        this.notaAlloggi = notaAlloggi;
        this.isee = dati.isee();
        this.protocolloDsu = dati.protocolloDsu();
        this.dataDsu = dati.dataDsu();
        this.patrimonio = dati.patrimonio();
        this.attestazioneServiziSociali = dati.attestazioneServiziSociali();
        this.condizioni = dati.condizioni() == null ? null : new LinkedHashMap<>(dati.condizioni());
        punteggioPresentato(punteggio, indigente);
        this.categorie = new ArrayList<>(categorie);
        this.versioneRegole = avviso.getVersioneRegole();
        this.idempotencyKey = idempotencyKey;
        this.idempotencyImpronta = idempotencyImpronta;
        this.presentataIl = presentataIl;
        this.presentataDa = presentataDa;
        this.scelte.addAll(scelte);
    }

    /** Written by {@link ScritturaDomanda}, which the database gave this id. */
    void registrataCome(long id) {
        this.id = id;
    }

    void valutataCon(String inputRegole) {
        this.inputRegole = inputRegole;
    }

    /** What the rules saw at submission; null for domande scored before it was recorded. */
    public String getInputRegole() { return inputRegole; }

    /**
     * An audited re-scoring of the avviso under other rule versions, before its graduatorie exist: the submitted
     * scores, explanation and indigence become those of the new versions.
     */
    void rivalutata(PunteggioIsbar punteggio, boolean indigente) {
        punteggioPresentato(punteggio, indigente);
    }

    private void punteggioPresentato(PunteggioIsbar punteggio, boolean indigente) {
        this.puntiFamiliare = punteggio.familiare();
        this.puntiAbitativo = punteggio.abitativo();
        this.puntiEconomico = punteggio.economico();
        this.puntiResidenzaRegione = punteggio.residenzaRegione();
        this.puntiResidenzaComune = punteggio.residenzaComune();
        this.isbar = punteggio.totale();
        this.spiegazione = punteggio.spiegazione();
        this.indigente = indigente;
    }

    /** A rettifica changes the working score only; the published provisional score stays as it was. */
    void aggiornaPunteggioDiLavoro(PunteggioIsbar punteggio) {
        this.puntiFamiliareLavoro = punteggio.familiare();
        this.puntiAbitativoLavoro = punteggio.abitativo();
        this.puntiEconomicoLavoro = punteggio.economico();
        this.puntiResidenzaRegioneLavoro = punteggio.residenzaRegione();
        this.puntiResidenzaComuneLavoro = punteggio.residenzaComune();
        this.isbarLavoro = punteggio.totale();
        this.spiegazioneLavoro = punteggio.spiegazione();
    }

    /** Data corrected in istruttoria (null = unchanged); the caller recomputes the working score. */
    void correggi(Importo isee, Map<String, Boolean> condizioni, LocalDate residenteLombardiaDal, LocalDate residenteComuneDal) {
        if (isee != null) {
            this.isee = isee;
        }
        if (condizioni != null) {
            this.condizioni = Map.copyOf(condizioni);
        }
        if (residenteLombardiaDal != null) {
            this.residenteLombardiaDal = residenteLombardiaDal;
        }
        if (residenteComuneDal != null) {
            this.residenteComuneDal = residenteComuneDal;
        }
    }

    /** Only in the avvisi dedicated to the forces (art. 7 bis / 7 ter). */
    void appartieneA(CorpoAppartenenza corpo) {
        this.corpoAppartenenza = corpo;
    }

    public CorpoAppartenenza getCorpoAppartenenza() { return corpoAppartenenza; }

    /** The score the definitive graduatoria uses: the working one if a rettifica changed it. */
    public Punteggio getIsbarDiLavoro() { return isbarLavoro != null ? isbarLavoro : isbar; }

    public Long getId() { return id; }
    public Avviso getAvviso() { return avviso; }
    public NucleoFamiliare getNucleo() { return nucleo; }
    public CodiceFiscale getRichiedente() { return richiedente; }
    public String getCodiceIstatResidenza() { return codiceIstatResidenza; }
    public LocalDate getResidenteLombardiaDal() { return residenteLombardiaDal; }
    public LocalDate getResidenteComuneDal() { return residenteComuneDal; }
    public boolean isLavoroInLombardia() { return lavoroInLombardia; }
    public Importo getIsee() { return isee; }
    public Importo getPatrimonio() { return patrimonio; }
    public String getProtocolloDsu() { return protocolloDsu; }
    public LocalDate getDataDsu() { return dataDsu; }
    public boolean isAttestazioneServiziSociali() { return attestazioneServiziSociali; }
    public boolean isIndigente() { return indigente; }
    public Map<String, Boolean> getCondizioni() { return condizioni == null ? null : Collections.unmodifiableMap(condizioni); }
    public Punteggio getPuntiFamiliare() { return puntiFamiliare; }
    public Punteggio getPuntiAbitativo() { return puntiAbitativo; }
    public Punteggio getPuntiEconomico() { return puntiEconomico; }
    public Punteggio getPuntiResidenzaRegione() { return puntiResidenzaRegione; }
    public Punteggio getPuntiResidenzaComune() { return puntiResidenzaComune; }
    public Punteggio getIsbar() { return isbar; }
    public List<RegolaApplicata> getSpiegazione() { return spiegazione; }
    /** Null without a rettifica or ricalcolo, or when the working score predates its stored explanation. */
    List<RegolaApplicata> getSpiegazioneLavoro() { return spiegazioneLavoro; }
    Punteggio getPuntiFamiliareLavoro() { return puntiFamiliareLavoro; }
    Punteggio getPuntiAbitativoLavoro() { return puntiAbitativoLavoro; }
    Punteggio getPuntiEconomicoLavoro() { return puntiEconomicoLavoro; }
    Punteggio getPuntiResidenzaRegioneLavoro() { return puntiResidenzaRegioneLavoro; }
    Punteggio getPuntiResidenzaComuneLavoro() { return puntiResidenzaComuneLavoro; }
    /** Null until a rettifica or ricalcolo. */
    Punteggio getIsbarLavoro() { return isbarLavoro; }
    /** Art. 14 categories the household belongs to (anziani, famiglie di nuova formazione, monoparentali, disabili). */
    public List<String> getCategorie() { return Collections.unmodifiableList(categorie); }
    public String getVersioneRegole() { return versioneRegole; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getIdempotencyImpronta() { return idempotencyImpronta; }
    public Instant getPresentataIl() { return presentataIl; }
    public String getPresentataDa() { return presentataDa; }

    /** Filed by the richiedente on the citizens' side (issue 16), not by an operator at the sportello or the API. */
    public boolean isPresentataOnline() {
        return presentataDa.startsWith(DomandaService.ONLINE);
    }

    /** Who filed it, as a page's «Chi» column says it: the operator's username, or the richiedente online. */
    public String getPresentataDaComeSiLegge() {
        return isPresentataOnline() ? "il richiedente (online)" : presentataDa;
    }
    public Stato getStato() { return stato; }
    /** The chosen alloggi's ids, in order of preference. */
    public List<Long> getAlloggiScelti() { return scelte.stream().map(SceltaAlloggio::getAlloggioId).toList(); }
    /** The chosen alloggi in order of preference, with why each was allowed (art. 9). */
    public List<SceltaAlloggio> getScelte() { return Collections.unmodifiableList(scelte); }
    public String getCodiceIstatLavoro() { return codiceIstatLavoro; }
    public String getNotaAlloggi() { return notaAlloggi; }
    /** JSON of {@link AlloggiPosseduti}. */
    String getAlloggiPosseduti() { return alloggiPosseduti; }
    String getRichiedenteCognome() { return richiedenteCognome; }
    String getRichiedenteNome() { return richiedenteNome; }
    long getVersion() { return version; }
}
