package it.piattaformacasa.scadenze.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import it.piattaformacasa.common.ItalianFormats;

/**
 * A legal deadline in the words of the «Scadenze» page (issue 12), for the page and for its downloads
 * ({@code report/web/ScadenzeScaricamenti}), so the file says what the page says.
 */
public final class ScadenzeInParole {

    private ScadenzeInParole() {
    }

    /**
     * «Scaduta da 2 giorni», «Scaduta oggi», «Scade oggi», «Scade domani», «Tra 5 giorni»: calendar days in Rome, a
     * deadline at midnight being the end of the day before (whole-day terms).
     */
    public static String semaforo(Instant scadenza, Instant adesso) {
        LocalDate oggi = LocalDate.ofInstant(adesso, ItalianFormats.ZONE);
        long giorni = ChronoUnit.DAYS.between(oggi, giorno(scadenza));
        if (scadenza.isBefore(adesso)) {
            long da = Math.max(0, -giorni);
            return da == 0 ? "Scaduta oggi" : da == 1 ? "Scaduta da 1 giorno" : "Scaduta da " + da + " giorni";
        }
        return giorni <= 0 ? "Scade oggi" : giorni == 1 ? "Scade domani" : "Tra " + giorni + " giorni";
    }

    /** «07/12/2026 ore 10:00», or «28/03/2026 ore 24:00» for a term that runs to the end of that day. */
    public static String quando(Instant scadenza) {
        ZonedDateTime ora = scadenza.atZone(ItalianFormats.ZONE);
        if (ora.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return ItalianFormats.data(ora.toLocalDate().minusDays(1)) + " ore 24:00";
        }
        return ItalianFormats.data(ora.toLocalDate()) + String.format(" ore %02d:%02d", ora.getHour(), ora.getMinute());
    }

    private static LocalDate giorno(Instant scadenza) {
        ZonedDateTime ora = scadenza.atZone(ItalianFormats.ZONE);
        return ora.toLocalTime().equals(LocalTime.MIDNIGHT) ? ora.toLocalDate().minusDays(1) : ora.toLocalDate();
    }
}
