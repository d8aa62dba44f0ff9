package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;

/** A token was issued; carries the client's software id and version at issuance. tokenId is a jti or a hash, never the token. */
@JsonTypeName("token.issued")
public record TokenIssuedPayload(
        String tokenId,
        String clientId,
        String softwareId,
        String softwareVersion,
        List<String> scopes,
        List<String> audience,
        String grantType,
        String subject,
        Instant issuedAt,
        Instant expiresAt) implements EventPayload {
}
