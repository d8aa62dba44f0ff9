package dev.registrar.lifecycle;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param secretGrace                 how long a rotated-out client secret still authenticates
 * @param rotateBefore                a client secret this close to its expiry is rotated by policy: the client's next
 *                                    read of its registration (RFC 7592) returns a fresh one
 * @param staleAfter                  a client with no token issued for this long, and none live, expires as stale
 * @param expiryInterval              how often the expiry job runs
 * @param maxAuthenticationFailures   failed client authentications allowed per client within the window before 429
 * @param authenticationFailureWindow the window those failures are counted in
 */
@Validated
@ConfigurationProperties("registrar.lifecycle")
record LifecycleProperties(
        @DefaultValue("7d") Duration secretGrace,
        @DefaultValue("14d") Duration rotateBefore,
        @DefaultValue("90d") Duration staleAfter,
        @DefaultValue("1h") Duration expiryInterval,
        @Min(1) @DefaultValue("5") int maxAuthenticationFailures,
        @DefaultValue("1m") Duration authenticationFailureWindow) {
}
