package it.piattaformacasa.common.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

import it.piattaformacasa.common.ItalianFormats;

/**
 * The console's templates format through this bean ({@code ${@formati.data(avviso.apertura)}}), so a page shows what
 * letters and exports show: gg/mm/aaaa, Rome time, «28,380», «1.234,56 €»; an absent value is a dash.
 */
@Component("formati")
public class FormatiConsole {

    private static final String NESSUNO = "–";

    private final Clock clock;

    FormatiConsole(Clock clock) {
        this.clock = clock;
    }

    /** Now in Rome, by the platform's clock (the demo clock where it is moved). */
    public String adesso() {
        return ItalianFormats.dataOra(clock.instant());
    }

    public String data(LocalDate data) {
        return data == null ? NESSUNO : ItalianFormats.data(data);
    }

    public String dataOra(Instant istante) {
        return istante == null ? NESSUNO : ItalianFormats.dataOra(istante);
    }

    public String dataOra(OffsetDateTime istante) {
        return istante == null ? NESSUNO : ItalianFormats.dataOra(istante);
    }

    /** ISBAR and other scores, three decimals: «28,380». */
    public String punteggio(BigDecimal valore) {
        return valore == null ? NESSUNO : ItalianFormats.decimale(valore, 3);
    }

    /** The points of a Marche grid, two decimals as the seed prints them: «17,50». */
    public String punti(BigDecimal valore) {
        return valore == null ? NESSUNO : ItalianFormats.decimale(valore, 2);
    }

    /** A surface in m², two decimals: «62,50». */
    public String superficie(BigDecimal valore) {
        return valore == null ? NESSUNO : ItalianFormats.decimale(valore, 2);
    }

    public String euro(BigDecimal valore) {
        return valore == null ? NESSUNO : ItalianFormats.euro(valore);
    }

    /** A percentage as typed in the annual plan, its own decimals and no more: «20,5 %», «12 %». */
    public String percentuale(BigDecimal valore) {
        if (valore == null) {
            return NESSUNO;
        }
        return ItalianFormats.decimale(valore, Math.max(0, Math.min(2, valore.stripTrailingZeros().scale()))) + " %";
    }

    public String intero(Number valore) {
        return valore == null ? NESSUNO : ItalianFormats.decimale(new BigDecimal(valore.toString()), 0);
    }
}
