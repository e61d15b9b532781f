package it.piattaformacasa.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** What every benchmark reports beside its figures: percentiles of its samples and the shared machine's load. */
final class Misure {

    private Misure() {
    }

    /** The {@code p}-th percentile (nearest rank) of samples already sorted ascending; 0 without samples. */
    static long percentile(long[] ordinate, int p) {
        if (ordinate.length == 0) {
            return 0;
        }
        return ordinate[Math.min(ordinate.length - 1, (int) Math.ceil(p / 100.0 * ordinate.length) - 1)];
    }

    /** This machine's load averages ({@code /proc/loadavg}): the machine is shared, so every figure carries it. */
    static String carico() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }
}
