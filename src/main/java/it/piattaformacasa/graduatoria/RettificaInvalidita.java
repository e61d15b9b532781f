package it.piattaformacasa.graduatoria;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import it.piattaformacasa.common.ConflittoException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A citizen's request, registered at one ente, to correct the score for civil invalidity (seed 000). */
@Entity
public class RettificaInvalidita {

    public enum Stato { RICHIESTA, ACCOLTA, RESPINTA, ACCOLTA_SILENZIO_ASSENSO }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long graduatoriaId;
    private long enteId;
    private long domandaId;
    private String componenteCf;
    private int percentualeRichiesta;
    private boolean accompagnamentoRichiesto;
    private boolean handicapGraveRichiesto;
    private LocalDate richiestaIl;
    private String registrataDa;
    @Enumerated(EnumType.STRING)
    private Stato stato = Stato.RICHIESTA;
    private Instant decisaIl;
    private String decisaDa;
    private String note;
    private BigDecimal isbarPrima;
    private BigDecimal isbarDopo;
    /** Asked by the citizen online (issue 16) rather than registered at the ente's desk. */
    private boolean richiestaDalCittadino;

    protected RettificaInvalidita() {
    }

    RettificaInvalidita(long graduatoriaId, long enteId, long domandaId, String componenteCf, int percentualeRichiesta,
                        boolean accompagnamentoRichiesto, boolean handicapGraveRichiesto, LocalDate richiestaIl,
                        String registrataDa, BigDecimal isbarPrima) {
        this.graduatoriaId = graduatoriaId;
        this.enteId = enteId;
        this.domandaId = domandaId;
        this.componenteCf = componenteCf;
        this.percentualeRichiesta = percentualeRichiesta;
        this.accompagnamentoRichiesto = accompagnamentoRichiesto;
        this.handicapGraveRichiesto = handicapGraveRichiesto;
        this.richiestaIl = richiestaIl;
        this.registrataDa = registrataDa;
        this.isbarPrima = isbarPrima;
    }

    void richiestaDalCittadino() {
        this.richiestaDalCittadino = true;
    }

    void decidi(Stato esito, String operatore, String note, BigDecimal isbarDopo, Instant adesso) {
        if (stato != Stato.RICHIESTA) {
            throw new ConflittoException("La rettifica " + id + " è già decisa (" + stato + ")");
        }
        this.stato = esito;
        this.decisaDa = operatore;
        this.note = note;
        this.isbarDopo = isbarDopo;
        this.decisaIl = adesso;
    }

    public Long getId() { return id; }
    public boolean isRichiestaDalCittadino() { return richiestaDalCittadino; }
    public long getGraduatoriaId() { return graduatoriaId; }
    public long getEnteId() { return enteId; }
    public long getDomandaId() { return domandaId; }
    public String getComponenteCf() { return componenteCf; }
    public int getPercentualeRichiesta() { return percentualeRichiesta; }
    public boolean isAccompagnamentoRichiesto() { return accompagnamentoRichiesto; }
    public boolean isHandicapGraveRichiesto() { return handicapGraveRichiesto; }
    public LocalDate getRichiestaIl() { return richiestaIl; }
    public String getRegistrataDa() { return registrataDa; }
    public Stato getStato() { return stato; }
    public Instant getDecisaIl() { return decisaIl; }
    public String getDecisaDa() { return decisaDa; }
    public String getNote() { return note; }
    public BigDecimal getIsbarPrima() { return isbarPrima; }
    public BigDecimal getIsbarDopo() { return isbarDopo; }
}
