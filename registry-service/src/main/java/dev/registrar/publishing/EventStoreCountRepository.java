package dev.registrar.publishing;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** Counts the event store's events by wire type, for reconciliation against what was indexed. */
@Repository
class EventStoreCountRepository {

    /** Axon's table is Flyway's and Axon's; jOOQ generates no code for it. */
    private static final Field<String> PAYLOAD_TYPE = field(name("payloadtype"), String.class);

    private final DSLContext db;

    EventStoreCountRepository(DSLContext db) {
        this.db = db;
    }

    Map<String, Long> countsByWireType() {
        Map<String, Long> counts = new TreeMap<>();
        db.select(PAYLOAD_TYPE, count())
                .from(table(name("domainevententry")))
                .groupBy(PAYLOAD_TYPE)
                .fetch()
                .forEach(row -> counts.merge(WireTypes.of(row.value1()).orElse("unknown:" + row.value1()),
                        row.value2().longValue(), Long::sum));
        return counts;
    }
}
