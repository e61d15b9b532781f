package it.piattaformacasa.anagrafe;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** Ambito territoriale (piano di zona): the comuni whose capofila publishes the avvisi. */
@Entity
public class Ambito {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String codice;
    private String nome;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "comune_capofila_id")
    private Comune comuneCapofila;

    protected Ambito() {
    }

    public Ambito(String codice, String nome) {
        this.codice = codice;
        this.nome = nome;
    }

    public Long getId() { return id; }
    public String getCodice() { return codice; }
    public String getNome() { return nome; }
    public Comune getComuneCapofila() { return comuneCapofila; }

    public void setComuneCapofila(Comune comune) {
        if (!comune.getAmbito().getCodice().equals(codice)) {
            throw new IllegalArgumentException("Il comune capofila deve appartenere all'ambito " + codice);
        }
        this.comuneCapofila = comune;
    }
}
