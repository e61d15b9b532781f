package it.piattaformacasa.regole;

import static it.piattaformacasa.regole.DatiIsbarBuilder.datiIsbar;
import static it.piattaformacasa.regole.IsbarDiTest.calcola;
import static it.piattaformacasa.regole.IsbarDiTest.regoleDi;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table «Punti condizioni economiche» of rules/isbar.dmn: PROVISIONAL bands anchored on indigence (art. 13 co. 1)
 * and the access threshold (art. 7 co. 1 lett. c).
 */
class IsbarEconomicoTest {

    @ParameterizedTest(name = "ISEE {0} → {1} punti (regola {2})")
    @CsvSource({
            "0,        3,   1, true",
            "3000,     3,   1, true",
            "3000.01,  2,   2, true",
            "6000,     2,   2, true",
            "6000.01,  1,   3, true",
            "10000,    1,   3, true",
            "10000.01, 0.5, 4, true",
            "16000,    0.5, 4, true",
            "16000.01, 0,   5, false",
            "50000,    0,   5, false"
    })
    void iPuntiEconomiciScendonoAFascePerIseeFinoAllaSogliaDiAccesso(String isee, String punti, int regola,
            boolean provvisoria) {
        PunteggioIsbar punteggio = calcola(datiIsbar().conIsee(isee));

        assertThat(punteggio.economico().valore()).isEqualByComparingTo(punti);
        assertThat(regoleDi(punteggio, CalcoloIsbar.DECISIONE_ECONOMICO))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.numero()).isEqualTo(regola);
                    assertThat(r.descrizione().startsWith("PROVVISORIO:")).isEqualTo(provvisoria);
                    assertThat((BigDecimal) r.input().get("isee")).isEqualByComparingTo(isee);
                });
    }
}
