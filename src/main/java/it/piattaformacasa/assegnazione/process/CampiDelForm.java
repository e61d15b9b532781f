package it.piattaformacasa.assegnazione.process;

import java.time.LocalDate;

/** Values as Camunda Forms and the API put them in process variables. */
final class CampiDelForm {

    private CampiDelForm() {
    }

    /** A form date («2026-11-30», or a date-time whose first ten characters are the date); blank is no date. */
    static LocalDate data(Object valore) {
        return valore == null || valore.toString().isBlank() ? null : LocalDate.parse(valore.toString().substring(0, 10));
    }
}
