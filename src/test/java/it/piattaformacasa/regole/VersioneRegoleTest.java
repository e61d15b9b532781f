package it.piattaformacasa.regole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VersioneRegoleTest {

    @ParameterizedTest(name = "predisposto il {0} → {1}, al massimo {2} alloggi, riserve art. 14: {3}")
    @CsvSource({
            "2019-03-12, LOMBARDIA_2019, 5, false",
            "2021-10-05, LOMBARDIA_2019, 5, false",
            "2021-10-06, LOMBARDIA_2021, 2, false",
            "2025-04-01, LOMBARDIA_2021, 2, false",
            "2025-04-02, LOMBARDIA_2025_PRIMO_STEP, 2, false",
            "2025-10-31, LOMBARDIA_2025_PRIMO_STEP, 2, false",
            "2025-11-12, LOMBARDIA_2025_PRIMO_STEP, 2, false",
            "2025-11-13, LOMBARDIA_2025_SECONDO_STEP, 2, true",
            "2026-11-23, LOMBARDIA_2025_SECONDO_STEP, 2, true"
    })
    void laVersioneInVigoreDipendeDalGiornoDellaPredisposizione(LocalDate giorno, VersioneRegole attesa, int massimo,
                                                                boolean riserve) {
        VersioneRegole versione = VersioneRegole.inVigoreIl(giorno);
        assertThat(versione).isEqualTo(attesa);
        assertThat(versione.massimoAlloggiPerDomanda()).isEqualTo(massimo);
        assertThat(versione.riserveCategorie()).isEqualTo(riserve);
    }

    @Test
    void primaDelleRegoleDel2019NonCiSonoVersioni() {
        assertThatThrownBy(() -> VersioneRegole.inVigoreIl(LocalDate.of(2018, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2019-03-12");
    }
}
