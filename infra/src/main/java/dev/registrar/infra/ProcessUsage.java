package dev.registrar.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a service's processes used so far, from /proc: CPU seconds and peak resident memory. */
final class ProcessUsage {

    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private ProcessUsage() {
    }

    static Map<String, Object> of(List<Long> pids) throws IOException {
        double cpuSeconds = 0;
        long peakKibibytes = 0;
        for (long pid : pids) {
            Path proc = Path.of("/proc", Long.toString(pid));
            if (!Files.exists(proc)) {
                continue;
            }
            String stat = Files.readString(proc.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            cpuSeconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmHWM:")) {
                    peakKibibytes += Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        return Map.of("cpuSeconds", cpuSeconds, "peakMemoryMiB", peakKibibytes / 1024);
    }
}
