package it.piattaformacasa.graduatoria;

import java.time.LocalDate;
import java.util.Comparator;

import it.piattaformacasa.domanda.DomandaInGraduatoria;

/**
 * Art. 12 co. 3 r.r. 4/2017 (as replaced by r.r. 3/2019): ISBAR descending; equal ISBAR by a) longer residence in the
 * comune, b) longer residence in the region, c) higher family points, d) higher housing points, e) higher economic
 * points; then the configured final criterion. Residence is compared on its start date (exact duration), not on the
 * report's bands: an earlier date is a longer residence; no residence comes last.
 */
public final class OrdinamentoGraduatoria {

    private OrdinamentoGraduatoria() {
    }

    public static Comparator<DomandaInGraduatoria> art12(CriterioFinale criterioFinale) {
        Comparator<LocalDate> piuLunga = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<DomandaInGraduatoria> ordine = Comparator.comparing(DomandaInGraduatoria::isbar, Comparator.reverseOrder());
        ordine = ordine
                .thenComparing(DomandaInGraduatoria::residenteComuneDal, piuLunga)
                .thenComparing(DomandaInGraduatoria::residenteLombardiaDal, piuLunga)
                .thenComparing(DomandaInGraduatoria::puntiFamiliare, Comparator.reverseOrder())
                .thenComparing(DomandaInGraduatoria::puntiAbitativo, Comparator.reverseOrder())
                .thenComparing(DomandaInGraduatoria::puntiEconomico, Comparator.reverseOrder());
        return switch (criterioFinale) {
            case PRESENTAZIONE_PRECEDENTE -> ordine.thenComparing(DomandaInGraduatoria::presentataIl)
                    .thenComparingLong(DomandaInGraduatoria::id);
            case ID_DOMANDA -> ordine.thenComparingLong(DomandaInGraduatoria::id);
        };
    }
}
