package it.piattaformacasa.regole;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Result of the economic requirements check, with the rules that produced it.
 *
 * @param requisitoIsee      ISEE ≤ 16.000 € (art. 7 co. 1 lett. c)
 * @param indigente          condizione di indigenza (art. 13 co. 1)
 * @param sogliaPatrimoniale patrimonial ceiling in euro for the number of adults, scale 2 (art. 7 co. 1 lett. c;
 *                           provisional values, see the DMN)
 * @param spiegazione        one entry per decision table, in evaluation order
 */
public record EsitoRequisiti(
        boolean requisitoIsee,
        boolean indigente,
        BigDecimal sogliaPatrimoniale,
        List<RegolaApplicata> spiegazione) {

    public EsitoRequisiti {
        Objects.requireNonNull(sogliaPatrimoniale, "sogliaPatrimoniale");
        spiegazione = List.copyOf(spiegazione);
    }

    /** The rules applied by one decision (normally exactly one: every table is UNIQUE). */
    public List<RegolaApplicata> regoleDi(String decisione) {
        return spiegazione.stream().filter(r -> r.decisione().equals(decisione)).toList();
    }
}
