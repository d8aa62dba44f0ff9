package dev.registrar.credentials;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;

/**
 * The body of a key rotation (a tenant's API key, an access key): how long the previous key keeps
 * working, at most 30 days; 0 ends it now.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KeyRotationRequest(@PositiveOrZero @Max(2_592_000) Long previousValidForSeconds) {

    private static final Duration DEFAULT_GRACE = Duration.ofHours(1);

    /** The grace period asked for, or an hour when the body or the field is absent. */
    public static Duration graceOf(KeyRotationRequest request) {
        return request == null || request.previousValidForSeconds() == null
                ? DEFAULT_GRACE : Duration.ofSeconds(request.previousValidForSeconds());
    }
}
