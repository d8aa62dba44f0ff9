package dev.registrar.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a redirect URI presented at the authorization endpoint is one the client registered:
 * exact string match (RFC 9700 section 4.1.3), except that on a loopback http URI any port matches
 * (RFC 8252 section 7.3), as native apps pick a free port at run time.
 */
public final class RedirectUriMatch {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");

    private RedirectUriMatch() {
    }

    public static boolean matches(List<String> registered, String presented) {
        if (presented == null) {
            return false;
        }
        if (registered.contains(presented)) {
            return true;
        }
        URI candidate = loopback(presented);
        return candidate != null && registered.stream().map(RedirectUriMatch::loopback).filter(Objects::nonNull)
                .anyMatch(uri -> Objects.equals(uri.getHost(), candidate.getHost())
                        && Objects.equals(uri.getRawPath(), candidate.getRawPath())
                        && Objects.equals(uri.getRawQuery(), candidate.getRawQuery()));
    }

    private static URI loopback(String value) {
        try {
            URI uri = new URI(value);
            boolean loopbackHttp = "http".equals(uri.getScheme()) && uri.getHost() != null
                    && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT)) && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
            return loopbackHttp ? uri : null;
        } catch (URISyntaxException malformed) {
            return null;
        }
    }
}
