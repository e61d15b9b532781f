package it.piattaformacasa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Stream;

/**
 * What every benchmark reports beside its figures: percentiles of its samples, the shared machine's load and the CPU
 * time each process spent (so that a figure says where a 2-core machine's seconds went).
 */
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

    /**
     * CPU time, in milliseconds, the processes {@code pid} have used so far (user + system, from /proc/PID/stat at
     * 100 ticks per second, Linux's USER_HZ); -1 where /proc cannot be read.
     */
    static long cpu(Collection<Long> pid) {
        long totale = 0;
        for (long p : pid) {
            long ms = cpu(Path.of("/proc", Long.toString(p), "stat"));
            if (ms < 0) {
                return -1;
            }
            totale += ms;
        }
        return totale;
    }

    /** CPU time, in milliseconds, every PostgreSQL process alive now has used so far (server and backends); -1 if unknown. */
    static long cpuPostgres() {
        try (Stream<Path> processi = Files.list(Path.of("/proc"))) {
            return processi.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> comando(p).equals("postgres")).mapToLong(p -> Math.max(0, cpu(p.resolve("stat")))).sum();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String comando(Path processo) {
        try {
            return Files.readString(processo.resolve("comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static long cpu(Path stat) {
        try {
            String testo = Files.readString(stat);
            // fields after the command name in parentheses, which may itself contain spaces
            String[] campi = testo.substring(testo.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(campi[11]) + Long.parseLong(campi[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
