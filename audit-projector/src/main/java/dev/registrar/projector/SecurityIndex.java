package dev.registrar.projector;

import static dev.registrar.projector.Mappings.date;
import static dev.registrar.projector.Mappings.keyword;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Security events — refused registrations and failed client authentications — one document per
 * event id, with the fields the security view groups by, in monthly indices.
 */
final class SecurityIndex {

    static final String PREFIX = "registrar-security-";
    static final String PATTERN = PREFIX + "*";

    /**
     * @param kind {@code registration-rejected} or {@code authentication-failed}
     */
    record SecurityDocument(String eventId, String kind, String tenant, String reason, String detail, String softwareId,
                            String softwareVersion, String clientId, String remoteAddress, Instant occurredAt) {
    }

    private SecurityIndex() {
    }

    static String indexFor(Instant occurredAt) {
        return Mappings.monthly(PREFIX, occurredAt);
    }

    static void applyTemplate(ElasticsearchClient client, int replicas) throws IOException {
        Mappings.applyTemplate(client, "registrar-security", PATTERN, replicas, mapping());
    }

    static TypeMapping mapping() {
        return TypeMapping.of(m -> m
                .dynamic(DynamicMapping.Strict)
                .properties(Map.of(
                        "eventId", keyword(),
                        "kind", keyword(),
                        "tenant", keyword(),
                        "reason", keyword(),
                        "detail", keyword(),
                        "softwareId", keyword(),
                        "softwareVersion", keyword(),
                        "clientId", keyword(),
                        "remoteAddress", keyword(),
                        "occurredAt", date())));
    }
}
