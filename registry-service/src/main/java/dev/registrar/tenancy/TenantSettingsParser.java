package dev.registrar.tenancy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.registrar.errors.InvalidRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Turns an administrator's tenant document into settings, refusing what would not work. */
@Component
class TenantSettingsParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,63}");

    private final ObjectMapper json;

    TenantSettingsParser(ObjectMapper json) {
        this.json = json;
    }

    TenantSettings parse(String id, TenantAdminController.TenantDocument document) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidRequest("id must be 1 to 63 lower-case letters, digits or '-', starting with a letter or digit");
        }
        return new TenantSettings(id, baseUrl(document.publicBaseUrl()), mode(document.registration()),
                schemes(document.privateUseSchemes()), issuers(document.softwareStatementIssuers()));
    }

    JsonNode tree(String jwks) {
        try {
            return json.readTree(jwks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JWK set is unreadable", e);
        }
    }

    private static String baseUrl(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new InvalidRequest("public_base_url must be an absolute http(s) URL without query or fragment");
            }
        } catch (URISyntaxException malformed) {
            throw new InvalidRequest("public_base_url is not a valid URL");
        }
        return value;
    }

    private static TenancyProperties.RegistrationMode mode(String value) {
        if (value == null) {
            return TenancyProperties.RegistrationMode.OPEN;
        }
        return switch (value.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "open" -> TenancyProperties.RegistrationMode.OPEN;
            case "initial_access_token" -> TenancyProperties.RegistrationMode.INITIAL_ACCESS_TOKEN;
            default -> throw new InvalidRequest("registration must be 'open' or 'initial_access_token'");
        };
    }

    private static List<String> schemes(List<String> values) {
        if (values == null) {
            return List.of();
        }
        for (String scheme : values) {
            if (scheme == null || !SCHEME.matcher(scheme).matches() || scheme.equals("http") || scheme.equals("https")) {
                throw new InvalidRequest("private_use_schemes must be URI schemes other than http and https");
            }
        }
        return List.copyOf(values);
    }

    private List<TenantSettings.TrustedIssuer> issuers(List<TenantAdminController.IssuerDocument> documents) {
        if (documents == null) {
            return List.of();
        }
        List<TenantSettings.TrustedIssuer> issuers = new ArrayList<>();
        for (TenantAdminController.IssuerDocument document : documents) {
            if (document == null || document.issuer() == null || document.issuer().isBlank()) {
                throw new InvalidRequest("every software statement issuer needs an issuer");
            }
            if ((document.jwks() == null) == (document.jwksUri() == null)) {
                throw new InvalidRequest("give a software statement issuer either jwks or jwks_uri");
            }
            issuers.add(new TenantSettings.TrustedIssuer(document.issuer(), publicKeys(document.jwks()), httpsUrl(document.jwksUri())));
        }
        return List.copyOf(issuers);
    }

    private static String publicKeys(JsonNode jwks) {
        if (jwks == null) {
            return null;
        }
        try {
            JWKSet set = JWKSet.parse(jwks.toString());
            if (set.getKeys().isEmpty() || set.getKeys().stream().anyMatch(JWK::isPrivate)) {
                throw new InvalidRequest("jwks must hold at least one key, and public keys only");
            }
            return set.toString();
        } catch (ParseException unreadable) {
            throw new InvalidRequest("jwks is not a JWK set");
        }
    }

    private static String httpsUrl(String value) {
        if (value == null) {
            return null;
        }
        if (!value.startsWith("https://") && !value.startsWith("http://127.0.0.1") && !value.startsWith("http://localhost")) {
            throw new InvalidRequest("jwks_uri must be an https URL");
        }
        return value;
    }
}
