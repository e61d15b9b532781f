package it.piattaformacasa.graduatoria;

import java.time.Instant;

import it.piattaformacasa.anagrafe.Comune;
import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.avviso.Avviso;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Header of a graduatoria; its rows are written and read set-based (see GraduatoriaService). */
@Entity
public class Graduatoria {

    public enum Stato { PROVVISORIA, DEFINITIVA }

    @Id
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Avviso avviso;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private EnteProprietario ente;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Comune comune;
    @Enumerated(EnumType.STRING)
    private Stato stato;
    private Instant generataIl;

    protected Graduatoria() {
    }

    public Long getId() { return id; }
    public Avviso getAvviso() { return avviso; }
    public EnteProprietario getEnte() { return ente; }
    public Comune getComune() { return comune; }
    public Stato getStato() { return stato; }
    public Instant getGenerataIl() { return generataIl; }
}
