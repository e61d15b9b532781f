package it.piattaformacasa.anagrafe;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Comune {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String codiceIstat;
    private String codiceCatastale;
    private String nome;
    private String provincia;
    /** Matters for art. 9: an indigent household may apply in a third comune only above 5.000 inhabitants. */
    private int popolazione;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Ambito ambito;

    protected Comune() {
    }

    public Comune(String codiceIstat, String codiceCatastale, String nome, String provincia, int popolazione, Ambito ambito) {
        this.codiceIstat = codiceIstat;
        this.codiceCatastale = codiceCatastale;
        this.nome = nome;
        this.provincia = provincia;
        this.popolazione = popolazione;
        this.ambito = ambito;
    }

    public Long getId() { return id; }
    public String getCodiceIstat() { return codiceIstat; }
    public String getCodiceCatastale() { return codiceCatastale; }
    public String getNome() { return nome; }
    public String getProvincia() { return provincia; }
    public int getPopolazione() { return popolazione; }
    public Ambito getAmbito() { return ambito; }
}
