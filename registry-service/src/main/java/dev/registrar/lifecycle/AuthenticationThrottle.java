package dev.registrar.lifecycle;

import dev.registrar.throttling.Limit;
import dev.registrar.throttling.Throttle;
import dev.registrar.throttling.ThrottlingProperties;
import org.springframework.stereotype.Component;

/**
 * Failed authentications per client: past the allowance, attempts for that client are refused
 * with 429 until it refills. Successful attempts take nothing.
 */
@Component
class AuthenticationThrottle {

    private final Throttle failures;

    AuthenticationThrottle(LifecycleProperties properties, ThrottlingProperties throttling) {
        this.failures = new Throttle("too many failed authentications for this client",
                new Limit(properties.maxAuthenticationFailures(), properties.authenticationFailureWindow()), throttling.maxTrackedKeys());
    }

    void checkAllowed(String clientId) {
        failures.checkAllowed(clientId);
    }

    void failed(String clientId) {
        failures.record(clientId);
    }
}
