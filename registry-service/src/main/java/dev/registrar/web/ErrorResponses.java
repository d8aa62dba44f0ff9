package dev.registrar.web;

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
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place refusals become responses: RFC 7591/7592 errors as {"error","error_description"},
 * everything else as RFC 9457 problem details. Framework errors (415, 405, unreadable bodies) get
 * Spring's problem details; anything unexpected is a generic 500 with a correlation id in the log.
 */
@RestControllerAdvice
class ErrorResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    /** The answer to a failure outside Spring MVC's dispatch ({@link ClientRoutes}), as the handlers here give it. */
    ResponseEntity<?> responseTo(Exception failure) {
        return switch (failure) {
            case RegistrarException refusal -> refused(refusal);
            case RequestSizeFilter.BodyTooLarge tooLarge -> bodyTooLarge(tooLarge);
            default -> unexpected(failure);
        };
    }

    @ExceptionHandler(RegistrarException.class)
    ResponseEntity<?> refused(RegistrarException refusal) {
        return switch (refusal) {
            case InvalidClientMetadata invalid -> oauth(HttpStatus.BAD_REQUEST, invalid.code().wireName(), invalid.getMessage());
            case InvalidToken invalid -> invalidToken(invalid.getMessage());
            case ClientGone gone -> invalidToken(gone.getMessage());
            case PayloadTooLarge tooLarge -> oauth(HttpStatus.PAYLOAD_TOO_LARGE, "invalid_request", tooLarge.getMessage());
            case UnknownTenant unknown -> problem(HttpStatus.NOT_FOUND, "unknown-tenant", unknown.getMessage());
            case ClientNotFound notFound -> problem(HttpStatus.NOT_FOUND, "client-not-found", notFound.getMessage());
            case NotFound notFound -> problem(HttpStatus.NOT_FOUND, "not-found", notFound.getMessage());
            case InvalidRequest invalid -> problem(HttpStatus.BAD_REQUEST, "invalid-request", invalid.getMessage());
            case Conflict conflict -> problem(HttpStatus.CONFLICT, "conflict", conflict.getMessage());
            case ClientNotActive inactive -> problem(HttpStatus.CONFLICT, "client-not-active", inactive.getMessage());
            case TokenRefused refused -> problem(HttpStatus.CONFLICT, refused.code(), refused.getMessage());
            case InvalidClient invalid -> oauth(HttpStatus.UNAUTHORIZED, "invalid_client", invalid.getMessage());
            case TooManyAttempts tooMany -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", tooMany.getMessage()));
        };
    }

    @ExceptionHandler(RequestSizeFilter.BodyTooLarge.class)
    ResponseEntity<?> bodyTooLarge(RequestSizeFilter.BodyTooLarge tooLarge) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", tooLarge.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<?> noSuchAggregate(AggregateNotFoundException missing) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "nothing with this id exists");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(Exception failure) {
        if (StoreAvailability.isUnavailable(failure)) {
            log.warn("the event store is unavailable: {}", failure.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "2")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                            "the event store (PostgreSQL) is not available right now; nothing was recorded, retry shortly"));
        }
        String correlationId = UUID.randomUUID().toString();
        log.error("unexpected failure, correlation id {}", correlationId, failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "the request failed unexpectedly; quote correlation id " + correlationId);
    }

    /** RFC 6750 section 3.1: a bad bearer token is a 401 that says so in WWW-Authenticate too. */
    private static ResponseEntity<?> invalidToken(String description) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\"" + description + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new OAuthError("invalid_token", description));
    }

    private static ResponseEntity<?> oauth(HttpStatus status, String error, String description) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new OAuthError(error, description));
    }

    static ResponseEntity<?> problem(HttpStatus status, String type, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.of(status, type, detail));
    }
}
