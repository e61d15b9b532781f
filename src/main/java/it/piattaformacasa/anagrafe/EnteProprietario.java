package it.piattaformacasa.anagrafe;

import it.piattaformacasa.common.CodiceFiscale;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class EnteProprietario {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private TipoEnte tipo;
    private CodiceFiscale codiceFiscale;
    private String ragioneSociale;
    /** For a COMUNE, the comune itself; otherwise the comune of the registered office. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Comune comune;
    private String pec;
    private boolean attivo = true;
    /** Read-only outside the demo and migrations: which region's procedure applies (issue 15). */
    @Enumerated(EnumType.STRING)
    private RegioneProfilo regioneProfilo = RegioneProfilo.LOMBARDIA;

    protected EnteProprietario() {
    }

    public EnteProprietario(TipoEnte tipo, CodiceFiscale codiceFiscale, String ragioneSociale, Comune comune, String pec) {
        this.tipo = tipo;
        this.codiceFiscale = codiceFiscale;
        this.ragioneSociale = ragioneSociale;
        this.comune = comune;
        this.pec = pec;
    }

    public EnteProprietario(TipoEnte tipo, CodiceFiscale codiceFiscale, String ragioneSociale, Comune comune, String pec,
                            RegioneProfilo regioneProfilo) {
        this(tipo, codiceFiscale, ragioneSociale, comune, pec);
        this.regioneProfilo = regioneProfilo;
    }

    /** True when this ente is the Comune capofila of its ambito (it prepares the avvisi). */
    public boolean isCapofila() {
        Comune capofila = comune.getAmbito().getComuneCapofila();
        return tipo == TipoEnte.COMUNE && capofila != null && capofila.getId().equals(comune.getId());
    }

    public Long getId() { return id; }
    public TipoEnte getTipo() { return tipo; }
    public CodiceFiscale getCodiceFiscale() { return codiceFiscale; }
    public String getRagioneSociale() { return ragioneSociale; }
    public Comune getComune() { return comune; }
    public String getPec() { return pec; }
    public boolean isAttivo() { return attivo; }
    public RegioneProfilo getRegioneProfilo() { return regioneProfilo; }
}
