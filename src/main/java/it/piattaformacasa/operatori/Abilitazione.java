package it.piattaformacasa.operatori;

import it.piattaformacasa.anagrafe.EnteProprietario;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Abilitazione {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Operatore operatore;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private EnteProprietario ente;
    @Enumerated(EnumType.STRING)
    private TipoAbilitazione tipo;

    protected Abilitazione() {
    }

    Abilitazione(Operatore operatore, EnteProprietario ente, TipoAbilitazione tipo) {
        this.operatore = operatore;
        this.ente = ente;
        this.tipo = tipo;
    }

    public Long getId() { return id; }
    public Operatore getOperatore() { return operatore; }
    public EnteProprietario getEnte() { return ente; }
    public TipoAbilitazione getTipo() { return tipo; }
}
