package it.piattaformacasa.operatori;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import it.piattaformacasa.anagrafe.EnteProprietario;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/**
 * An ente's request to enable or disable its operators (seed 002), with its rows as sent. With refused rows it stays
 * {@link Stato#NON_INVIATA}, its report kept; otherwise a regional validator approves or refuses it.
 */
@Entity
public class RichiestaAbilitazione {

    public enum Tipo { ABILITAZIONE, DISABILITAZIONE }

    public enum Stato { NON_INVIATA, IN_VALIDAZIONE, APPROVATA, RESPINTA }

    public enum Esito { APPROVATA, RESPINTA }

    /**
     * A row of the model. {@code numero} is the spreadsheet's row (or the position in a JSON list, from 1); the two
     * last fields are «SI» or «NO» as written.
     */
    public record Riga(int numero, String ragioneSociale, String nome, String cognome, String codiceFiscale, String email,
                       String telefono, String gestioneAvviso, String istruttoriaDomande) {
    }

    /** A refused row: its number, the column's heading, what it held, why. */
    public record Scarto(int riga, String colonna, String valore, String motivo) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    // read with the request everywhere (lists, API answers outside the transaction)
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    private EnteProprietario ente;
    @Enumerated(EnumType.STRING)
    private Tipo tipo;
    @Enumerated(EnumType.STRING)
    private Stato stato;
    private String nomeFile;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Riga> righe = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Scarto> scarti = new ArrayList<>();
    private String inviataDa;
    private Instant inviataIl;
    private String validataDa;
    private Instant validataIl;
    private String motivo;
    @Version
    private long version;

    protected RichiestaAbilitazione() {
    }

    RichiestaAbilitazione(EnteProprietario ente, Tipo tipo, String nomeFile, List<Riga> righe, List<Scarto> scarti,
                          String inviataDa, Instant inviataIl) {
        this.ente = ente;
        this.tipo = tipo;
        this.nomeFile = nomeFile;
        this.righe = new ArrayList<>(righe);
        this.scarti = new ArrayList<>(scarti);
        this.stato = scarti.isEmpty() ? Stato.IN_VALIDAZIONE : Stato.NON_INVIATA;
        this.inviataDa = inviataDa;
        this.inviataIl = inviataIl;
    }

    void decidi(Esito esito, String validatore, Instant il, String motivo) {
        this.stato = esito == Esito.APPROVATA ? Stato.APPROVATA : Stato.RESPINTA;
        this.validataDa = validatore;
        this.validataIl = il;
        this.motivo = motivo;
    }

    public Long getId() { return id; }
    public EnteProprietario getEnte() { return ente; }
    public Tipo getTipo() { return tipo; }
    public Stato getStato() { return stato; }
    public String getNomeFile() { return nomeFile; }
    public List<Riga> getRighe() { return List.copyOf(righe); }
    public List<Scarto> getScarti() { return List.copyOf(scarti); }
    public String getInviataDa() { return inviataDa; }
    public Instant getInviataIl() { return inviataIl; }
    public String getValidataDa() { return validataDa; }
    public Instant getValidataIl() { return validataIl; }
    public String getMotivo() { return motivo; }
}
