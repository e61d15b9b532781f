package it.piattaformacasa.operatori;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import it.piattaformacasa.anagrafe.EnteProprietario;
import it.piattaformacasa.anagrafe.RegioneProfilo;
import it.piattaformacasa.common.CodiceFiscale;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;

/**
 * A person who works on the platform for one or more enti (seed 002: «Il modulo non prevede deleghe o
 * avvalimenti verso operatori terzi»: an abilitazione is always for a named ente).
 */
@Entity
public class Operatore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private CodiceFiscale codiceFiscale;
    private String nome;
    private String cognome;
    private String email;
    private String telefono;
    private boolean attivo = true;
    @OneToMany(mappedBy = "operatore", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Abilitazione> abilitazioni = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "operatore_ruolo", joinColumns = @JoinColumn(name = "operatore_id"))
    @Column(name = "ruolo")
    @Enumerated(EnumType.STRING)
    private Set<RuoloPiattaforma> ruoli = EnumSet.noneOf(RuoloPiattaforma.class);
    /** The province a LETTORE_PROVINCIALE reads (its sigla, «VA»); null for everyone else. */
    private String provinciaLettura;
    /** The Region a LETTORE_REGIONALE reads (a regional profile, ADR 16); null for everyone else. */
    @Enumerated(EnumType.STRING)
    private RegioneProfilo regioneLettura;
    @Version
    private long version;

    protected Operatore() {
    }

    public Operatore(String username, CodiceFiscale codiceFiscale, String nome, String cognome, String email, String telefono) {
        if (!codiceFiscale.personaFisica()) {
            throw new IllegalArgumentException("Il codice fiscale dell'operatore deve essere di persona fisica");
        }
        this.username = username;
        this.codiceFiscale = codiceFiscale;
        this.nome = nome;
        this.cognome = cognome;
        this.email = email;
        this.telefono = telefono;
    }

    public void abilita(EnteProprietario ente, TipoAbilitazione tipo) {
        boolean presente = abilitazioni.stream()
                .anyMatch(a -> a.getEnte().getId().equals(ente.getId()) && a.getTipo() == tipo);
        if (!presente) {
            abilitazioni.add(new Abilitazione(this, ente, tipo));
        }
    }

    public void disabilita(EnteProprietario ente, TipoAbilitazione tipo) {
        abilitazioni.removeIf(a -> a.getEnte().getId().equals(ente.getId()) && a.getTipo() == tipo);
    }

    public void assegnaRuolo(RuoloPiattaforma ruolo) {
        ruoli.add(ruolo);
    }

    /**
     * Makes the operatore a reader (seed 004): regional with {@code provincia} null, provincial of that province otherwise;
     * {@code ruolo} null takes the reading role away. The other roles stay (a reader changes nothing anyway).
     */
    public void assegnaLettura(RuoloPiattaforma ruolo, String provincia) {
        assegnaLettura(ruolo, provincia, ruolo == RuoloPiattaforma.LETTORE_REGIONALE ? RegioneProfilo.LOMBARDIA : null);
    }

    /** A read-only scope: a province for the provincial reader, a Region for the regional one; none with {@code ruolo} null. */
    public void assegnaLettura(RuoloPiattaforma ruolo, String provincia, RegioneProfilo regione) {
        if ((ruolo == RuoloPiattaforma.LETTORE_REGIONALE) != (regione != null)) {
            throw new IllegalArgumentException("La regione è del solo lettore regionale");
        }
        if (ruolo != null && !ruolo.soloLettura()) {
            throw new IllegalArgumentException(ruolo + " non è un ruolo di sola lettura");
        }
        if ((ruolo == RuoloPiattaforma.LETTORE_PROVINCIALE) != (provincia != null)) {
            throw new IllegalArgumentException("La provincia è del solo lettore provinciale");
        }
        ruoli.remove(RuoloPiattaforma.LETTORE_REGIONALE);
        ruoli.remove(RuoloPiattaforma.LETTORE_PROVINCIALE);
        if (ruolo != null) {
            ruoli.add(ruolo);
        }
        this.provinciaLettura = provincia;
        this.regioneLettura = regione;
    }

    public void disattiva() {
        this.attivo = false;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public CodiceFiscale getCodiceFiscale() { return codiceFiscale; }
    public String getNome() { return nome; }
    public String getCognome() { return cognome; }
    public String getEmail() { return email; }
    public String getTelefono() { return telefono; }
    public boolean isAttivo() { return attivo; }
    public List<Abilitazione> getAbilitazioni() { return Collections.unmodifiableList(abilitazioni); }
    public Set<RuoloPiattaforma> getRuoli() { return Collections.unmodifiableSet(ruoli); }
    public String getProvinciaLettura() { return provinciaLettura; }
    public RegioneProfilo getRegioneLettura() { return regioneLettura; }
    public boolean isSoloLettura() { return ruoli.stream().anyMatch(RuoloPiattaforma::soloLettura); }
}
