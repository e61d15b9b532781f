package it.piattaformacasa.anagrafe;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/** Unità immobiliare registered in the Anagrafe regionale del patrimonio. */
@Entity
public class Alloggio {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String codiceUi;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private EnteProprietario ente;
    @ManyToOne(fetch = FetchType.LAZY)
    private Fabbricato fabbricato;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Comune comune;
    private String zonaLocalita;
    private String indirizzo;
    private String scala;
    private String interno;
    private int piano;
    /** Superficie utile calpestabile in m², the measure of «alloggio adeguato». */
    private BigDecimal superficieUtile;
    private int vani;
    private boolean ascensore;
    private boolean barriereArchitettoniche;
    @Enumerated(EnumType.STRING)
    private DestinazioneUso destinazioneUso = DestinazioneUso.SERVIZI_ABITATIVI_PUBBLICI;
    @Enumerated(EnumType.STRING)
    private StatoAlloggio stato;
    @Version
    private long version;
    private Instant aggiornatoIl = Instant.now();
    private Instant ritiratoIl;
    private String ritiratoDa;
    private String motivoRitiro;

    protected Alloggio() {
    }

    /** A new unit registered by the ente's operator (issue 13): its data already checked by the service. */
    Alloggio(EnteProprietario ente, DatiAlloggio dati, Fabbricato fabbricato, Comune comune) {
        this.codiceUi = dati.codiceUi();
        this.ente = ente;
        modifica(dati, fabbricato, comune);
    }

    /** The ente's operator changes the unit's data (issue 13): checked and recorded by the service. */
    void modifica(DatiAlloggio dati, Fabbricato fabbricato, Comune comune) {
        this.fabbricato = fabbricato;
        this.comune = comune;
        this.zonaLocalita = dati.zonaLocalita();
        this.indirizzo = dati.indirizzo();
        this.scala = dati.scala();
        this.interno = dati.interno();
        this.piano = dati.piano();
        this.superficieUtile = dati.superficieUtile();
        this.vani = dati.vani();
        this.ascensore = dati.ascensore();
        this.barriereArchitettoniche = dati.barriereArchitettoniche();
        this.destinazioneUso = dati.destinazioneUso();
        this.stato = dati.stato();
        this.aggiornatoIl = Instant.now();
    }

    /** Out of the stock: never deleted, because avvisi, domande and assignments keep pointing at it. */
    void ritira(String operatore, String motivo, Instant il) {
        this.ritiratoIl = il;
        this.ritiratoDa = operatore;
        this.motivoRitiro = motivo;
        this.aggiornatoIl = il;
    }

    public Alloggio(String codiceUi, Fabbricato fabbricato, String scala, String interno, int piano,
                    BigDecimal superficieUtile, int vani, boolean barriereArchitettoniche, StatoAlloggio stato) {
        this.codiceUi = codiceUi;
        this.fabbricato = fabbricato;
        this.ente = fabbricato.getEnte();
        this.comune = fabbricato.getComune();
        this.zonaLocalita = fabbricato.getZonaLocalita();
        this.indirizzo = fabbricato.getIndirizzo();
        this.ascensore = fabbricato.isAscensore();
        this.scala = scala;
        this.interno = interno;
        this.piano = piano;
        this.superficieUtile = superficieUtile;
        this.vani = vani;
        this.barriereArchitettoniche = barriereArchitettoniche;
        this.stato = stato;
    }

    public void cambiaStato(StatoAlloggio nuovoStato) {
        this.stato = nuovoStato;
        this.aggiornatoIl = Instant.now();
    }

    public Long getId() { return id; }
    public String getCodiceUi() { return codiceUi; }
    public EnteProprietario getEnte() { return ente; }
    public Fabbricato getFabbricato() { return fabbricato; }
    public Comune getComune() { return comune; }
    public String getZonaLocalita() { return zonaLocalita; }
    public String getIndirizzo() { return indirizzo; }
    public String getScala() { return scala; }
    public String getInterno() { return interno; }
    public int getPiano() { return piano; }
    public BigDecimal getSuperficieUtile() { return superficieUtile; }
    public int getVani() { return vani; }
    public boolean isAscensore() { return ascensore; }
    public boolean isBarriereArchitettoniche() { return barriereArchitettoniche; }
    public DestinazioneUso getDestinazioneUso() { return destinazioneUso; }
    public StatoAlloggio getStato() { return stato; }
    public long getVersion() { return version; }
    public Instant getAggiornatoIl() { return aggiornatoIl; }
    public Instant getRitiratoIl() { return ritiratoIl; }
    public String getRitiratoDa() { return ritiratoDa; }
    public String getMotivoRitiro() { return motivoRitiro; }
    public boolean isRitirato() { return ritiratoIl != null; }
}
