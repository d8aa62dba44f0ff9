package dev.registrar.credentials;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of a key revocation: why, for the event that records it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record KeyRevocationRequest(@NotBlank @Size(max = 500) String reason) {
}
