package dev.registrar.projector;

import static dev.registrar.projector.Mappings.date;
import static dev.registrar.projector.Mappings.keyword;
import static dev.registrar.projector.Mappings.keywordInSourceOnly;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Token issuances, one document per token id, denormalized (client, software id and version at
 * issuance, scopes, audience, subject, grant type, times) so the access report is one query with no
 * join. Monthly indices by issuance time ({@code registrar-tokens-2026.11}). A document's id is its
 * token id, so the {@code tokenId} field is kept in the source only.
 */
final class TokenIndex {

    static final String PREFIX = "registrar-tokens-";
    static final String PATTERN = PREFIX + "*";

    /** The document of one token; {@code revokedAt} stays null until it is revoked. */
    record TokenDocument(String tokenId, String tenant, String clientId, String softwareId, String softwareVersion,
                         List<String> scopes, List<String> audience, String grantType, String subject, Instant issuedAt,
                         Instant expiresAt, Instant revokedAt) {
    }

    private TokenIndex() {
    }

    static String indexFor(Instant issuedAt) {
        return Mappings.monthly(PREFIX, issuedAt);
    }

    static void applyTemplate(ElasticsearchClient client, int replicas) throws IOException {
        Mappings.applyTemplate(client, "registrar-tokens", PATTERN, replicas, mapping());
    }

    static TypeMapping mapping() {
        return TypeMapping.of(m -> m
                .dynamic(DynamicMapping.Strict)
                .properties(Map.ofEntries(
                        Map.entry("tokenId", keywordInSourceOnly()),
                        Map.entry("tenant", keyword()),
                        Map.entry("clientId", keyword()),
                        Map.entry("softwareId", keyword()),
                        Map.entry("softwareVersion", keyword()),
                        Map.entry("scopes", keyword()),
                        Map.entry("audience", keyword()),
                        Map.entry("grantType", keyword()),
                        Map.entry("subject", keyword()),
                        Map.entry("issuedAt", date()),
                        Map.entry("expiresAt", date()),
                        Map.entry("revokedAt", date()))));
    }
}
