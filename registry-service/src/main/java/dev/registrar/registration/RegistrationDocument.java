package dev.registrar.registration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registrar.errors.InvalidClientMetadata;
import dev.registrar.errors.PayloadTooLarge;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads a registration body as the client sent it, strictly: one JSON object, bounded in size,
 * no duplicate members (which would leave the metadata ambiguous). Every way it can be wrong
 * becomes an RFC 7591 error that names the problem.
 */
@Component
public class RegistrationDocument {

    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Registered JWT claims describe the statement, not the client; they never become metadata. */
    private static final Set<String> JWT_CLAIMS = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");

    private final ObjectReader reader;
    private final ObjectMapper json;

    RegistrationDocument(ObjectMapper json) {
        this.json = json;
        this.reader = json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    public ObjectNode read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new PayloadTooLarge(MAX_BODY_BYTES);
        }
        JsonNode document;
        try {
            document = reader.readTree(bytes);
        } catch (JsonProcessingException malformed) {
            throw InvalidClientMetadata.metadata("the request body is not valid JSON"
                    + (malformed.getOriginalMessage().startsWith("Duplicate field") ? ": a member appears twice" : ""));
        }
        if (document == null || !document.isObject()) {
            throw InvalidClientMetadata.metadata("the request body must be a JSON object of client metadata");
        }
        return (ObjectNode) document;
    }

    /** Lays the verified claims of a software statement over the request (RFC 7591 section 3.1.1). */
    void applyStatement(ObjectNode document, Map<String, Object> claims) {
        claims.forEach((name, value) -> {
            if (!JWT_CLAIMS.contains(name)) {
                document.set(name, json.valueToTree(value));
            }
        });
        document.remove("software_statement");
    }

    ClientMetadataRequest metadata(ObjectNode document) {
        try {
            return json.treeToValue(document, ClientMetadataRequest.class);
        } catch (JsonMappingException wrongShape) {
            String field = wrongShape.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw InvalidClientMetadata.metadata(field.isEmpty()
                    ? "the request body must be a JSON object of client metadata"
                    : "'" + field + "' has the wrong type");
        } catch (JsonProcessingException unreadable) {
            throw InvalidClientMetadata.metadata("the client metadata could not be read");
        }
    }

    /** What a refused request asked for, bounded, for the security event. Tolerates any shape. */
    static RequestSummary summarize(ObjectNode document) {
        if (document == null) {
            return RequestSummary.NOTHING;
        }
        List<String> redirectUris = new ArrayList<>();
        JsonNode uris = document.path("redirect_uris");
        if (uris.isArray()) {
            for (JsonNode uri : uris) {
                if (redirectUris.size() < 5) {
                    redirectUris.add(bounded(uri.asText()));
                }
            }
        }
        return new RequestSummary(text(document, "software_id"), text(document, "software_version"),
                text(document, "client_name"), redirectUris);
    }

    record RequestSummary(String softwareId, String softwareVersion, String clientName, List<String> redirectUris) {
        static final RequestSummary NOTHING = new RequestSummary(null, null, null, List.of());
    }

    private static String text(ObjectNode document, String field) {
        JsonNode value = document.get(field);
        return value != null && value.isTextual() ? bounded(value.asText()) : null;
    }

    private static String bounded(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }
}
