package dev.registrar.throttling;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** At most {@code capacity} in any {@code period}, refilled gradually. */
public record Limit(@Min(1) long capacity, @NotNull Duration period) {
}
