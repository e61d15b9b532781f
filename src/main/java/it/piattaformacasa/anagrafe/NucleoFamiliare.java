package it.piattaformacasa.anagrafe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

/**
 * Nucleo familiare (art. 6 r.r. 4/2017). In the Anagrafe it is a tenant household once a contratto links it
 * to an alloggio; a domanda (later migrations) refers to the household it declares.
 */
@Entity
public class NucleoFamiliare {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    private Alloggio alloggio;
    @OneToMany(mappedBy = "nucleo", cascade = CascadeType.ALL, orphanRemoval = true)
    // the order of adding (V62): ids come in blocks, which two nodes interleave
    @OrderBy("posizione, id")
    private List<Componente> componenti = new ArrayList<>();
    @Version
    private long version;
    private Instant creatoIl = Instant.now();
    /** The day the household left the alloggio (issue 13): it stays in the history, no longer the current tenant. */
    private LocalDate terminatoIl;
    private String motivoTermine;
    private String terminatoDa;
    /** A domanda's nucleo changed as tenant: the copy that took its place (the domanda keeps the household it declared). */
    private Long sostituitoDaId;

    public NucleoFamiliare() {
    }

    public Componente aggiungi(Componente componente) {
        boolean duplicato = componenti.stream().anyMatch(c -> c.getCodiceFiscale().equals(componente.getCodiceFiscale()));
        if (duplicato) {
            throw new IllegalArgumentException("Il componente " + componente.getCodiceFiscale() + " è già nel nucleo");
        }
        if (componente.getRelazione() == RelazioneParentela.RICHIEDENTE && richiedente().isPresent()) {
            throw new IllegalArgumentException("Il nucleo ha già un richiedente");
        }
        componente.assegnaA(this, componenti.stream().mapToInt(Componente::getPosizione).max().orElse(0) + 1);
        componenti.add(componente);
        return componente;
    }

    public Optional<Componente> richiedente() {
        return componenti.stream().filter(c -> c.getRelazione() == RelazioneParentela.RICHIEDENTE).findFirst();
    }

    /** Registers the household as tenant of the alloggio (contratto). */
    public void insediaIn(Alloggio alloggio) {
        this.alloggio = alloggio;
    }

    /** The household left the alloggio: kept in the history with the day, the reason and who recorded it. */
    void termina(LocalDate il, String motivo, String operatore) {
        this.terminatoIl = il;
        this.motivoTermine = motivo;
        this.terminatoDa = operatore;
    }

    void sostituitoDa(long nucleoId) {
        this.sostituitoDaId = nucleoId;
    }

    void rimuovi(Componente componente) {
        componenti.remove(componente);
    }

    /** The alloggio's current tenant: neither gone nor replaced by a copy. */
    public boolean isAttuale() {
        return alloggio != null && terminatoIl == null && sostituitoDaId == null;
    }

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public LocalDate getTerminatoIl() { return terminatoIl; }
    public String getMotivoTermine() { return motivoTermine; }
    public String getTerminatoDa() { return terminatoDa; }
    public Long getSostituitoDaId() { return sostituitoDaId; }
    public Alloggio getAlloggio() { return alloggio; }
    public List<Componente> getComponenti() { return Collections.unmodifiableList(componenti); }
    public Instant getCreatoIl() { return creatoIl; }
}
