package dev.registrar.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StackUsageTest {

    private final Supplier<List<Long>> thisProcess = () -> List.of(ProcessHandle.current().pid());
    private final Supplier<List<Long>> gone = () -> List.of(Long.MAX_VALUE);

    @Test
    void countsTheCpuTimeAPartUsedWhileMeteredAndItsMemory() throws Exception {
        StackUsage usage = new StackUsage(Map.of("busy", thisProcess, "gone", gone), Map.of("busy", thisProcess));

        StackUsage.Meter meter = usage.start();
        long spinUntil = System.nanoTime() + 400_000_000L;
        long spins = 0;
        while (System.nanoTime() < spinUntil) {
            spins++;
        }
        StackUsage.Usage used = meter.stop();

        assertThat(spins).isPositive();
        assertThat(used.seconds()).isGreaterThanOrEqualTo(0.4);
        assertThat(used.cpuSeconds().get("busy")).isGreaterThanOrEqualTo(0.2);
        assertThat(used.cpuSeconds().get("gone")).isZero();
        assertThat(used.cores()).isGreaterThan(0.5);
        assertThat(used.microsPer(1000).get("busy")).isGreaterThanOrEqualTo(200);
        assertThat(used.peakResidentMiB().get("busy")).isPositive();
        assertThat(used.peakResidentMiB()).doesNotContainKey("gone");
    }

    @Test
    void countsTheTimeOfChildrenThatEndedMeanwhile() throws Exception {
        StackUsage usage = new StackUsage(Map.of("parent", thisProcess), Map.of());

        StackUsage.Meter meter = usage.start();
        Process busyChild = new ProcessBuilder("timeout", "1", "sh", "-c", "while :; do :; done").start();
        busyChild.waitFor();
        StackUsage.Usage used = meter.stop();

        assertThat(used.cpuSeconds().get("parent")).isGreaterThanOrEqualTo(0.6);
    }
}
