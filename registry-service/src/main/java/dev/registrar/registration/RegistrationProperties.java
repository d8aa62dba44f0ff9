package dev.registrar.registration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultTenant the tenant that {@code POST /register} registers for; each tenant also has
 *                      its own endpoint, {@code POST /t/{tenant}/register}
 * @param writers       how many transactions write registrations at once ({@link GroupCommit}); each
 *                      takes every registration waiting when it begins
 * @param batchLimit    the most registrations one transaction writes
 */
@Validated
@ConfigurationProperties("registrar.registration")
record RegistrationProperties(@NotBlank @DefaultValue("dev") String defaultTenant, @Min(1) @DefaultValue("2") int writers,
                              @Min(1) @DefaultValue("64") int batchLimit) {
}
