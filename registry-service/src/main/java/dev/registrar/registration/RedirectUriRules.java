package dev.registrar.registration;

import static dev.registrar.errors.InvalidClientMetadata.redirectUri;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which redirect URIs a client may register: RFC 6749 section 3.1.2 (absolute, no fragment),
 * RFC 8252 sections 7.1 and 7.3 for native clients (private-use schemes in reverse-domain form,
 * plain http only on loopback) and RFC 9700 section 4.1 (no wildcards, exact matching).
 */
final class RedirectUriRules {

    static final int MAX_LENGTH = 2000;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");
    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "file", "vbscript", "blob", "about");

    private RedirectUriRules() {
    }

    /**
     * @param allowedPrivateSchemes private-use schemes the tenant allows although they are not in reverse-domain form
     * @return the URI's scheme, in lower case
     */
    static String check(String candidate, java.util.List<String> allowedPrivateSchemes) {
        if (candidate == null || candidate.isBlank()) {
            throw redirectUri("redirect_uris must not contain empty values");
        }
        if (candidate.length() > MAX_LENGTH) {
            throw redirectUri("a redirect URI may be at most " + MAX_LENGTH + " characters long");
        }
        if (candidate.contains("*")) {
            throw redirectUri("redirect URIs must not contain wildcards (RFC 9700 section 4.1.3)");
        }
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException malformed) {
            throw redirectUri("a redirect URI is not a valid URI: " + malformed.getReason());
        }
        if (!uri.isAbsolute()) {
            throw redirectUri("redirect URIs must be absolute (RFC 6749 section 3.1.2)");
        }
        if (uri.getRawFragment() != null || candidate.contains("#")) {
            throw redirectUri("redirect URIs must not contain a fragment (RFC 6749 section 3.1.2)");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (FORBIDDEN_SCHEMES.contains(scheme)) {
            throw redirectUri("the scheme '" + scheme + "' is not allowed in a redirect URI");
        }
        switch (scheme) {
            case "https" -> requireHost(uri);
            case "http" -> {
                requireHost(uri);
                if (!LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                    throw redirectUri("plain http is allowed only on the loopback interface (RFC 8252 section 7.3); use https");
                }
            }
            default -> {
                if (!scheme.contains(".") && !allowedPrivateSchemes.contains(scheme)) {
                    throw redirectUri("a private-use URI scheme must be in reverse-domain form, e.g. com.example.app (RFC 8252 section 7.1)");
                }
            }
        }
        return scheme;
    }

    private static void requireHost(URI uri) {
        if (uri.getRawUserInfo() != null) {
            throw redirectUri("redirect URIs must not contain user information");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw redirectUri("an http(s) redirect URI must name a host");
        }
    }
}
