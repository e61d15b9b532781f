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

    protected Alloggio() {
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
}
