package it.piattaformacasa.avviso;

import java.math.BigDecimal;
import java.time.Instant;

import it.piattaformacasa.anagrafe.Alloggio;
import it.piattaformacasa.anagrafe.StatoAlloggio;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** An alloggio offered in an avviso, with the mandatory data of seed 000 («informazioni aggiuntive obbligatorie»). */
@Entity
public class AlloggioInAvviso {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Avviso avviso;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Alloggio alloggio;
    @Enumerated(EnumType.STRING)
    private TipologiaAlloggioInAvviso tipologia;
    @Enumerated(EnumType.STRING)
    private StatoAlloggio statoInAvviso;
    private String tipologiaRiscaldamento;
    private BigDecimal speseAnnueUtenze;
    private String interventi;
    private BigDecimal costoInterventi;
    private String inseritoDa;
    private Instant inseritoIl;

    protected AlloggioInAvviso() {
    }

    AlloggioInAvviso(Avviso avviso, Alloggio alloggio, TipologiaAlloggioInAvviso tipologia, String tipologiaRiscaldamento,
                     BigDecimal speseAnnueUtenze, String interventi, BigDecimal costoInterventi, String inseritoDa,
                     Instant inseritoIl) {
        this.avviso = avviso;
        this.alloggio = alloggio;
        this.tipologia = tipologia;
        this.statoInAvviso = tipologia.statoInAvviso();
        this.tipologiaRiscaldamento = tipologiaRiscaldamento;
        this.speseAnnueUtenze = speseAnnueUtenze;
        this.interventi = interventi;
        this.costoInterventi = costoInterventi;
        this.inseritoDa = inseritoDa;
        this.inseritoIl = inseritoIl;
    }

    public Long getId() { return id; }
    public Avviso getAvviso() { return avviso; }
    public Alloggio getAlloggio() { return alloggio; }
    public TipologiaAlloggioInAvviso getTipologia() { return tipologia; }
    public StatoAlloggio getStatoInAvviso() { return statoInAvviso; }
    public String getTipologiaRiscaldamento() { return tipologiaRiscaldamento; }
    public BigDecimal getSpeseAnnueUtenze() { return speseAnnueUtenze; }
    public String getInterventi() { return interventi; }
    public BigDecimal getCostoInterventi() { return costoInterventi; }
    public String getInseritoDa() { return inseritoDa; }
    public Instant getInseritoIl() { return inseritoIl; }
}
