package it.piattaformacasa.regole;

import static it.piattaformacasa.regole.DatiRequisitiBuilder.datiRequisiti;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Inputs the tables do not cover are refused before reaching KIE. */
class DatiRequisitiTest {

    @Test
    void iseeNegativoVieneRifiutato() {
        assertThatThrownBy(() -> datiRequisiti().conIsee("-0.01").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISEE");
    }

    @Test
    void nucleoSenzaMaggiorenniVieneRifiutato() {
        assertThatThrownBy(() -> datiRequisiti().conMaggiorenni(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maggiorenne");
    }

    @Test
    void superficieNegativaVieneRifiutata() {
        assertThatThrownBy(() -> datiRequisiti().conSuperficie("-1").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("superficie");
    }
}
