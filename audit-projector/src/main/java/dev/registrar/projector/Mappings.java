package dev.registrar.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What the index classes share: monthly index names, field types, and how a template is applied. */
final class Mappings {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

    private Mappings() {
    }

    /** Monthly indices, so retention drops whole months (the local Elasticsearch has no ILM). */
    static String monthly(String prefix, Instant at) {
        return prefix + MONTH.format(at);
    }

    static Property keyword() {
        return Property.of(p -> p.keyword(k -> k));
    }

    static Property date() {
        return Property.of(p -> p.date(d -> d));
    }

    /** Creates or updates an index template; running it again changes nothing. */
    static void applyTemplate(ElasticsearchClient client, String name, String pattern, int replicas, TypeMapping mapping)
            throws IOException {
        client.indices().putIndexTemplate(template -> template
                .name(name)
                .indexPatterns(pattern)
                .template(t -> t
                        .settings(s -> s.numberOfShards("1").numberOfReplicas(Integer.toString(replicas)))
                        .mappings(mapping)));
    }
}
