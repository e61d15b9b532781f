package it.piattaformacasa.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ImportoTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "3000.50;      3000.50",
            "3.000,50;     3000.50",
            "3000,5;       3000.50",
            "3000;         3000.00",
            "3.5;          3.50",
            "16.000;       16000.00", // senza virgola il punto seguito da tre cifre separa le migliaia
            "1.234.567,89; 1234567.89",
            "0,01;         0.01",
            "-12,50;       -12.50",
            "3.000,50 €;   3000.50",
            "€ 12,00;      12.00"})
    void importoVieneLettoSiaInFormatoItalianoSiaConIlPunto(String testo, String atteso) {
        Importo importo = Importo.of(testo);

        assertThat(importo.valore()).isEqualTo(new BigDecimal(atteso));
        assertThat(importo.valore().scale()).isEqualTo(2);
    }

    @Test
    void importoFormattatoVieneRilettoUguale() {
        Importo importo = Importo.of("1234567.89");

        assertThat(Importo.of(importo.toItalian())).isEqualTo(importo);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3,000.50", "3.00.0", "3.000,50.1", "3 000,50", "abc", "12€50", "1.000.00", ",50"})
    void importoScrittoInFormatoNonAmmessoVieneRifiutato(String testo) {
        assertThatThrownBy(() -> Importo.of(testo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Importo non valido: «" + testo + "»");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3000.505", "12,345", "1.2345", "0,001"})
    void importoConPiuDiDueDecimaliScrittoVieneRifiutato(String testo) {
        assertThatThrownBy(() -> Importo.of(testo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Importo non valido: al massimo 2 decimali");
    }

    @Test
    void importoConPiuDiDueDecimaliVieneRifiutatoSenzaArrotondare() {
        assertThatThrownBy(() -> Importo.of(new BigDecimal("3000.505")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Importo non valido: al massimo 2 decimali, ricevuto 3000.505");
    }

    @Test
    void zeriFinaliOltreIlCentesimoNonSonoDecimaliInPiu() {
        Importo importo = Importo.of(new BigDecimal("3000.500"));

        assertThat(importo.valore()).isEqualTo(new BigDecimal("3000.50"));
        assertThat(importo).isEqualTo(Importo.of("3.000,50")).hasSameHashCodeAs(Importo.of("3.000,50"));
    }

    @Test
    void importoSenzaDecimaliHaComunqueScalaDue() {
        assertThat(Importo.of(new BigDecimal("16000")).valore()).isEqualTo(new BigDecimal("16000.00"));
        assertThat(Importo.of(new BigDecimal("1.6E+4")).valore()).isEqualTo(new BigDecimal("16000.00"));
    }

    @Test
    void importoNulloVieneRifiutato() {
        assertThatThrownBy(() -> Importo.of((BigDecimal) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Importo mancante");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void testoVuotoVieneRifiutato(String testo) {
        assertThatThrownBy(() -> Importo.of(testo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Importo mancante");
    }

    @Test
    void euroCreaUnImportoIntero() {
        Importo importo = Importo.euro(16_000);

        assertThat(importo.valore()).isEqualTo(new BigDecimal("16000.00"));
        assertThat(importo).isEqualTo(Importo.of("16.000,00"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "3000.50;    3.000,50 €",
            "0.01;       0,01 €",
            "0;          0,00 €",
            "999.99;     999,99 €",
            "1234567.89; 1.234.567,89 €",
            "-12.50;     -12,50 €"})
    void importoVieneFormattatoAllItaliana(String valore, String atteso) {
        assertThat(Importo.of(valore).toItalian()).isEqualTo(atteso);
    }

    @Test
    void toStringEIlValoreConIlPunto() {
        assertThat(Importo.of("3.000,50")).hasToString("3000.50");
    }

    @Test
    void confrontoTraImportiSegueIlValore() {
        Importo soglia = Importo.euro(16_000);

        assertThat(Importo.of("16.000,00").isMinoreOUguale(soglia)).isTrue();
        assertThat(Importo.of("15.999,99").isMinoreOUguale(soglia)).isTrue();
        assertThat(Importo.of("16.000,01").isMinoreOUguale(soglia)).isFalse();
        assertThat(Importo.of("2999.99")).isLessThan(Importo.euro(3_000));
        assertThat(Importo.euro(3_000)).isGreaterThan(Importo.of("2999.99"))
                .isEqualByComparingTo(Importo.of("3000"));
    }

    @Test
    void inJsonEUnNumeroConDueDecimali() throws Exception {
        assertThat(json.writeValueAsString(Importo.of("3.000,50"))).isEqualTo("3000.50");
        assertThat(json.readValue("3000.5", Importo.class)).isEqualTo(Importo.of("3000.50"));
    }

    @Test
    void importoConPiuDiDueDecimaliInJsonVieneRifiutato() {
        assertThatThrownBy(() -> json.readValue("3000.505", Importo.class))
                .isInstanceOf(JsonMappingException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
