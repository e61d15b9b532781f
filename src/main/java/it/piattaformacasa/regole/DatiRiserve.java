package it.piattaformacasa.regole;

import java.math.BigDecimal;

/**
 * What the annual reserves of one ente (for ALER: of one comune) depend on, as the annual plan sets them.
 *
 * @param alloggiDisponibili         units available in the solar year (art. 4 co. 3 r.r. 4/2017)
 * @param alloggiDelComune           the units are the comune's own stock (only then a higher indigent threshold applies)
 * @param percentualeIndigentiComune the comune's indigent threshold in percent, 0 when it set none (art. 13 co. 3)
 * @param avvisoDisabilitaGrave      avviso dedicated to severe disability (art. 8 co. 7 bis, art. 14 co. 1 bis)
 * @param percentualeCategorie       art. 14 categories chosen by the ente, 0–20 percent (art. 4 co. 3 lett. c bis);
 *                                   0 for avvisi before the r.r. 2/2025 second step
 * @param percentualeForzePolizia    Forze di Polizia, VVF, Forze Armate (art. 7 bis), percent
 * @param percentualePoliziaLocale   Polizia Locale (art. 7 ter), percent; with the previous one at most 20
 */
public record DatiRiserve(int alloggiDisponibili, boolean alloggiDelComune, BigDecimal percentualeIndigentiComune,
                          boolean avvisoDisabilitaGrave, BigDecimal percentualeCategorie,
                          BigDecimal percentualeForzePolizia, BigDecimal percentualePoliziaLocale) {

    private static final BigDecimal VENTI = BigDecimal.valueOf(20);
    private static final BigDecimal CENTO = BigDecimal.valueOf(100);

    public DatiRiserve {
        if (alloggiDisponibili < 0) {
            throw new IllegalArgumentException("Gli alloggi disponibili non possono essere negativi");
        }
        percentualeIndigentiComune = percentuale(percentualeIndigentiComune, CENTO, "La soglia indigenti del comune");
        percentualeCategorie = percentuale(percentualeCategorie, VENTI,
                "La riserva per le categorie dell'art. 14 (art. 4 co. 3 lett. c bis)");
        percentualeForzePolizia = percentuale(percentualeForzePolizia, VENTI, "La riserva per le Forze di Polizia");
        percentualePoliziaLocale = percentuale(percentualePoliziaLocale, VENTI, "La riserva per la Polizia Locale");
        if (percentualeForzePolizia.add(percentualePoliziaLocale).compareTo(VENTI) > 0) {
            throw new IllegalArgumentException("Le riserve per Forze di Polizia (art. 7 bis) e Polizia Locale (art. 7 ter) "
                    + "insieme non possono superare il 20 % (art. 4 co. 3 lett. d bis)");
        }
    }

    private static BigDecimal percentuale(BigDecimal valore, BigDecimal massimo, String cosa) {
        BigDecimal p = valore == null ? BigDecimal.ZERO : valore;
        if (p.signum() < 0 || p.compareTo(massimo) > 0) {
            throw new IllegalArgumentException(cosa + " deve essere tra 0 e " + massimo.toPlainString() + " %");
        }
        return p;
    }
}
