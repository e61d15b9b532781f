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

    /**
     * CPU time, in milliseconds, the PostgreSQL server of {@code jdbc} has used so far: its postmaster, with what its
     * ended children used (cutime, cstime: backends and autovacuum workers that exited), and its live children; -1 if
     * unknown. Another PostgreSQL on the machine is not counted.
     */
    static long cpuPostgres(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        try {
            // the backend's parent read while its connection is held: a connection that closes ends its backend
            long postmaster = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("select pg_backend_pid()")) {
                    rs.next();
                    return Long.parseLong(campi(Path.of("/proc", Long.toString(rs.getLong(1)), "stat"))[1]);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String[] server = campi(Path.of("/proc", Long.toString(postmaster), "stat"));
            long ticks = Long.parseLong(server[11]) + Long.parseLong(server[12]) + Long.parseLong(server[13]) + Long.parseLong(server[14]);
            try (Stream<Path> processi = Files.list(Path.of("/proc"))) {
                for (Path p : processi.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        String[] figlio = campi(p.resolve("stat"));
                        if (Long.parseLong(figlio[1]) == postmaster) {
                            ticks += Long.parseLong(figlio[11]) + Long.parseLong(figlio[12]);
                        }
                    } catch (IOException | RuntimeException finito) {
                        // ended between the listing and the read: its time is in the postmaster's cutime now
                    }
                }
            }
            return ticks * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long cpu(Path stat) {
        try {
            String[] campi = campi(stat);
            return (Long.parseLong(campi[11]) + Long.parseLong(campi[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The fields of /proc/PID/stat after the command name (index 0 = state, 1 = ppid, 11-14 = utime, stime, cutime, cstime). */
    private static String[] campi(Path stat) throws IOException {
        String testo = Files.readString(stat);
        // the command name in parentheses may itself contain spaces
        return testo.substring(testo.lastIndexOf(')') + 2).split(" ");
    }
}
