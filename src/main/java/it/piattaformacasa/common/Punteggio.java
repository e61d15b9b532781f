package it.piattaformacasa.common;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A score of the graduatoria: the ISBAR and each of its components, always at scale 3 (thousandths).
 */
public final class Punteggio implements Comparable<Punteggio> {

    private static final int DECIMALI = 3;

    public static final Punteggio ZERO = new Punteggio(BigDecimal.ZERO.setScale(DECIMALI));

    private final BigDecimal valore;

    private Punteggio(BigDecimal valore) {
        this.valore = valore;
    }

    /**
     * Rejects, never rounds, a fourth significant decimal: the DMN must produce exact thousandths, and a rounding
     * here could swap two households in the graduatoria.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Punteggio of(BigDecimal valore) {
        return new Punteggio(Decimali.aScalaEsatta(valore, DECIMALI, "Punteggio"));
    }

    /**
     * Reads "28.380" and "28,380". Unlike {@link Importo#of(String)}, a lone dot is the decimal point: scores are
     * small numbers written with three decimals, so "28.380" means 28,38. Thousands grouping needs a comma too:
     * "1.234,500".
     */
    public static Punteggio of(String testo) {
        if (testo == null || testo.isBlank()) {
            throw new IllegalArgumentException("Punteggio mancante");
        }
        String pulito = testo.strip();
        BigDecimal valore = pulito.indexOf(',') >= 0
                ? ItalianFormats.leggiNotazioneItaliana(pulito)
                : ItalianFormats.leggiNotazioneColPunto(pulito);
        if (valore == null) {
            throw new IllegalArgumentException("Punteggio non valido: «" + pulito
                    + "» (formati ammessi: 28.380 oppure 28,380)");
        }
        return of(valore);
    }

    public Punteggio piu(Punteggio altro) {
        return new Punteggio(valore.add(altro.valore));
    }

    @JsonValue
    public BigDecimal valore() {
        return valore;
    }

    @Override
    public int compareTo(Punteggio altro) {
        return valore.compareTo(altro.valore);
    }

    /** {@code "28,380"}, {@code "1.234,500"}: always three decimals, as published in the graduatoria. */
    public String toItalian() {
        return ItalianFormats.decimale(valore, DECIMALI);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Punteggio altro && altro.valore.equals(valore);
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
