package it.piattaformacasa.regole;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What applies to an avviso predisposto on a day, readable: the regulatory step and the parameters
 * rules/parametri-avviso.dmn gives for that day (seed 003 FAQ 21), and each rule-set version with its effective dates.
 * Values come from the DMN evaluation; the {@code …Testo} fields and {@link #righe} are Italian, ready for a page.
 *
 * @param giorno                   the day of the predisposizione
 * @param passoNormativo           «LOMBARDIA_2025_SECONDO_STEP»; null when no version of parametri-avviso held that day
 * @param etichettaPasso           «Secondo step del r.r. 2/2025»; the rule's description when the version has no label
 * @param riferimentiNormativi     the articles the step rests on; null when the version does not give them
 * @param massimoAlloggiPerDomanda art. 9 co. 3
 * @param riserveCategorie         art. 14 category reserves and the «Riserva» column in the graduatoria
 * @param regolaApplicata          the row of parametri-avviso.dmn that decided, with its description
 * @param versioni                 set name → version, as {@code RegoleVincolate}
 * @param regole                   each version with state, effective dates and the reasons recorded for it
 * @param righe                    label → text, in the order a page shows them
 * @param note                     what a reader must know (no rules in force that day)
 */
public record QuadroNormativo(LocalDate giorno, String giornoTesto, String passoNormativo, String etichettaPasso,
                              String riferimentiNormativi, Integer massimoAlloggiPerDomanda, Boolean riserveCategorie,
                              RegolaApplicata regolaApplicata, Map<String, Integer> versioni, List<Versione> regole,
                              List<Riga> righe, List<String> note) {

    /**
     * One rule-set version.
     *
     * @param validoAl            the day before the set's next published version takes effect; null while none follows
     * @param validita            «dal 01/08/2017, senza data di fine», «dal 01/08/2017 al 12/11/2025»
     * @param motivo              the reason given when the version was written (for a release: its file)
     * @param motivoPubblicazione the reason given when its publication was last requested; null for a release's file
     */
    public record Versione(String nome, int versione, RepositoryRegole.Stato stato, String statoTesto, LocalDate validoDal,
                           LocalDate validoAl, String validita, String motivo, String motivoPubblicazione, Instant pubblicataIl) {
    }

    /** A label and its text: «Alloggi per domanda» → «al massimo 2». */
    public record Riga(String etichetta, String testo) {
    }
}
