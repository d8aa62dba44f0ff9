package dev.registrar.lifecycle;

import dev.registrar.errors.TooManyAttempts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed authentications per client in a fixed window; past the limit, attempts for that
 * client are refused with 429 until the window ends. Kept in memory: a limit per instance.
 */
@Component
class AuthenticationThrottle {

    private static final int PURGE_ABOVE = 10_000;

    private record Window(Instant start, int failures) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final LifecycleProperties properties;
    private final Clock clock;

    AuthenticationThrottle(LifecycleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    void checkAllowed(String clientId) {
        Window window = windows.get(clientId);
        Instant now = clock.instant();
        if (window != null && window.failures() >= properties.maxAuthenticationFailures()) {
            Instant end = window.start().plus(properties.authenticationFailureWindow());
            if (now.isBefore(end)) {
                throw new TooManyAttempts(Duration.between(now, end).plusSeconds(1));
            }
        }
    }

    void failed(String clientId) {
        Instant now = clock.instant();
        windows.compute(clientId, (id, window) -> window == null || !now.isBefore(window.start().plus(properties.authenticationFailureWindow()))
                ? new Window(now, 1)
                : new Window(window.start(), window.failures() + 1));
        if (windows.size() > PURGE_ABOVE) {
            windows.entrySet().removeIf(entry -> !now.isBefore(entry.getValue().start().plus(properties.authenticationFailureWindow())));
        }
    }
}
