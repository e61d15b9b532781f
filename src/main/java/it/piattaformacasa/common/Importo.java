package it.piattaformacasa.common;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount in euro, always at scale 2 (cents). Amounts that would lose a cent are rejected, never rounded: an
 * ISEE or a canone is copied from a document and must stay exactly as written.
 */
public final class Importo implements Comparable<Importo> {

    private static final int DECIMALI = 2;

    private final BigDecimal valore;

    private Importo(BigDecimal valore) {
        this.valore = valore;
    }

    /** {@code 3000.5} and {@code 3000.500} become {@code 3000.50}; {@code 3000.505} is rejected. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Importo of(BigDecimal valore) {
        return new Importo(Decimali.aScalaEsatta(valore, DECIMALI, "Importo"));
    }

    /**
     * Reads "3000.50" as well as the Italian "3.000,50" (an optional "€" is ignored). Without a comma, a dot
     * followed by groups of three digits separates thousands: "16.000" is sixteen thousand euro, since an amount
     * never has three decimals.
     */
    public static Importo of(String testo) {
        if (testo == null || testo.isBlank()) {
            throw new IllegalArgumentException("Importo mancante");
        }
        String pulito = testo.strip();
        if (pulito.endsWith("€")) {
            pulito = pulito.substring(0, pulito.length() - 1).strip();
        } else if (pulito.startsWith("€")) {
            pulito = pulito.substring(1).strip();
        }
        BigDecimal valore = ItalianFormats.leggiNotazioneItaliana(pulito);
        if (valore == null) {
            valore = ItalianFormats.leggiNotazioneColPunto(pulito);
        }
        if (valore == null) {
            throw new IllegalArgumentException("Importo non valido: «" + testo.strip()
                    + "» (formati ammessi: 3000.50 oppure 3.000,50)");
        }
        return of(valore);
    }

    public static Importo euro(long euro) {
        return new Importo(BigDecimal.valueOf(euro).setScale(DECIMALI));
    }

    @JsonValue
    public BigDecimal valore() {
        return valore;
    }

    @Override
    public int compareTo(Importo altro) {
        return valore.compareTo(altro.valore);
    }

    public boolean isMinoreOUguale(Importo altro) {
        return compareTo(altro) <= 0;
    }

    /** {@code "3.000,50 €"}. */
    public String toItalian() {
        return ItalianFormats.euro(valore);
    }

    @Override
    public boolean equals(Object o) {
        // safe on BigDecimal.equals: the scale is always 2, so equal amounts are equal objects
        return o instanceof Importo altro && altro.valore.equals(valore);
    }

    @Override
    public int hashCode() {
        return valore.hashCode();
    }

    @Override
    public String toString() {
        return valore.toPlainString();
    }
}
