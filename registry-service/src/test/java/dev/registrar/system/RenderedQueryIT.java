package dev.registrar.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.TooManyRowsException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithLocalServers(Server.POSTGRES)
class RenderedQueryIT {

    private final Table<Record> table = DSL.table(DSL.name("rendered_query_" + UUID.randomUUID().toString().replace("-", "")));
    private final Field<String> id = DSL.field(DSL.name("id"), SQLDataType.VARCHAR);
    private final Field<String> group = DSL.field(DSL.name("grouping"), SQLDataType.VARCHAR);
    private final Field<String[]> names = DSL.field(DSL.name("names"), SQLDataType.VARCHAR.array());
    private final Field<Long[]> numbers = DSL.field(DSL.name("numbers"), SQLDataType.BIGINT.array());
    private final Field<JSONB> document = DSL.field(DSL.name("document"), SQLDataType.JSONB);
    private final Field<OffsetDateTime> at = DSL.field(DSL.name("at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    private final Field<byte[]> hash = DSL.field(DSL.name("hash"), SQLDataType.BLOB);
    private final Field<String> note = DSL.field(DSL.name("note"), SQLDataType.VARCHAR);

    private DSLContext db;
    private RenderedQuery insert;
    private RenderedQuery byId;
    private RenderedQuery byGroup;

    @BeforeEach
    void createTable() {
        db = DSL.using(TestDatabase.dataSource(), SQLDialect.POSTGRES);
        db.createTable(table).columns(id, group, names, numbers, document, at, hash, note).primaryKey(id).execute();
        insert = new RenderedQuery(db, db.insertInto(table, id, group, names, numbers, document, at, hash, note)
                .values(DSL.param("id", String.class), DSL.param("group", String.class), DSL.param("names", String[].class),
                        DSL.param("numbers", Long[].class), DSL.param("document", JSONB.class),
                        DSL.param("at", OffsetDateTime.class), DSL.param("hash", byte[].class), DSL.param("note", String.class)));
        byId = new RenderedQuery(db, db.select(id, names, numbers, document, at, hash, note).from(table)
                .where(id.eq(DSL.param("id", String.class))));
        byGroup = new RenderedQuery(db, db.select(id).from(table).where(group.eq(DSL.param("group", String.class))));
    }

    @AfterEach
    void dropTable() {
        db.dropTable(table).execute();
    }

    @Test
    void everyKindOfValueTheRepositoriesBindIsStoredAndReadBackAsItWas() {
        String[] awkwardNames = {"plain", "with \"quotes\"", "back\\slash", "{braces}", "a,comma", "NULL", ""};
        OffsetDateTime time = OffsetDateTime.of(2026, 11, 22, 10, 15, 30, 123_456_000, ZoneOffset.UTC);

        int inserted = insert.execute("a", "g", awkwardNames, new Long[] {1L, Long.MAX_VALUE}, JSONB.valueOf("{\"k\": [1, \"two\"]}"),
                time, new byte[] {0, 1, (byte) 0xff}, null);

        assertThat(inserted).isEqualTo(1);
        Record row = byId.fetchOptional("a").orElseThrow();
        assertThat(row.get(names)).containsExactly(awkwardNames);
        assertThat(row.get(numbers)).containsExactly(1L, Long.MAX_VALUE);
        assertThat(row.get(document).data()).isEqualTo("{\"k\": [1, \"two\"]}");
        assertThat(row.get(at).toInstant()).isEqualTo(time.toInstant());
        assertThat(row.get(hash)).containsExactly(0, 1, 0xff);
        assertThat(row.get(note)).isNull();
    }

    @Test
    void fetchOptionalAnswersEmptyForNoRowAndRefusesMoreThanOne() {
        insert.execute("a", "g", new String[0], new Long[0], null, null, null, null);
        insert.execute("b", "g", new String[0], new Long[0], null, null, null, null);

        assertThat(byId.fetchOptional("missing")).isEmpty();
        assertThat(byGroup.fetch("g")).extracting(row -> row.get(id)).containsExactlyInAnyOrder("a", "b");
        assertThatThrownBy(() -> byGroup.fetchOptional("g")).isInstanceOf(TooManyRowsException.class);
    }
}
