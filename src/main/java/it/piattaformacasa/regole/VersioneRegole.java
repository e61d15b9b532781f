package it.piattaformacasa.regole;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The regional rule sets an avviso can be bound to, by the date it became PREDISPOSTO (seed 003, FAQ 21). This is
 * the baseline table; the rules issue stores versions in the database and lets analysts add new ones.
 */
public enum VersioneRegole {

    /** r.r. 4/2017 as amended by r.r. 3/2019: up to 5 alloggi per domanda. */
    LOMBARDIA_2019(LocalDate.of(2019, 3, 12), 5, false),
    /** r.r. 6/2021: up to 2 alloggi per domanda (art. 9 co. 3). */
    LOMBARDIA_2021(LocalDate.of(2021, 10, 6), 2, false),
    /** r.r. 2/2025, first step (platform update of 2 Apr 2025, art. 28 co. 12 quater a). */
    LOMBARDIA_2025_PRIMO_STEP(LocalDate.of(2025, 4, 2), 2, false),
    /**
     * r.r. 2/2025, second step: avvisi predisposti after 12 Nov 2025 (art. 28 co. 12 quater b), with art. 14 category
     * reserves and the «Riserva» column. Avvisi predisposti between 1 and 12 Nov 2025 stay on the first step.
     */
    LOMBARDIA_2025_SECONDO_STEP(LocalDate.of(2025, 11, 13), 2, true);

    private final LocalDate inVigoreDal;
    private final int massimoAlloggiPerDomanda;
    private final boolean riserveCategorie;

    VersioneRegole(LocalDate inVigoreDal, int massimoAlloggiPerDomanda, boolean riserveCategorie) {
        this.inVigoreDal = inVigoreDal;
        this.massimoAlloggiPerDomanda = massimoAlloggiPerDomanda;
        this.riserveCategorie = riserveCategorie;
    }

    /** The version in force on the given day (the day the avviso is predisposto). */
    public static VersioneRegole inVigoreIl(LocalDate giorno) {
        return Arrays.stream(values())
                .filter(v -> !v.inVigoreDal.isAfter(giorno))
                .max(Comparator.comparing(v -> v.inVigoreDal))
                .orElseThrow(() -> new IllegalArgumentException(
                        "Nessuna versione delle regole in vigore il " + giorno + ": la prima è del " + LOMBARDIA_2019.inVigoreDal));
    }

    public LocalDate inVigoreDal() {
        return inVigoreDal;
    }

    public int massimoAlloggiPerDomanda() {
        return massimoAlloggiPerDomanda;
    }

    public boolean riserveCategorie() {
        return riserveCategorie;
    }
}
