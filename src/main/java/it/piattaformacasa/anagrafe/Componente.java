package it.piattaformacasa.anagrafe;

import java.time.LocalDate;
import java.time.Period;

import it.piattaformacasa.common.CodiceFiscale;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

@Entity
public class Componente {

    /**
     * From the column's sequence: 50 at a time when Hibernate writes the members, in one batch (V62, issue 17); the
     * sequence's next value when SQL does (a domanda's submission, ADR 25). Blocks of two nodes interleave, so the id
     * says nothing of the order: {@link #posizione} does.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "componente_id")
    @SequenceGenerator(name = "componente_id", sequenceName = "componente_id_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "nucleo_id")
    private NucleoFamiliare nucleo;
    private CodiceFiscale codiceFiscale;
    private String nome;
    private String cognome;
    private LocalDate dataNascita;
    @Enumerated(EnumType.STRING)
    private RelazioneParentela relazione;
    private int percentualeInvalidita;
    private boolean indennitaAccompagnamento;
    /** Handicap grave, art. 3 co. 3 L. 104/1992 (avvisi art. 8 co. 7 bis). */
    private boolean handicapGrave;
    private boolean disoccupato;
    /** 1, 2, … in the order the members were added to the nucleo: the order they are listed in. */
    private int posizione;

    protected Componente() {
    }

    public Componente(CodiceFiscale codiceFiscale, String nome, String cognome, LocalDate dataNascita,
                      RelazioneParentela relazione) {
        if (!codiceFiscale.personaFisica()) {
            throw new IllegalArgumentException("Il codice fiscale di un componente deve essere di persona fisica");
        }
        this.codiceFiscale = codiceFiscale;
        this.nome = nome;
        this.cognome = cognome;
        this.dataNascita = dataNascita;
        this.relazione = relazione;
    }

    /** The only data a rettifica per invalidità civile may change (seed 000). */
    public void aggiornaInvalidita(int percentuale, boolean accompagnamento, boolean handicapGrave) {
        if (percentuale < 0 || percentuale > 100) {
            throw new IllegalArgumentException("La percentuale di invalidità deve essere tra 0 e 100");
        }
        this.percentualeInvalidita = percentuale;
        this.indennitaAccompagnamento = accompagnamento;
        this.handicapGrave = handicapGrave;
    }

    public void setDisoccupato(boolean disoccupato) {
        this.disoccupato = disoccupato;
    }

    public int etaAl(LocalDate data) {
        return Period.between(dataNascita, data).getYears();
    }

    /** Issue 13: the ente's operator corrects a tenant's data (never a domanda's: see {@link GestioneNucleiService}). */
    void correggi(String nome, String cognome, LocalDate dataNascita, RelazioneParentela relazione) {
        this.nome = nome;
        this.cognome = cognome;
        this.dataNascita = dataNascita;
        this.relazione = relazione;
    }

    void assegnaA(NucleoFamiliare nucleo, int posizione) {
        this.nucleo = nucleo;
        this.posizione = posizione;
    }

    public Long getId() { return id; }
    public NucleoFamiliare getNucleo() { return nucleo; }
    public CodiceFiscale getCodiceFiscale() { return codiceFiscale; }
    public String getNome() { return nome; }
    public String getCognome() { return cognome; }
    public LocalDate getDataNascita() { return dataNascita; }
    public RelazioneParentela getRelazione() { return relazione; }
    public int getPercentualeInvalidita() { return percentualeInvalidita; }
    public int getPosizione() { return posizione; }
    public boolean isIndennitaAccompagnamento() { return indennitaAccompagnamento; }
    public boolean isHandicapGrave() { return handicapGrave; }
    public boolean isDisoccupato() { return disoccupato; }
}
