package dev.registrar.system;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.conf.ParamType;

/**
 * A statement built with jOOQ's DSL and rendered to SQL once, then run many times with new bind
 * values (its parameters are {@code DSL.param}s, bound in the order they appear). jOOQ renders a
 * query anew on every execution; on the hot paths — a client look-up, a credential check, the rows a
 * registration writes — that rendering took more of registry-service's CPU than PostgreSQL took to
 * answer, so these statements keep their SQL and only bind.
 */
public final class RenderedQuery {

    private final DSLContext db;
    private final String sql;
    private final Field<?>[] fields;

    public RenderedQuery(DSLContext db, Query query) {
        this.db = db;
        this.sql = query.getSQL(ParamType.INDEXED);
        this.fields = query instanceof ResultQuery<?> select ? select.fields() : new Field<?>[0];
    }

    public int execute(Object... bindValues) {
        return db.execute(sql, bindValues);
    }

    /** The one row the query finds, read through the fields it was built with. */
    public Optional<Record> fetchOptional(Object... bindValues) {
        return db.resultQuery(sql, bindValues).coerce(fields).fetchOptional();
    }

    public List<Record> fetch(Object... bindValues) {
        return db.resultQuery(sql, bindValues).coerce(fields).fetch();
    }
}
