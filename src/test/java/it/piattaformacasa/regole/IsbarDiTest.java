package it.piattaformacasa.regole;

import java.util.List;

/**
 * The ISBAR port over the shared test runtime of {@link RegoleDiTest} (built once from {@code rules/}), and the
 * explanation lines of one decision. No Spring.
 */
final class IsbarDiTest {

    private IsbarDiTest() {
    }

    private static final class Holder {
        static final CalcoloIsbar CALCOLO_ISBAR = new CalcoloIsbar(RegoleDiTest.runtime());
    }

    static CalcoloIsbar calcoloIsbar() {
        return Holder.CALCOLO_ISBAR;
    }

    static PunteggioIsbar calcola(DatiIsbarBuilder dati) {
        return calcoloIsbar().calcola(dati.build());
    }

    /** The rules fired by one decision, in rule order. */
    static List<RegolaApplicata> regoleDi(PunteggioIsbar punteggio, String decisione) {
        return punteggio.spiegazione().stream().filter(r -> r.decisione().equals(decisione)).toList();
    }

    /** The numbers of the rules fired by one decision. */
    static List<Integer> numeriDelleRegoleDi(PunteggioIsbar punteggio, String decisione) {
        return regoleDi(punteggio, decisione).stream().map(RegolaApplicata::numero).toList();
    }
}
