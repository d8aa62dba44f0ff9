package dev.registrar.projector;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * A job over the monthly indices that runs at a fixed delay and answers the indices it acted on. A
 * run that fails (Elasticsearch away, say) is logged and left to the next: the job's work is the same
 * whenever it runs.
 */
abstract class ScheduledIndexJob implements SchedulingConfigurer {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final String actedOn;
    private final Duration interval;

    /** {@code actedOn} says what was done, with {@code %s} where the indices go. */
    ScheduledIndexJob(String name, String actedOn, Duration interval) {
        this.name = name;
        this.actedOn = actedOn;
        this.interval = interval;
    }

    abstract List<String> run() throws IOException;

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::runSafely, interval);
    }

    private void runSafely() {
        try {
            List<String> indices = run();
            if (!indices.isEmpty()) {
                log.info("{}: {}", name, actedOn.formatted(indices));
            }
        } catch (IOException | RuntimeException failure) {
            log.warn("{} could not run now, will try again: {}", name, failure.getMessage());
        }
    }
}
