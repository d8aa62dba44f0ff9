package dev.registrar.credentials;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param hashKey the server key of the keyed hashes (HMAC-SHA-256), base64, at least 32 bytes. It
 *                must stay the same across restarts: every stored hash depends on it
 */
@Validated
@ConfigurationProperties("registrar.credentials")
record CredentialsProperties(@NotBlank @Size(min = 43) String hashKey) {

    @Override
    public String toString() {
        return "CredentialsProperties[hashKey=(hidden)]";
    }
}
