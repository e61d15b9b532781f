package it.piattaformacasa.domanda;

import it.piattaformacasa.regole.RegoleAlloggi.TitoloDiScelta;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One alloggio a domanda chose, with why it could (art. 9): in the comune of residence, of work, or another comune of
 * the ambito. Null title for domande submitted before the check.
 */
@Embeddable
public class SceltaAlloggio {

    @Column(name = "alloggio_id", nullable = false)
    private long alloggioId;
    @Enumerated(EnumType.STRING)
    private TitoloDiScelta titolo;
    /** «alloggio AL-VA-101-04 a Varese (70 m²): Comune di residenza del richiedente: ammesso (art. 9 co. 1 …)». */
    private String motivo;

    protected SceltaAlloggio() {
    }

    public SceltaAlloggio(long alloggioId, TitoloDiScelta titolo, String motivo) {
        this.alloggioId = alloggioId;
        this.titolo = titolo;
        this.motivo = motivo;
    }

    public long getAlloggioId() { return alloggioId; }
    public TitoloDiScelta getTitolo() { return titolo; }
    public String getMotivo() { return motivo; }
}
