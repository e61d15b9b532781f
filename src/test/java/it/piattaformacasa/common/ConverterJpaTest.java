package it.piattaformacasa.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import jakarta.persistence.Converter;
import org.junit.jupiter.api.Test;

class ConverterJpaTest {

    private final CodiceFiscaleConverter codiceFiscale = new CodiceFiscaleConverter();
    private final ImportoConverter importo = new ImportoConverter();
    private final PunteggioConverter punteggio = new PunteggioConverter();

    @Test
    void codiceFiscaleFaAndataERitorno() {
        CodiceFiscale cf = CodiceFiscale.of("RSSMRA80A01F205X");

        String colonna = codiceFiscale.convertToDatabaseColumn(cf);

        assertThat(colonna).isEqualTo("RSSMRA80A01F205X");
        assertThat(codiceFiscale.convertToEntityAttribute(colonna)).isEqualTo(cf);
    }

    @Test
    void codiceFiscaleLettoDalDatabaseVieneNormalizzato() {
        assertThat(codiceFiscale.convertToEntityAttribute(" 00441340122 ")).isEqualTo(CodiceFiscale.of("00441340122"));
    }

    @Test
    void codiceFiscaleNonValidoNelDatabaseVieneSegnalato() {
        assertThatThrownBy(() -> codiceFiscale.convertToEntityAttribute("RSSMRA80A01F205Y"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void importoFaAndataERitorno() {
        Importo valore = Importo.of("3.000,50");

        BigDecimal colonna = importo.convertToDatabaseColumn(valore);

        assertThat(colonna).isEqualTo(new BigDecimal("3000.50"));
        assertThat(importo.convertToEntityAttribute(colonna)).isEqualTo(valore);
    }

    @Test
    void importoLettoConAltraScalaVienePortatoADueDecimali() {
        assertThat(importo.convertToEntityAttribute(new BigDecimal("16000"))).isEqualTo(Importo.euro(16_000));
    }

    @Test
    void punteggioFaAndataERitorno() {
        Punteggio valore = Punteggio.of("28,380");

        BigDecimal colonna = punteggio.convertToDatabaseColumn(valore);

        assertThat(colonna).isEqualTo(new BigDecimal("28.380"));
        assertThat(punteggio.convertToEntityAttribute(colonna)).isEqualTo(valore);
    }

    @Test
    void punteggioLettoConAltraScalaVienePortatoATreDecimali() {
        assertThat(punteggio.convertToEntityAttribute(new BigDecimal("36"))).isEqualTo(Punteggio.of("36,000"));
    }

    @Test
    void nullRestaNullInEntrambeLeDirezioni() {
        assertThat(codiceFiscale.convertToDatabaseColumn(null)).isNull();
        assertThat(codiceFiscale.convertToEntityAttribute(null)).isNull();
        assertThat(importo.convertToDatabaseColumn(null)).isNull();
        assertThat(importo.convertToEntityAttribute(null)).isNull();
        assertThat(punteggio.convertToDatabaseColumn(null)).isNull();
        assertThat(punteggio.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void iConverterSiApplicanoDaSoli() {
        assertThat(CodiceFiscaleConverter.class.getAnnotation(Converter.class).autoApply()).isTrue();
        assertThat(ImportoConverter.class.getAnnotation(Converter.class).autoApply()).isTrue();
        assertThat(PunteggioConverter.class.getAnnotation(Converter.class).autoApply()).isTrue();
    }
}
