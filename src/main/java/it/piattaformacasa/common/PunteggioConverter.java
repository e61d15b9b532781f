package it.piattaformacasa.common;

import java.math.BigDecimal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Scores go to a {@code numeric(…, 3)} column; autoApply so entities need no {@code @Convert}. */
@Converter(autoApply = true)
public class PunteggioConverter implements AttributeConverter<Punteggio, BigDecimal> {

    @Override
    public BigDecimal convertToDatabaseColumn(Punteggio punteggio) {
        return punteggio == null ? null : punteggio.valore();
    }

    @Override
    public Punteggio convertToEntityAttribute(BigDecimal valore) {
        return valore == null ? null : Punteggio.of(valore);
    }
}
