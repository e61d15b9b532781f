package it.piattaformacasa.regole;

import static it.piattaformacasa.regole.DatiRequisitiBuilder.datiRequisiti;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table «Soglia patrimoniale» of rules/requisiti-economici.dmn (art. 7 co. 1 lett. c r.r. 4/2017; values
 * provisional, from a municipal page).
 */
class SogliaPatrimonialeTest {

    @ParameterizedTest(name = "{0} maggiorenni → soglia {1} € (regola {2})")
    @CsvSource({
            "1,  22000.00, 1",
            "2,  23850.00, 2",
            "3,  26200.00, 3",
            "4,  28300.00, 4",
            "5,  30250.00, 5",
            "6,  32000.00, 6",
            "7,  32000.00, 6",
            "12, 32000.00, 6"
    })
    void sogliaPatrimonialeCresceConIMaggiorenniFinoASei(int maggiorenni, String soglia, int regola) {
        EsitoRequisiti esito = RegoleDiTest.requisitiEconomici()
                .valuta(datiRequisiti().conMaggiorenni(maggiorenni).build());

        // equals, not compareTo: the port promises scale 2
        assertThat(esito.sogliaPatrimoniale()).isEqualTo(new BigDecimal(soglia));
        assertThat(esito.regoleDi(RequisitiEconomici.DECISIONE_SOGLIA_PATRIMONIALE))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.numero()).isEqualTo(regola);
                    assertThat(r.descrizione()).contains("art. 7 co. 1 lett. c");
                    assertThat((BigDecimal) r.input().get("componentiMaggiorenni")).isEqualByComparingTo(
                            BigDecimal.valueOf(maggiorenni));
                });
    }
}
