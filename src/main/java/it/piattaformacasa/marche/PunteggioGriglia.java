package it.piattaformacasa.marche;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The score a domanda gets from its bando's grid (seed 004, passi 3 and 4: «Al termine vengono totalizzati i punti
 * assegnati alla domanda»). The grid version is compiled into a DMN model and evaluated by the platform's rule machinery
 * (ADR 16), so the score comes with the explanation of each band applied.
 */
public interface PunteggioGriglia {

    /**
     * @param bandoId  the bando whose grid it is
     * @param versione the grid version ({@code marche_condizioni.versione})
     * @param griglia  that version's grid
     * @param dati     what the desk knows of the domanda
     * @throws it.piattaformacasa.common.DatiNonValidiException when a value the grid needs is missing or out of range,
     *                                                          naming the field
     */
    Punteggio calcola(long bandoId, int versione, GrigliaCondizioni griglia, DatiPunteggio dati);

    /**
     * What the desk knows of a domanda, for its grid.
     *
     * @param valori      the value of each parametric condition's parameter (ISEE in euro, number of members, the
     *                    highest invalidity percentage, minors, years): a parameter absent scores nothing
     * @param spuntate    for each condition without a parameter, the letters of the bands the operator ticked («a»…«f»)
     * @param ripetizioni for a condition with a «per ogni» band, how many times it counts (further invalid members)
     */
    record DatiPunteggio(Map<ParametroCondizione, BigDecimal> valori, Map<ContenitoreCondizione, Set<String>> spuntate,
                         Map<ContenitoreCondizione, Integer> ripetizioni) {

        public DatiPunteggio {
            valori = valori == null ? Map.of() : Map.copyOf(valori);
            spuntate = spuntate == null ? Map.of() : Map.copyOf(spuntate);
            ripetizioni = ripetizioni == null ? Map.of() : Map.copyOf(ripetizioni);
        }
    }

    /**
     * The score: the total (two decimals) and one line per band that gave points.
     *
     * @param voci in the grid's order; a band excluded by a non-cumulative group is listed with {@code contata} false
     */
    record Punteggio(BigDecimal totale, List<Voce> voci) {

        public Punteggio {
            voci = voci == null ? List.of() : List.copyOf(voci);
        }
    }

    /**
     * One band applied: «SOGGETTIVA 1 a. Fino all'importo di un assegno sociale: 5,00 punti (ISEE 4.800,00 ≤ 5.142,58)».
     *
     * @param spiegazione why it applies, in Italian, from the rule that fired
     * @param contata     false when a band of the same non-cumulative group with more points counts instead
     */
    record Voce(ContenitoreCondizione condizione, String fascia, String testo, BigDecimal punti, String spiegazione,
                boolean contata) {
    }
}
