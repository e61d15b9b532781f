package it.piattaformacasa.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItalianFormatsTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1234.5;       3; 1.234,500",
            "28.38;        3; 28,380",
            "1234567.891;  2; 1.234.567,89",
            "999;          2; 999,00",
            "0.125;        2; 0,13", // half up, come nei documenti amministrativi
            "-0.001;       2; 0,00", // niente «-0,00»
            "-1234.5;      2; -1.234,50",
            "1234.5;       0; 1.235"})
    void decimaleUsaVirgolaEPuntoDelleMigliaia(String valore, int decimali, String atteso) {
        assertThat(ItalianFormats.decimale(new BigDecimal(valore), decimali)).isEqualTo(atteso);
    }

    @Test
    void numeroNegativoDiDecimaliVieneRifiutato() {
        assertThatThrownBy(() -> ItalianFormats.decimale(BigDecimal.ONE, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Numero di decimali negativo: -1");
    }

    @Test
    void euroHaDueDecimaliEIlSimboloInFondo() {
        assertThat(ItalianFormats.euro(new BigDecimal("3000.5"))).isEqualTo("3.000,50 €");
        assertThat(ItalianFormats.euro(new BigDecimal("16000"))).isEqualTo("16.000,00 €");
    }

    @Test
    void dataEGiornoMeseAnno() {
        assertThat(ItalianFormats.data(LocalDate.of(2019, 7, 1))).isEqualTo("01/07/2019");
        assertThat(ItalianFormats.data(LocalDate.of(2024, 12, 31))).isEqualTo("31/12/2024");
    }

    @Test
    void dataOraDiUnIstanteEInOraDiRoma() {
        // 1 luglio: ora legale, UTC+2; 15 gennaio: ora solare, UTC+1
        assertThat(ItalianFormats.dataOra(Instant.parse("2019-07-01T07:30:00Z"))).isEqualTo("01/07/2019 09:30");
        assertThat(ItalianFormats.dataOra(Instant.parse("2019-01-15T08:30:00Z"))).isEqualTo("15/01/2019 09:30");
        // 23:30 UTC of the 30th is already the 1st in Rome
        assertThat(ItalianFormats.dataOra(Instant.parse("2019-06-30T23:30:00Z"))).isEqualTo("01/07/2019 01:30");
    }

    @Test
    void dataOraConOffsetVieneConvertitaInOraDiRoma() {
        assertThat(ItalianFormats.dataOra(OffsetDateTime.of(2019, 7, 1, 9, 30, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("01/07/2019 09:30");
        assertThat(ItalianFormats.dataOra(OffsetDateTime.of(2019, 7, 1, 7, 30, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("01/07/2019 09:30");
    }

    @Test
    void formatiNonDipendonoDaLocaleEFusoOrarioDellaJvm() {
        Locale locale = Locale.getDefault();
        TimeZone fuso = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.US);
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));

            assertThat(ItalianFormats.euro(new BigDecimal("3000.50"))).isEqualTo("3.000,50 €");
            assertThat(Punteggio.of("1234.5").toItalian()).isEqualTo("1.234,500");
            assertThat(ItalianFormats.dataOra(Instant.parse("2019-07-01T07:30:00Z"))).isEqualTo("01/07/2019 09:30");
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(fuso);
        }
    }

    @Test
    void valoriNulliVengonoRifiutati() {
        assertThatThrownBy(() -> ItalianFormats.euro(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ItalianFormats.data(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ItalianFormats.dataOra((Instant) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ItalianFormats.dataOra((OffsetDateTime) null))
                .isInstanceOf(NullPointerException.class);
    }
}
