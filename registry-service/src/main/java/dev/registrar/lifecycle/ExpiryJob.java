package dev.registrar.lifecycle;

import dev.registrar.tenancy.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Expires clients past their lifetime or stale, every {@code registrar.lifecycle.expiry-interval}. */
@Configuration
@EnableScheduling
class ExpiryJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final ClientLifecycle lifecycle;
    private final LifecycleProperties properties;

    ExpiryJob(ClientLifecycle lifecycle, LifecycleProperties properties) {
        this.lifecycle = lifecycle;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::run, properties.expiryInterval());
    }

    void run() {
        int expired = lifecycle.expire(new Actor(null, "system", "expiry-job", null));
        if (expired > 0) {
            log.info("expiry job: {} clients expired", expired);
        }
    }
}
