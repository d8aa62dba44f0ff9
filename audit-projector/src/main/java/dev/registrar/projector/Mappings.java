package dev.registrar.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** What the index classes share: monthly index names, field types, and how a template is applied. */
final class Mappings {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);
    /** The prefixes of the index families that have an index per month. */
    static final List<String> MONTHLY_PREFIXES = List.of(EventLogIndex.PREFIX, TokenIndex.PREFIX, SecurityIndex.PREFIX,
            KeyUsageIndex.PREFIX, AlertIndex.PREFIX);

    private Mappings() {
    }

    /** Monthly indices, so retention drops whole months (the local Elasticsearch has no ILM). */
    static String monthly(String prefix, Instant at) {
        return prefix + MONTH.format(at);
    }

    /** The month a monthly index of the family {@code prefix} holds; empty for any other index. */
    static Optional<YearMonth> monthOf(String index, String prefix) {
        if (!index.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(index.substring(prefix.length()), MONTH));
        } catch (DateTimeParseException notMonthly) {
            return Optional.empty();
        }
    }

    static Property keyword() {
        return Property.of(p -> p.keyword(k -> k));
    }

    /**
     * A keyword that is sorted or aggregated but never searched: its doc values are kept, but there is
     * no inverted index to build. For an id unique to each document that index is a term per document,
     * some of the most expensive indexing Elasticsearch does.
     */
    static Property keywordNotSearched() {
        return Property.of(p -> p.keyword(k -> k.index(false)));
    }

    /** A keyword kept in the document's source only: neither searched nor aggregated. */
    static Property keywordInSourceOnly() {
        return Property.of(p -> p.keyword(k -> k.index(false).docValues(false)));
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
