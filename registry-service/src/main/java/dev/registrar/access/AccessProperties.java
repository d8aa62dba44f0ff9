package dev.registrar.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param usageInterval how often each key's use is written down as an {@code access-key.used} event */
@ConfigurationProperties("registrar.access")
public record AccessProperties(@DefaultValue("60s") Duration usageInterval) {
}
