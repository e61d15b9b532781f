package it.piattaformacasa.anagrafe;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import java.time.Instant;

@Entity
public class Fabbricato {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String codice;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private EnteProprietario ente;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Comune comune;
    private String indirizzo;
    private String zonaLocalita;
    private Integer annoCostruzione;
    private Integer numeroPiani;
    private boolean ascensore;
    @Version
    private long version;
    private Instant ritiratoIl;
    private String ritiratoDa;

    protected Fabbricato() {
    }

    public Fabbricato(String codice, EnteProprietario ente, Comune comune, String indirizzo, String zonaLocalita,
                      Integer annoCostruzione, Integer numeroPiani, boolean ascensore) {
        this.codice = codice;
        this.ente = ente;
        this.comune = comune;
        this.indirizzo = indirizzo;
        this.zonaLocalita = zonaLocalita;
        this.annoCostruzione = annoCostruzione;
        this.numeroPiani = numeroPiani;
        this.ascensore = ascensore;
    }

    /** The ente's operator changes the building's data (issue 13): checked and recorded by the service. */
    void modifica(Comune comune, String indirizzo, String zonaLocalita, Integer annoCostruzione, Integer numeroPiani,
                  boolean ascensore) {
        this.comune = comune;
        this.indirizzo = indirizzo;
        this.zonaLocalita = zonaLocalita;
        this.annoCostruzione = annoCostruzione;
        this.numeroPiani = numeroPiani;
        this.ascensore = ascensore;
    }

    void ritira(String operatore, Instant il) {
        this.ritiratoIl = il;
        this.ritiratoDa = operatore;
    }

    public long getVersion() { return version; }
    public Instant getRitiratoIl() { return ritiratoIl; }
    public String getRitiratoDa() { return ritiratoDa; }
    public boolean isRitirato() { return ritiratoIl != null; }
    public Long getId() { return id; }
    public String getCodice() { return codice; }
    public EnteProprietario getEnte() { return ente; }
    public Comune getComune() { return comune; }
    public String getIndirizzo() { return indirizzo; }
    public String getZonaLocalita() { return zonaLocalita; }
    public Integer getAnnoCostruzione() { return annoCostruzione; }
    public Integer getNumeroPiani() { return numeroPiani; }
    public boolean isAscensore() { return ascensore; }
}
