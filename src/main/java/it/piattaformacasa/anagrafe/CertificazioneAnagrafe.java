package it.piattaformacasa.anagrafe;

import java.time.Instant;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/**
 * The ente declares its Anagrafe data up to date for the year (seed 001, «Scheda Certificazione»), or that it
 * owns no unit. The figures are frozen at the moment of certification: they are what the annual plan reads.
 */
@Entity
public class CertificazioneAnagrafe {

    public enum Esito { DATI_AGGIORNATI, NESSUN_ALLOGGIO }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private EnteProprietario ente;
    private int anno;
    @Enumerated(EnumType.STRING)
    private Esito esito;
    private String note;
    private String certificataDa;
    private Instant certificataIl;
    private int numeroFabbricati;
    private int numeroAlloggi;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<StatoAlloggio, Long> alloggiPerStato;

    protected CertificazioneAnagrafe() {
    }

    CertificazioneAnagrafe(EnteProprietario ente, int anno, Esito esito, String note, String certificataDa,
                           Instant certificataIl, int numeroFabbricati, int numeroAlloggi,
                           Map<StatoAlloggio, Long> alloggiPerStato) {
        this.ente = ente;
        this.anno = anno;
        this.esito = esito;
        this.note = note;
        this.certificataDa = certificataDa;
        this.certificataIl = certificataIl;
        this.numeroFabbricati = numeroFabbricati;
        this.numeroAlloggi = numeroAlloggi;
        this.alloggiPerStato = alloggiPerStato;
    }

    public Long getId() { return id; }
    public EnteProprietario getEnte() { return ente; }
    public int getAnno() { return anno; }
    public Esito getEsito() { return esito; }
    public String getNote() { return note; }
    public String getCertificataDa() { return certificataDa; }
    public Instant getCertificataIl() { return certificataIl; }
    public int getNumeroFabbricati() { return numeroFabbricati; }
    public int getNumeroAlloggi() { return numeroAlloggi; }
    public Map<StatoAlloggio, Long> getAlloggiPerStato() { return alloggiPerStato; }
}
