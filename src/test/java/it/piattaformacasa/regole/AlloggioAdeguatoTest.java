package it.piattaformacasa.regole;

import static it.piattaformacasa.regole.DatiRequisitiBuilder.datiRequisiti;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table «Alloggio adeguato» of rules/requisiti-economici.dmn (art. 7 co. 1 lett. d r.r. 4/2017; surfaces
 * provisional, from a municipal page). Every band edge on both sides.
 */
class AlloggioAdeguatoTest {

    @ParameterizedTest(name = "{0} persone, {1} m² → adeguato {2} (regola {3})")
    @CsvSource({
            // componenti, superficie, adeguato, regola
            "1,  45,    true,  1",
            "2,  45,    true,  1",
            "1,  44.99, false, 2",
            "2,  44.99, false, 2",
            "3,  60,    true,  3",
            "4,  60,    true,  3",
            "3,  59.99, false, 4",
            "4,  59.99, false, 4",
            "5,  75,    true,  5",
            "6,  75,    true,  5",
            "5,  74.99, false, 6",
            "6,  74.99, false, 6",
            "7,  95,    true,  7",
            "10, 120,   true,  7",
            "7,  94.99, false, 8",
            "10, 0,     false, 8"
    })
    void alloggioAdeguatoSeLaSuperficieRaggiungeIlMinimoPerLaFasciaDiComponenti(
            int componenti, String superficie, boolean adeguato, int regola) {
        EsitoRequisiti esito = RegoleDiTest.requisitiEconomici()
                .valuta(datiRequisiti().conComponenti(componenti).conSuperficie(superficie).build());

        assertThat(esito.alloggioAdeguato()).isEqualTo(adeguato);
        assertThat(esito.regoleDi(RequisitiEconomici.DECISIONE_ALLOGGIO_ADEGUATO))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.numero()).isEqualTo(regola);
                    assertThat(r.descrizione()).contains("art. 7 co. 1 lett. d");
                    assertThat(r.input()).containsKeys("componentiNucleo", "superficieUtile");
                });
    }
}
