package it.piattaformacasa.marche;

import java.util.Arrays;
import java.util.Optional;

/**
 * The containers of a Marche bando's grid (seed 004, Fig. 8): the subjective conditions 1–10 and the objective ones
 * 1–5 with 3 bis, fixed by the D.G.R. 492/2008; each holds up to six bands, «a» to «f», that the Comune fills in.
 */
public enum ContenitoreCondizione {
    SOGGETTIVA_1, SOGGETTIVA_2, SOGGETTIVA_3, SOGGETTIVA_4, SOGGETTIVA_5, SOGGETTIVA_6, SOGGETTIVA_7, SOGGETTIVA_8,
    SOGGETTIVA_9, SOGGETTIVA_10,
    OGGETTIVA_1, OGGETTIVA_2, OGGETTIVA_3, OGGETTIVA_3_BIS, OGGETTIVA_4, OGGETTIVA_5;

    /** Seed 004: «sottocontenitori, distinti per ordine alfabetico fino alla lettera f». */
    public static final int FASCE_MASSIME = 6;

    public boolean soggettiva() {
        return name().startsWith("SOGGETTIVA");
    }

    /** «SOGGETTIVA» or «OGGETTIVA». */
    public String tipo() {
        return soggettiva() ? "SOGGETTIVA" : "OGGETTIVA";
    }

    /** «1», «10», «3 bis». */
    public String numero() {
        return name().substring(name().indexOf('_') + 1).replace("_BIS", " bis");
    }

    /** As the seed's menu names it: «SOGGETTIVA 1», «OGGETTIVA 3 bis». */
    public String etichetta() {
        return tipo() + " " + numero();
    }

    public static Optional<ContenitoreCondizione> di(String codice) {
        return Arrays.stream(values()).filter(c -> c.name().equals(codice)).findFirst();
    }

    /** The letter of the band at a position: 0 → «a». */
    public static String lettera(int posizione) {
        return String.valueOf((char) ('a' + posizione));
    }
}
