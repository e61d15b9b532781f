package it.piattaformacasa.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shared by the fixed-scale value types (Importo, Punteggio). */
final class Decimali {

    private Decimali() {
    }

    /**
     * Sets the scale without ever rounding: a significant digit that would be lost is an input error, because a
     * rounding here could change an eligibility outcome or swap two households in a graduatoria.
     */
    static BigDecimal aScalaEsatta(BigDecimal valore, int decimali, String cosa) {
        if (valore == null) {
            throw new IllegalArgumentException(cosa + " mancante");
        }
        try {
            return valore.setScale(decimali, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    cosa + " non valido: al massimo " + decimali + " decimali, ricevuto " + valore.toPlainString());
        }
    }
}
