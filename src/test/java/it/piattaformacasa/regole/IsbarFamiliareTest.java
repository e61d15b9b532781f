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
 * Table «Punti condizioni familiari» of rules/isbar.dmn (COLLECT SUM; all values PROVISIONAL). Rules: 1 invalidità
 * 100 % con accompagnamento, 2 handicap grave con accompagnamento, 3 invalidità 100 %, 4 handicap grave,
 * 5 invalidità 66–99 %, 6 anziani, 7 famiglia di nuova formazione, 8 persona sola con minori, 9 base 0.
 */
class IsbarFamiliareTest {

    @ParameterizedTest(name = "invalidità {0} %, handicap grave {1}, accompagnamento {2}, anziani {3}, "
            + "nuova formazione {4}, sola con minori {5} → {6} punti (regole {7})")
    @CsvSource({
            "0,   false, false, false, false, false, 0,  9",
            "65,  false, false, false, false, false, 0,  9",
            "65,  false, true,  false, false, false, 0,  9",
            "66,  false, false, false, false, false, 3,  5 9",
            "99,  false, false, false, false, false, 3,  5 9",
            "99,  false, true,  false, false, false, 3,  5 9",
            "100, false, false, false, false, false, 4,  3 9",
            "100, false, true,  false, false, false, 5,  1 9",
            "100, true,  true,  false, false, false, 5,  1 9",
            "100, true,  false, false, false, false, 4,  3 9",
            "0,   true,  false, false, false, false, 4,  4 9",
            "70,  true,  false, false, false, false, 4,  4 9",
            "0,   true,  true,  false, false, false, 5,  2 9",
            "99,  true,  true,  false, false, false, 5,  2 9",
            "0,   false, false, true,  false, false, 3,  6 9",
            "0,   false, false, false, true,  false, 2,  7 9",
            "0,   false, false, false, false, true,  3,  8 9",
            "66,  false, false, true,  false, false, 6,  5 6 9",
            "100, true,  true,  true,  true,  true,  13, 1 6 7 8 9"
    })
    void leCondizioniFamiliariSiSommanoELaDisabilitaContaUnaVoltaSola(int invalidita, boolean handicapGrave,
            boolean accompagnamento, boolean anziani, boolean nuovaFormazione, boolean solaConMinori, String punti,
            String regole) {
        PunteggioIsbar punteggio = calcola(datiIsbar()
                .conInvalidita(invalidita)
                .conHandicapGrave(handicapGrave)
                .conAccompagnamento(accompagnamento)
                .conAnziani(anziani)
                .conFamigliaNuovaFormazione(nuovaFormazione)
                .conPersonaSolaConMinori(solaConMinori));

        assertThat(punteggio.familiare().valore()).isEqualByComparingTo(punti);
        assertThat(numeriDelleRegoleDi(punteggio, CalcoloIsbar.DECISIONE_FAMILIARE))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(regole.split(" ")).map(Integer::valueOf).toList());
        // every rule but the neutral base is a provisional value
        assertThat(regoleDi(punteggio, CalcoloIsbar.DECISIONE_FAMILIARE))
                .filteredOn(r -> r.numero() != 9)
                .allSatisfy(r -> assertThat(r.descrizione()).startsWith("PROVVISORIO:").contains("non pubblico"));
    }
}
