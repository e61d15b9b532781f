package it.piattaformacasa.regole;

import static it.piattaformacasa.regole.DatiRequisitiBuilder.datiRequisiti;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table «Requisito ISEE» of rules/requisiti-economici.dmn (art. 7 co. 1 lett. c r.r. 4/2017). */
class RequisitoIseeTest {

    @ParameterizedTest(name = "ISEE {0} → requisito {1} (regola {2})")
    @CsvSource({
            "0,        true,  1",
            "15999.99, true,  1",
            "16000,    true,  1",
            "16000.00, true,  1",
            "16000.01, false, 2",
            "35000,    false, 2"
    })
    void iseeFinoASedicimilaEuroSoddisfaIlRequisitoOltreNo(String isee, boolean soddisfatto, int regola) {
        EsitoRequisiti esito = RegoleDiTest.requisitiEconomici().valuta(datiRequisiti().conIsee(isee).build());

        assertThat(esito.requisitoIsee()).isEqualTo(soddisfatto);
        assertThat(esito.regoleDi(RequisitiEconomici.DECISIONE_REQUISITO_ISEE))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.numero()).isEqualTo(regola);
                    assertThat(r.descrizione()).contains("art. 7 co. 1 lett. c");
                    assertThat((BigDecimal) r.input().get("isee")).isEqualByComparingTo(isee);
                });
    }
}
