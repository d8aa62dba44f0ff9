package dev.registrar.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What processes used, from /proc: CPU seconds, resident memory now and at its peak. */
final class ProcessUsage {

    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private ProcessUsage() {
    }

    /** A service's CPU seconds and peak resident memory over its whole life so far. */
    static Map<String, Object> of(List<Long> pids) {
        return Map.of("cpuSeconds", cpuSeconds(pids), "peakMemoryMiB", kibibytes(pids, "VmHWM:") / 1024);
    }

    /**
     * The CPU time (user and system) the processes and their ended children have used so far. Given
     * a whole process tree, the sum only grows: a child's time moves to its parent's account when it
     * ends, as PostgreSQL's backends and autovacuum workers come and go.
     */
    static double cpuSeconds(List<Long> pids) {
        double seconds = 0;
        for (long pid : pids) {
            String stat = read(pid, "stat");
            if (!stat.isEmpty()) {
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = 0;
                for (int field = 11; field <= 14; field++) {
                    ticks += Long.parseLong(fields[field]);
                }
                seconds += ticks / CLOCK_TICKS_PER_SECOND;
            }
        }
        return seconds;
    }

    /** The sum of one memory line of /proc/PID/status ({@code VmRSS:} now, {@code VmHWM:} at its peak) over the processes. */
    static long kibibytes(List<Long> pids, String field) {
        long kibibytes = 0;
        for (long pid : pids) {
            for (String line : read(pid, "status").split("\n")) {
                if (line.startsWith(field)) {
                    kibibytes += Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        return kibibytes;
    }

    /** The file's text; empty when the process has ended, which it may do between being listed and being read. */
    private static String read(long pid, String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException ended) {
            return "";
        }
    }
}
