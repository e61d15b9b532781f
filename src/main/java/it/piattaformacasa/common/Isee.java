package it.piattaformacasa.common;

import java.time.LocalDate;

/**
 * The ISEE attestation of a household (DPCM 159/2013). Access and indigence thresholds are not here: they are
 * rules of the avviso and live in the DMN.
 *
 * @param valore        the ISEE in euro, never negative
 * @param protocolloDsu protocol of the DSU it was computed from, when known
 * @param dataDsu       submission date of that DSU, when known
 */
public record Isee(Importo valore, String protocolloDsu, LocalDate dataDsu) {

    public Isee {
        if (valore == null) {
            throw new IllegalArgumentException("Valore ISEE mancante");
        }
        if (valore.valore().signum() < 0) {
            throw new IllegalArgumentException("Valore ISEE negativo: " + valore.toItalian());
        }
        // a blank form field means "not given": one representation for it, so equality and queries stay simple
        protocolloDsu = protocolloDsu == null || protocolloDsu.isBlank() ? null : protocolloDsu.strip();
    }

    public static Isee of(Importo valore) {
        return new Isee(valore, null, null);
    }
}
