package dev.registrar.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What each part of the stack used while one measurement ran: its CPU time, and its largest resident
 * memory in samples taken every half second. The parts are named with the processes they are
 * made of, looked up anew at every reading, since a server restarted meanwhile has new ones.
 */
final class StackUsage {

    /** The CPU seconds each part used and each part's largest resident memory seen, over {@code seconds}. */
    record Usage(double seconds, Map<String, Double> cpuSeconds, Map<String, Long> peakResidentMiB) {

        /** How many of the machine's cores the parts kept busy together, on average. */
        double cores() {
            return totalCpuSeconds() / seconds;
        }

        double totalCpuSeconds() {
            return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Each part's CPU microseconds per unit of work done ({@code units} in all), in the parts' order. */
        Map<String, Long> microsPer(double units) {
            Map<String, Long> micros = new LinkedHashMap<>();
            cpuSeconds.forEach((part, cpu) -> micros.put(part, Math.round(cpu * 1e6 / units)));
            return micros;
        }
    }

    /** A measurement under way; {@link #stop()} ends it. */
    final class Meter {

        private final long started = System.nanoTime();
        private final Map<String, Double> cpuAtStart = cpuSeconds();
        private final Map<String, Long> peakKibibytes = new LinkedHashMap<>();
        /** A daemon: a measurement that fails before {@link #stop()} must not keep the benchmark's process alive. */
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("stack-usage-sampler").daemon().factory());

        private Meter() {
            sampler.scheduleAtFixedRate(this::sampleMemory, 0, 500, TimeUnit.MILLISECONDS);
        }

        private synchronized void sampleMemory() {
            memoryParts.forEach((part, pids) ->
                    peakKibibytes.merge(part, ProcessUsage.kibibytes(pids.get(), "VmRSS:"), Math::max));
        }

        Usage stop() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
            sampleMemory();
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Double> used = new LinkedHashMap<>();
            cpuSeconds().forEach((part, cpu) -> used.put(part, cpu - cpuAtStart.getOrDefault(part, 0.0)));
            Map<String, Long> peakMiB = new LinkedHashMap<>();
            synchronized (this) {
                peakKibibytes.forEach((part, kibibytes) -> peakMiB.put(part, kibibytes / 1024));
            }
            return new Usage(seconds, used, peakMiB);
        }
    }

    private final Map<String, Supplier<List<Long>>> cpuParts;
    private final Map<String, Supplier<List<Long>>> memoryParts;

    /**
     * @param cpuParts    by name, the processes whose CPU time counts
     * @param memoryParts by name, the processes whose resident memory is watched (not a database
     *                    whose processes share their memory, which a sum would count many times)
     */
    StackUsage(Map<String, Supplier<List<Long>>> cpuParts, Map<String, Supplier<List<Long>>> memoryParts) {
        this.cpuParts = new LinkedHashMap<>(cpuParts);
        this.memoryParts = new LinkedHashMap<>(memoryParts);
    }

    Meter start() {
        return new Meter();
    }

    private Map<String, Double> cpuSeconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        cpuParts.forEach((part, pids) -> seconds.put(part, ProcessUsage.cpuSeconds(pids.get())));
        return seconds;
    }
}
