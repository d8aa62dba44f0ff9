package dev.registrar.registration;

import java.time.Instant;
import java.util.List;

/**
 * A registration was refused: a security event, recorded and published like every other. Holds
 * what was asked (bounded), why it was refused and where it came from; never a token.
 *
 * @param errorCode the RFC 7591 error code, or {@code invalid_token} / {@code unknown_tenant}
 */
public record RegistrationRejected(
        String tenant,
        String errorCode,
        String reason,
        String softwareId,
        String softwareVersion,
        String clientName,
        List<String> redirectUris,
        String remoteAddress,
        Instant rejectedAt) {
}
