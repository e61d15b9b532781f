package it.piattaformacasa.regole;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/parametri-avviso.dmn on the real KIE runtime: the regulatory step by the day the avviso is predisposto. */
class ParametriAvvisoTest {

    private final ParametriAvviso parametri = new ParametriAvviso(RegoleDiTest.runtime());

    @ParameterizedTest(name = "predisposto il {0} → {1} «{4}», al massimo {2} alloggi, riserve art. 14: {3}")
    @CsvSource({
            "2019-03-12, LOMBARDIA_2019, 5, false, Prima del r.r. 6/2021, art. 9 co. 3",
            "2021-10-05, LOMBARDIA_2019, 5, false, Prima del r.r. 6/2021, art. 9 co. 3",
            "2021-10-06, LOMBARDIA_2021, 2, false, Dal r.r. 6/2021, art. 5 r.r. 6/2021",
            "2025-04-01, LOMBARDIA_2021, 2, false, Dal r.r. 6/2021, art. 5 r.r. 6/2021",
            "2025-04-02, LOMBARDIA_2025_PRIMO_STEP, 2, false, Primo step del r.r. 2/2025, art. 28 co. 12 quater lett. a)",
            "2025-10-31, LOMBARDIA_2025_PRIMO_STEP, 2, false, Primo step del r.r. 2/2025, art. 28 co. 12 quater lett. a)",
            "2025-11-12, LOMBARDIA_2025_PRIMO_STEP, 2, false, Primo step del r.r. 2/2025, art. 28 co. 12 quater lett. a)",
            "2025-11-13, LOMBARDIA_2025_SECONDO_STEP, 2, true, Secondo step del r.r. 2/2025, art. 28 co. 12 quater lett. b)",
            "2026-11-23, LOMBARDIA_2025_SECONDO_STEP, 2, true, Secondo step del r.r. 2/2025, art. 14"
    })
    void iParametriDipendonoDalGiornoDellaPredisposizione(LocalDate giorno, String passo, int massimo, boolean riserve,
                                                          String etichetta, String riferimento) {
        ParametriAvviso.Parametri risultato = parametri.valuta(giorno, RegoleVincolate.CORRENTI);

        assertThat(risultato.passoNormativo()).isEqualTo(passo);
        assertThat(risultato.massimoAlloggiPerDomanda()).isEqualTo(massimo);
        assertThat(risultato.riserveCategorie()).isEqualTo(riserve);
        assertThat(risultato.etichettaPasso()).isEqualTo(etichetta);
        assertThat(risultato.riferimentiNormativi()).contains(riferimento);
        assertThat(risultato.spiegazione()).singleElement()
                .satisfies(r -> assertThat(r.descrizione()).contains(massimo == 5 ? "fino a 5 alloggi" : "2 alloggi"));
    }
}
