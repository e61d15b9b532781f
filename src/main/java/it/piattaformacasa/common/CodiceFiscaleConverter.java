package it.piattaformacasa.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the normalized code as text; autoApply so entities need no {@code @Convert} on every field. */
@Converter(autoApply = true)
public class CodiceFiscaleConverter implements AttributeConverter<CodiceFiscale, String> {

    @Override
    public String convertToDatabaseColumn(CodiceFiscale codice) {
        return codice == null ? null : codice.valore();
    }

    @Override
    public CodiceFiscale convertToEntityAttribute(String valore) {
        return valore == null ? null : CodiceFiscale.of(valore);
    }
}
