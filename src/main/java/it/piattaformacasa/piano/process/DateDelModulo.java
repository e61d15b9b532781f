package it.piattaformacasa.piano.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import it.piattaformacasa.common.DatiNonValidiException;
import it.piattaformacasa.common.ItalianFormats;

/** A date field as Tasklist's form (ISO text) or the engine (a java.util.Date) hands it over. */
final class DateDelModulo {

    private DateDelModulo() {
    }

    static LocalDate data(Object valore, String campo) {
        if (valore == null || valore instanceof String testo && testo.isBlank()) {
            return null;
        }
        if (valore instanceof java.util.Date data) {
            return data.toInstant().atZone(ZoneId.of(ItalianFormats.ZONE.getId())).toLocalDate();
        }
        try {
            String testo = valore.toString().strip();
            return LocalDate.parse(testo.length() > 10 ? testo.substring(0, 10) : testo);
        } catch (DateTimeParseException e) {
            throw DatiNonValidiException.campo(campo, "data non valida: attesa gg/mm/aaaa");
        }
    }
}
