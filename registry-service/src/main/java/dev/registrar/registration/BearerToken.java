package dev.registrar.registration;

import dev.registrar.errors.InvalidToken;
import java.util.Optional;

/** Reads an RFC 6750 Bearer token from an Authorization header. */
public final class BearerToken {

    private BearerToken() {
    }

    /** Empty where there is no header; a header of another scheme, or an empty token, is refused. */
    public static Optional<String> from(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            throw new InvalidToken("the Authorization header must carry a Bearer token");
        }
        return Optional.of(authorization.substring(7).trim());
    }
}
