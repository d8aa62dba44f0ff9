package dev.registrar.publishing;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Counts the event store's events by wire type, for reconciliation against what was indexed. */
@Repository
class EventStoreCountRepository {

    /** Axon's table is Flyway's and Axon's; jOOQ generates no code for it. */
    private static final Field<String> PAYLOAD_TYPE = field(name("payloadtype"), String.class);
    private static final Field<byte[]> METADATA = field(name("metadata"), byte[].class);

    private final DSLContext db;

    EventStoreCountRepository(DSLContext db) {
        this.db = db;
    }

    /** Every event's, or one tenant's (the tenant is in each event's metadata, as Jackson wrote it). */
    Map<String, Long> countsByWireType(String tenant) {
        Map<String, Long> counts = new TreeMap<>();
        Condition ofTenant = tenant == null ? DSL.noCondition()
                : field("convert_from({0}, 'UTF8')::jsonb ->> 'tenant'", String.class, METADATA).eq(tenant);
        db.select(PAYLOAD_TYPE, count())
                .from(table(name("domainevententry")))
                .where(ofTenant)
                .groupBy(PAYLOAD_TYPE)
                .fetch()
                .forEach(row -> counts.merge(WireTypes.of(row.value1()).orElse("unknown:" + row.value1()),
                        row.value2().longValue(), Long::sum));
        return counts;
    }
}
