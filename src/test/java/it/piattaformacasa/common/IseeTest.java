package it.piattaformacasa.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IseeTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void attestazioneCompletaConservaITreDati() {
        Isee isee = new Isee(Importo.of("2.500,00"), " INPS-ISEE-2019-00000001A-00 ", LocalDate.of(2019, 3, 15));

        assertThat(isee.valore()).isEqualTo(Importo.euro(2_500));
        assertThat(isee.protocolloDsu()).isEqualTo("INPS-ISEE-2019-00000001A-00");
        assertThat(isee.dataDsu()).isEqualTo(LocalDate.of(2019, 3, 15));
    }

    @Test
    void soloIlValoreEObbligatorio() {
        Isee isee = Isee.of(Importo.of("15.999,99"));

        assertThat(isee.valore()).isEqualTo(Importo.of("15999.99"));
        assertThat(isee.protocolloDsu()).isNull();
        assertThat(isee.dataDsu()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void protocolloVuotoDiventaAssente(String protocollo) {
        Isee isee = new Isee(Importo.euro(1_000), protocollo, null);

        assertThat(isee.protocolloDsu()).isNull();
        assertThat(isee).isEqualTo(Isee.of(Importo.euro(1_000)));
    }

    @Test
    void iseeSenzaValoreVieneRifiutato() {
        assertThatThrownBy(() -> new Isee(null, "INPS-ISEE-2019-00000001A-00", LocalDate.of(2019, 3, 15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Valore ISEE mancante");
    }

    @Test
    void iseeNegativoVieneRifiutato() {
        assertThatThrownBy(() -> Isee.of(Importo.of("-0,01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Valore ISEE negativo: -0,01 €");
    }

    @Test
    void iseeZeroEAmmesso() {
        assertThat(Isee.of(Importo.euro(0)).valore().valore()).isZero();
    }

    @Test
    void inJsonRitornaUguale() throws Exception {
        Isee isee = new Isee(Importo.of("2500.50"), "INPS-ISEE-2019-00000001A-00", LocalDate.of(2019, 3, 15));

        String scritto = json.writeValueAsString(isee);

        assertThat(scritto).contains("\"valore\":2500.50");
        assertThat(json.readValue(scritto, Isee.class)).isEqualTo(isee);
    }
}
