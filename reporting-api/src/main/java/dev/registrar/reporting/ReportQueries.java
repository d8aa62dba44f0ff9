package dev.registrar.reporting;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.util.List;

/** The named filters every report combines in its bool query. */
final class ReportQueries {

    private ReportQueries() {
    }

    /** {@code field} in [from, to). */
    static Query within(String field, Instant from, Instant to) {
        return Query.of(q -> q.range(r -> r.untyped(u -> u.field(field)
                .gte(JsonData.of(from.toString())).lt(JsonData.of(to.toString())))));
    }

    /** Adds an exact-match filter where a value was asked for. */
    static void matching(List<Query> conditions, String field, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value)))));
        }
    }
}
