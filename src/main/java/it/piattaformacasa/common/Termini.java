package it.piattaformacasa.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Legal terms in whole calendar days, Italian time: the day of the event does not count and the term runs out with
 * the last instant of its last day (art. 2963 c.c., art. 155 c.p.c.). «Within 15 days of publication» on 1 March
 * means until 16 March at 23:59:59 in Rome, however many hours daylight saving adds or takes in between.
 */
public final class Termini {

    private Termini() {
    }

    /** Today in Rome, whatever the clock's own zone. */
    public static LocalDate oggi(Clock clock) {
        return LocalDate.now(clock.withZone(ItalianFormats.ZONE));
    }

    /** The day in Rome on which {@code istante} falls. */
    public static LocalDate giorno(Instant istante) {
        return LocalDate.ofInstant(istante, ItalianFormats.ZONE);
    }

    /** The last day of a term of {@code giorni} days counted from the day after {@code dal}. */
    public static LocalDate ultimoGiorno(LocalDate dal, int giorni) {
        return dal.plusDays(giorni);
    }

    /** The first instant after {@code giorno} in Rome: its midnight, 23 or 25 hours after its start on DST days. */
    public static Instant fineDel(LocalDate giorno) {
        return giorno.plusDays(1).atStartOfDay(ItalianFormats.ZONE).toInstant();
    }
}
