package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/** One token was revoked; issuedAt says which token it was, for indices kept by issuance time. */
@JsonTypeName("token.revoked")
public record TokenRevokedPayload(
        String tokenId,
        String clientId,
        Instant issuedAt) implements EventPayload {
}
