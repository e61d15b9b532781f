package it.piattaformacasa.avviso;

import java.time.Duration;
import java.time.Instant;

import it.piattaformacasa.anagrafe.Ambito;
import it.piattaformacasa.common.ConflittoException;
import it.piattaformacasa.regole.ParametriAvviso;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

@Entity
public class Avviso {

    /** Minimum time the avviso stays open to citizens (seed 000: «non inferiore ai 30 giorni»). */
    public static final Duration DURATA_MINIMA = Duration.ofDays(30);
    /** Enti add alloggi until 24 hours before apertura (seed 000). */
    public static final Duration ANTICIPO_FINE_SELEZIONE = Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Ambito ambito;
    private String titolo;
    @Enumerated(EnumType.STRING)
    private TipoAvviso tipo;
    private Instant apertura;
    private Instant chiusura;
    @Enumerated(EnumType.STRING)
    private StatoAvviso stato;
    /** The regulatory step of the rules in force when it was predisposto (rules/parametri-avviso.dmn). */
    private String versioneRegole;
    private int massimoAlloggiPerDomanda;
    private boolean riserveCategorie;
    private Instant predispostoIl;
    private String predispostoDa;
    private String avvertenze;
    /** When the chiusura actually happened (its timer may fire late): «CHIUSO da N minuti senza graduatorie». */
    private Instant chiusoIl;
    @Version
    private long version;

    protected Avviso() {
    }

    Avviso(Ambito ambito, String titolo, TipoAvviso tipo, Instant apertura, Instant chiusura, ParametriAvviso.Parametri parametri,
           Instant predispostoIl, String predispostoDa, String avvertenze) {
        this.ambito = ambito;
        this.titolo = titolo;
        this.tipo = tipo;
        this.apertura = apertura;
        this.chiusura = chiusura;
        regoleDelGiorno(parametri);
        this.predispostoIl = predispostoIl;
        this.predispostoDa = predispostoDa;
        this.avvertenze = avvertenze;
        this.stato = StatoAvviso.PREDISPOSTO;
    }

    public Instant fineSelezioneAlloggi() {
        return apertura.minus(ANTICIPO_FINE_SELEZIONE);
    }

    void apriSelezioneAlloggi() {
        passa(StatoAvviso.PREDISPOSTO, StatoAvviso.SELEZIONE_ALLOGGI);
    }

    void chiudiSelezioneAlloggi() {
        passa(StatoAvviso.SELEZIONE_ALLOGGI, StatoAvviso.IN_ATTESA_APERTURA);
    }

    void apri() {
        passa(StatoAvviso.IN_ATTESA_APERTURA, StatoAvviso.APERTO);
    }

    void chiudi(Instant adesso) {
        passa(StatoAvviso.APERTO, StatoAvviso.CHIUSO);
        this.chiusoIl = adesso;
    }

    private void passa(StatoAvviso atteso, StatoAvviso nuovo) {
        if (stato != atteso) {
            throw new ConflittoException("L'avviso " + id + " è " + stato + ": non può passare a " + nuovo);
        }
        stato = nuovo;
    }

    public Long getId() { return id; }
    public Ambito getAmbito() { return ambito; }
    public String getTitolo() { return titolo; }
    public TipoAvviso getTipo() { return tipo; }
    public Instant getApertura() { return apertura; }
    public Instant getChiusura() { return chiusura; }
    /** The state the engine has recorded, changed by its timers; for the state at an instant, {@link #statoAl}. */
    public StatoAvviso getStato() { return stato; }

    /**
     * The state at the instant, as people are shown it and as submissions are judged: a late timer (the node that held
     * its job died, another takes it after the lock time) neither delays the apertura nor extends the chiusura. From
     * the apertura an avviso waiting for it is APERTO; from the chiusura an open one is CHIUSO. An apertura run early
     * by hand (an administrator executing its job) opens it early: that is a decision, not a timer's delay.
     */
    public StatoAvviso statoAl(Instant adesso) {
        if (chiusuraDaRegistrare(adesso)) {
            return StatoAvviso.CHIUSO;
        }
        return stato == StatoAvviso.IN_ATTESA_APERTURA && !adesso.isBefore(apertura) ? StatoAvviso.APERTO : stato;
    }

    /** Its chiusura has passed but the engine has not recorded it yet: what needs the chiusura (the graduatorie) waits. */
    public boolean chiusuraDaRegistrare(Instant adesso) {
        return (stato == StatoAvviso.APERTO || stato == StatoAvviso.IN_ATTESA_APERTURA) && !adesso.isBefore(chiusura);
    }

    public Instant getChiusoIl() { return chiusoIl; }
    public String getVersioneRegole() { return versioneRegole; }
    public int getMassimoAlloggiPerDomanda() { return massimoAlloggiPerDomanda; }
    public boolean isRiserveCategorie() { return riserveCategorie; }

    /** The parameters the rules give for the day it was predisposto; they change only with its binding. */
    void regoleDelGiorno(ParametriAvviso.Parametri parametri) {
        this.versioneRegole = parametri.passoNormativo();
        this.massimoAlloggiPerDomanda = parametri.massimoAlloggiPerDomanda();
        this.riserveCategorie = parametri.riserveCategorie();
    }
    public Instant getPredispostoIl() { return predispostoIl; }
    public String getPredispostoDa() { return predispostoDa; }
    public String getAvvertenze() { return avvertenze; }
}
