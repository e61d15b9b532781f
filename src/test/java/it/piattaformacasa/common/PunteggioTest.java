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

class PunteggioTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "28.380;  28,380",
            "36;      36,000",
            "1234.5;  1.234,500",
            "0;       0,000",
            "0.005;   0,005",
            "1234567; 1.234.567,000"})
    void punteggioVieneFormattatoSempreConTreDecimali(String valore, String atteso) {
        assertThat(Punteggio.of(new BigDecimal(valore)).toItalian()).isEqualTo(atteso);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "28.380;    28.380",
            "28,380;    28.380",
            "28,38;     28.380",
            "36;        36.000",
            "0,5;       0.500",
            "1.234;     1.234", // senza virgola il punto è il separatore decimale
            "1.234,500; 1234.500",
            " 12,125 ;  12.125"})
    void punteggioVieneLettoConIlPuntoOConLaVirgola(String testo, String atteso) {
        Punteggio punteggio = Punteggio.of(testo);

        assertThat(punteggio.valore()).isEqualTo(new BigDecimal(atteso));
        assertThat(punteggio.valore().scale()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"28.3801", "28,3805", "0,0001"})
    void punteggioScrittoConPiuDiTreDecimaliVieneRifiutato(String testo) {
        assertThatThrownBy(() -> Punteggio.of(testo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Punteggio non valido: al massimo 3 decimali");
    }

    @Test
    void punteggioConPiuDiTreDecimaliVieneRifiutatoSenzaArrotondare() {
        assertThatThrownBy(() -> Punteggio.of(new BigDecimal("28.3805")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Punteggio non valido: al massimo 3 decimali, ricevuto 28.3805");
    }

    @Test
    void zeriFinaliOltreIlMillesimoNonSonoDecimaliInPiu() {
        assertThat(Punteggio.of(new BigDecimal("28.38000"))).isEqualTo(Punteggio.of("28,380"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"28.38.0", "1,234.5", "abc", "28,", "28 380"})
    void punteggioScrittoInFormatoNonAmmessoVieneRifiutato(String testo) {
        assertThatThrownBy(() -> Punteggio.of(testo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Punteggio non valido: «" + testo + "»");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void punteggioMancanteVieneRifiutato(String testo) {
        assertThatThrownBy(() -> Punteggio.of(testo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Punteggio mancante");
        assertThatThrownBy(() -> Punteggio.of((BigDecimal) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Punteggio mancante");
    }

    @Test
    void sommaDeiComponentiEEsatta() {
        Punteggio isbar = Punteggio.ZERO
                .piu(Punteggio.of("12,500"))
                .piu(Punteggio.of("15.880"))
                .piu(Punteggio.of("0,001"));

        assertThat(isbar).isEqualTo(Punteggio.of("28.381"));
        assertThat(isbar.valore().scale()).isEqualTo(3);
        assertThat(isbar.toItalian()).isEqualTo("28,381");
    }

    @Test
    void zeroHaTreDecimali() {
        assertThat(Punteggio.ZERO.valore()).isEqualTo(new BigDecimal("0.000"));
        assertThat(Punteggio.ZERO.toItalian()).isEqualTo("0,000");
    }

    @Test
    void confrontoTraPunteggiSegueIlValore() {
        assertThat(Punteggio.of("28,380")).isGreaterThan(Punteggio.of("28,379"))
                .isEqualByComparingTo(Punteggio.of("28.38"));
        assertThat(Punteggio.of("9,999")).isLessThan(Punteggio.of("10"));
    }

    @Test
    void toStringEIlValoreConIlPunto() {
        assertThat(Punteggio.of("1.234,5")).hasToString("1234.500");
    }

    @Test
    void inJsonEUnNumeroConTreDecimali() throws Exception {
        assertThat(json.writeValueAsString(Punteggio.of("28,38"))).isEqualTo("28.380");
        assertThat(json.readValue("28.38", Punteggio.class)).isEqualTo(Punteggio.of("28,380"));
    }

    @Test
    void punteggioConPiuDiTreDecimaliInJsonVieneRifiutato() {
        assertThatThrownBy(() -> json.readValue("28.3805", Punteggio.class))
                .isInstanceOf(JsonMappingException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
