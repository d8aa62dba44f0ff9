package dev.registrar.projector;

import static dev.registrar.projector.Mappings.date;
import static dev.registrar.projector.Mappings.keyword;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.io.IOException;
import java.util.Map;

/**
 * The current state of every client, one document per client id, written with external versioning
 * from the aggregate sequence: an older event, redelivered or late, can never overwrite a newer state.
 * Not time-based: a client lives as long as it lives.
 */
final class ClientIndex {

    static final String NAME = "registrar-clients";

    private ClientIndex() {
    }

    /** Applies the template and creates the index: the projector reads from it before it first writes to it. */
    static void applyTemplate(ElasticsearchClient client, int replicas) throws IOException {
        Mappings.applyTemplate(client, NAME, NAME, replicas, mapping());
        if (!client.indices().exists(e -> e.index(NAME)).value()) {
            try {
                client.indices().create(c -> c.index(NAME));
            } catch (ElasticsearchException alreadyCreated) {
                if (!"resource_already_exists_exception".equals(alreadyCreated.error().type())) {
                    throw alreadyCreated;
                }
            }
        }
    }

    static TypeMapping mapping() {
        return TypeMapping.of(m -> m
                .dynamic(DynamicMapping.Strict)
                .properties(Map.ofEntries(
                        Map.entry("clientId", keyword()),
                        Map.entry("tenant", keyword()),
                        Map.entry("status", keyword()),
                        Map.entry("statusReason", keyword()),
                        Map.entry("clientName", keyword()),
                        Map.entry("softwareId", keyword()),
                        Map.entry("softwareVersion", keyword()),
                        Map.entry("registrationMethod", keyword()),
                        Map.entry("tokenEndpointAuthMethod", keyword()),
                        Map.entry("scopes", keyword()),
                        Map.entry("redirectUris", keyword()),
                        Map.entry("policyVersion", Property.of(p -> p.long_(l -> l))),
                        Map.entry("registeredAt", date()),
                        Map.entry("updatedAt", date()),
                        Map.entry("sequence", Property.of(p -> p.long_(l -> l))))));
    }
}
