package dev.registrar.registration;

import static dev.registrar.errors.InvalidClientMetadata.metadata;
import static dev.registrar.errors.InvalidClientMetadata.redirectUri;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registrar.client.ClientMetadata;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks RFC 7591 client metadata (section 2) and fills in its defaults. What the RFC leaves open
 * is decided for safety: https for every URL a person may follow, no private key material in
 * {@code jwks}, bounded lengths everywhere, no control characters in text.
 */
@Component
class ClientMetadataValidator {

    static final int MAX_REDIRECT_URIS = 20;
    static final int MAX_TEXT_LENGTH = 200;
    static final int MAX_URL_LENGTH = 2000;
    static final int MAX_SCOPES = 50;
    static final int MAX_CONTACTS = 10;
    static final int MAX_KEYS = 20;
    private static final Set<String> AUTH_METHODS = Set.of("none", "client_secret_basic", "client_secret_post", "private_key_jwt");
    private static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials");
    private static final Set<String> RESPONSE_TYPES = Set.of("code");
    private static final Set<String> APPLICATION_TYPES = Set.of("web", "native");
    private static final Set<String> PRIVATE_KEY_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "k", "oth");
    // RFC 6749 section 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,128}");
    private static final Pattern CONTACT = Pattern.compile("[^\\s@]{1,64}@[^\\s@]{1,189}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

    ClientMetadata validate(ClientMetadataRequest request, List<String> allowedPrivateSchemes) {
        String authMethod = request.tokenEndpointAuthMethod() == null ? "client_secret_basic" : request.tokenEndpointAuthMethod();
        if (!AUTH_METHODS.contains(authMethod)) {
            throw metadata("token_endpoint_auth_method must be one of " + sorted(AUTH_METHODS));
        }
        List<String> grantTypes = values("grant_types", request.grantTypes(), List.of("authorization_code"), GRANT_TYPES);
        boolean authorizationCode = grantTypes.contains("authorization_code");
        List<String> responseTypes = values("response_types", request.responseTypes(),
                authorizationCode ? List.of("code") : List.of(), RESPONSE_TYPES);
        // RFC 7591 section 2.1: the code response type goes with the authorization_code grant.
        if (authorizationCode != responseTypes.contains("code")) {
            throw metadata("grant_types 'authorization_code' and response_types 'code' must be registered together");
        }
        if (grantTypes.contains("refresh_token") && !authorizationCode) {
            throw metadata("grant_types 'refresh_token' needs 'authorization_code'");
        }
        if (grantTypes.contains("client_credentials") && "none".equals(authMethod)) {
            throw metadata("grant_types 'client_credentials' needs a confidential client, not token_endpoint_auth_method 'none'");
        }
        String applicationType = request.applicationType() == null ? "web" : request.applicationType();
        if (!APPLICATION_TYPES.contains(applicationType)) {
            throw metadata("application_type must be 'web' or 'native'");
        }
        List<String> redirectUris = redirectUris(request.redirectUris(), authorizationCode, applicationType, allowedPrivateSchemes);
        if (request.jwks() != null && request.jwksUri() != null) {
            throw metadata("jwks and jwks_uri must not both be present (RFC 7591 section 2)");
        }
        String jwks = jwks(request.jwks());
        String jwksUri = url("jwks_uri", request.jwksUri());
        if ("private_key_jwt".equals(authMethod) && jwks == null && jwksUri == null) {
            throw metadata("token_endpoint_auth_method 'private_key_jwt' needs jwks or jwks_uri");
        }
        return new ClientMetadata(redirectUris, authMethod, grantTypes, responseTypes, applicationType,
                text("client_name", request.clientName()), url("client_uri", request.clientUri()), url("logo_uri", request.logoUri()),
                url("tos_uri", request.tosUri()), url("policy_uri", request.policyUri()), contacts(request.contacts()),
                scopes(request.scope()), jwksUri, jwks,
                text("software_id", request.softwareId()), text("software_version", request.softwareVersion()));
    }

    private static List<String> redirectUris(List<String> uris, boolean required, String applicationType, List<String> allowedPrivateSchemes) {
        if (uris == null || uris.isEmpty()) {
            if (required) {
                throw redirectUri("redirect_uris is required for the authorization_code grant");
            }
            return List.of();
        }
        if (uris.size() > MAX_REDIRECT_URIS) {
            throw redirectUri("at most " + MAX_REDIRECT_URIS + " redirect_uris may be registered");
        }
        for (String uri : uris) {
            String scheme = RedirectUriRules.check(uri, allowedPrivateSchemes);
            if ("web".equals(applicationType) && !scheme.startsWith("http")) {
                throw redirectUri("a web client's redirect URIs must use https (or http on loopback); register as application_type 'native' for a private-use scheme");
            }
        }
        return List.copyOf(new LinkedHashSet<>(uris));
    }

    private static List<String> values(String field, List<String> values, List<String> defaults, Set<String> allowed) {
        if (values == null) {
            return defaults;
        }
        for (String value : values) {
            if (value == null || !allowed.contains(value)) {
                throw metadata(field + " may contain only " + sorted(allowed));
            }
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static List<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        List<String> tokens = Arrays.stream(scope.trim().split(" +")).distinct().toList();
        if (tokens.size() > MAX_SCOPES) {
            throw metadata("at most " + MAX_SCOPES + " scopes may be requested");
        }
        for (String token : tokens) {
            if (!SCOPE_TOKEN.matcher(token).matches()) {
                throw metadata("scope must be space-separated scope tokens of printable ASCII (RFC 6749 section 3.3)");
            }
        }
        return tokens;
    }

    private static List<String> contacts(List<String> contacts) {
        if (contacts == null) {
            return List.of();
        }
        if (contacts.size() > MAX_CONTACTS) {
            throw metadata("at most " + MAX_CONTACTS + " contacts may be given");
        }
        for (String contact : contacts) {
            if (contact == null || !CONTACT.matcher(contact).matches()) {
                throw metadata("contacts must be e-mail addresses");
            }
        }
        return List.copyOf(contacts);
    }

    /** URLs a person or server may follow: absolute https, no fragment, no user information. */
    private static String url(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_URL_LENGTH) {
            throw metadata(field + " may be at most " + MAX_URL_LENGTH + " characters long");
        }
        try {
            URI uri = new URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawFragment() != null) {
                throw metadata(field + " must be an https URL without user information or fragment");
            }
        } catch (URISyntaxException malformed) {
            throw metadata(field + " is not a valid URL");
        }
        return value;
    }

    /** A public JWK set (RFC 7517 section 5): an object with a "keys" array of objects, with no private members. */
    private static String jwks(JsonNode jwks) {
        if (jwks == null) {
            return null;
        }
        JsonNode keys = jwks.get("keys");
        if (!jwks.isObject() || keys == null || !keys.isArray() || keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw metadata("jwks must be a JWK set: an object whose \"keys\" holds 1 to " + MAX_KEYS + " keys");
        }
        for (JsonNode key : keys) {
            if (!key.isObject() || !key.path("kty").isTextual()) {
                throw metadata("every key in jwks must be a JWK object with a \"kty\"");
            }
            for (String member : PRIVATE_KEY_MEMBERS) {
                if (key.has(member)) {
                    throw metadata("jwks must hold public keys only; a key carries the private member \"" + member + "\"");
                }
            }
        }
        return jwks.toString();
    }

    private static String text(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw metadata(field + " must not be blank");
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw metadata(field + " may be at most " + MAX_TEXT_LENGTH + " characters long");
        }
        if (CONTROL.matcher(value).find()) {
            throw metadata(field + " must not contain control characters");
        }
        return value;
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}
