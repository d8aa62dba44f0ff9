package dev.registrar.registration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registrar.errors.ClientGone;
import dev.registrar.errors.ClientNotActive;
import dev.registrar.errors.ClientNotFound;
import dev.registrar.errors.InvalidClient;
import dev.registrar.errors.TokenRefused;
import dev.registrar.errors.TooManyAttempts;
import dev.registrar.errors.Conflict;
import dev.registrar.errors.InvalidClientMetadata;
import dev.registrar.errors.InvalidRequest;
import dev.registrar.errors.InvalidToken;
import dev.registrar.errors.NotFound;
import dev.registrar.errors.PayloadTooLarge;
import dev.registrar.errors.RegistrarException;
import dev.registrar.errors.UnknownTenant;
import dev.registrar.tenancy.Actor;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * Records refused registrations as security events, in a transaction of their own: the refused
 * request itself changes nothing.
 */
@Component
class Rejections {

    private final EventGateway events;
    private final Clock clock;

    Rejections(EventGateway events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void record(String tenant, RegistrarException refusal, ObjectNode document, String remoteAddress) {
        errorCode(refusal).ifPresent(code -> {
            RegistrationDocument.RequestSummary asked = RegistrationDocument.summarize(document);
            events.publish(org.axonframework.eventhandling.GenericEventMessage.asEventMessage(new RegistrationRejected(tenant, code,
                            refusal.getMessage(), asked.softwareId(), asked.softwareVersion(), asked.clientName(), asked.redirectUris(),
                            remoteAddress, clock.instant()))
                    .andMetaData(Actor.anonymous(tenant, remoteAddress).toMetaData()));
        });
    }

    /** The refusals that say something about the caller; an unknown tenant has nobody to attribute it to. */
    private static Optional<String> errorCode(RegistrarException refusal) {
        return switch (refusal) {
            case InvalidClientMetadata invalid -> Optional.of(invalid.code().wireName());
            case InvalidToken invalid -> Optional.of("invalid_token");
            case PayloadTooLarge tooLarge -> Optional.of("payload_too_large");
            case UnknownTenant unknown -> Optional.empty();
            case ClientGone gone -> Optional.empty();
            case ClientNotFound notFound -> Optional.empty();
            case NotFound notFound -> Optional.empty();
            case InvalidRequest invalid -> Optional.empty();
            case Conflict conflict -> Optional.empty();
            case ClientNotActive inactive -> Optional.empty();
            case TokenRefused refused -> Optional.empty();
            case InvalidClient invalid -> Optional.empty();
            case TooManyAttempts tooMany -> Optional.empty();
        };
    }
}
