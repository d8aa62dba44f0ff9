package dev.registrar.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ThrottlingPropertiesTest {

    @EnableConfigurationProperties(ThrottlingProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaultsLimitRegistrationsPerAddressTenantAndSoftware() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            ThrottlingProperties properties = started.getBean(ThrottlingProperties.class);
            assertThat(properties.registrationsPerSource()).isEqualTo(new Limit(60, Duration.ofMinutes(1)));
            assertThat(properties.registrationsPerSoftware()).isEqualTo(new Limit(1000, Duration.ofHours(1)));
        });
    }

    @Test
    void aLimitIsSetByItsCapacityAndPeriod() {
        context.withPropertyValues("registrar.throttling.registrations-per-source.capacity=5",
                "registrar.throttling.registrations-per-source.period=10s").run(started ->
                assertThat(started.getBean(ThrottlingProperties.class).registrationsPerSource()).isEqualTo(new Limit(5, Duration.ofSeconds(10))));
    }
}
