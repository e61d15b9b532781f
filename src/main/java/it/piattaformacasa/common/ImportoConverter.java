package it.piattaformacasa.common;

import java.math.BigDecimal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Amounts go to a {@code numeric(…, 2)} column; autoApply so entities need no {@code @Convert}. */
@Converter(autoApply = true)
public class ImportoConverter implements AttributeConverter<Importo, BigDecimal> {

    @Override
    public BigDecimal convertToDatabaseColumn(Importo importo) {
        return importo == null ? null : importo.valore();
    }

    @Override
    public Importo convertToEntityAttribute(BigDecimal valore) {
        return valore == null ? null : Importo.of(valore);
    }
}
