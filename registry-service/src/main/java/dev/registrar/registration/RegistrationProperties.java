package dev.registrar.registration;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultTenant the tenant that {@code POST /register} registers for; each tenant also has
 *                      its own endpoint, {@code POST /t/{tenant}/register}
 */
@Validated
@ConfigurationProperties("registrar.registration")
record RegistrationProperties(@NotBlank @DefaultValue("dev") String defaultTenant) {
}
