package it.piattaformacasa.regole;

import static it.piattaformacasa.regole.DatiIsbarBuilder.datiIsbar;
import static it.piattaformacasa.regole.IsbarDiTest.calcola;
import static it.piattaformacasa.regole.IsbarDiTest.numeriDelleRegoleDi;
import static it.piattaformacasa.regole.IsbarDiTest.regoleDi;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table «Punti condizioni abitative» of rules/isbar.dmn (COLLECT SUM; all values PROVISIONAL). Rules: 1 rilascio,
 * 2 improprio, 3 coabitazione, 4 sovraffollamento, 5 antigienico, 6 barriere architettoniche, 7 base 0.
 */
class IsbarAbitativoTest {

    @ParameterizedTest(name = "rilascio {0}, improprio {1}, coabitazione {2}, sovraffollamento {3}, "
            + "antigienico {4}, barriere {5} → {6} punti (regole {7})")
    @CsvSource({
            "false, false, false, false, false, false, 0,  7",
            "true,  false, false, false, false, false, 5,  1 7",
            "false, true,  false, false, false, false, 4,  2 7",
            "false, false, true,  false, false, false, 2,  3 7",
            "false, false, false, true,  false, false, 3,  4 7",
            "false, false, false, false, true,  false, 3,  5 7",
            "false, false, false, false, false, true,  2,  6 7",
            "false, false, true,  true,  false, false, 5,  3 4 7",
            "true,  true,  true,  true,  true,  true,  19, 1 2 3 4 5 6 7"
    })
    void leCondizioniAbitativeSiSommano(boolean rilascio, boolean improprio, boolean coabitazione,
            boolean sovraffollamento, boolean antigienico, boolean barriere, String punti, String regole) {
        PunteggioIsbar punteggio = calcola(datiIsbar()
                .conRilascioAlloggio(rilascio)
                .conAlloggioImproprio(improprio)
                .conCoabitazione(coabitazione)
                .conSovraffollamento(sovraffollamento)
                .conAlloggioAntigienico(antigienico)
                .conBarriereArchitettoniche(barriere));

        assertThat(punteggio.abitativo().valore()).isEqualByComparingTo(punti);
        assertThat(numeriDelleRegoleDi(punteggio, CalcoloIsbar.DECISIONE_ABITATIVO))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(regole.split(" ")).map(Integer::valueOf).toList());
        assertThat(regoleDi(punteggio, CalcoloIsbar.DECISIONE_ABITATIVO))
                .filteredOn(r -> r.numero() != 7)
                .allSatisfy(r -> assertThat(r.descrizione()).startsWith("PROVVISORIO:").contains("non pubblico"));
    }
}
