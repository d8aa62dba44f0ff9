package dev.registrar.publishing;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Optional;

/**
 * The wire type of a domain event class. Every event has a payload twin in the published language,
 * named after it ({@code ClientRegistered} → {@code ClientRegisteredPayload}), which carries the name.
 */
final class WireTypes {

    private static final String PAYLOADS = "dev.registrar.events.";

    private WireTypes() {
    }

    static Optional<String> of(Class<?> domainEvent) {
        try {
            Class<?> payload = Class.forName(PAYLOADS + domainEvent.getSimpleName() + "Payload");
            return Optional.ofNullable(payload.getAnnotation(JsonTypeName.class)).map(JsonTypeName::value);
        } catch (ClassNotFoundException noTwin) {
            return Optional.empty();
        }
    }

    static Optional<String> of(String domainEventClassName) {
        try {
            return of(Class.forName(domainEventClassName));
        } catch (ClassNotFoundException unknown) {
            return Optional.empty();
        }
    }
}
