package dev.registrar.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.conf.ParamType;
import org.jooq.exception.TooManyRowsException;

/**
 * A statement built with jOOQ's DSL and rendered to SQL once, then run many times with new bind
 * values (its parameters are {@code DSL.param}s, bound in the order they appear). jOOQ renders a
 * query anew on every execution, and a plain-SQL query is parsed for its placeholders and its
 * values' types on every execution too; on the hot paths — a client look-up, a credential check,
 * the rows a registration writes — either took more of registry-service's CPU than PostgreSQL took
 * to answer. These statements keep their SQL, bind through JDBC, and read their rows with jOOQ.
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
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, bindValues);
                return statement.executeUpdate();
            }
        });
    }

    /** The one row the query finds, read through the fields it was built with. */
    public Optional<Record> fetchOptional(Object... bindValues) {
        List<Record> rows = fetch(bindValues);
        if (rows.size() > 1) {
            throw new TooManyRowsException("the query found " + rows.size() + " rows where it expected at most one: " + sql);
        }
        return rows.stream().findFirst();
    }

    public List<Record> fetch(Object... bindValues) {
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, bindValues);
                try (ResultSet rows = statement.executeQuery()) {
                    return db.fetch(rows, fields);
                }
            }
        });
    }

    /** The rendered SQL casts where PostgreSQL needs a type (json, arrays, times), so text and arrays bind as they are. */
    private static void bind(Connection connection, PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            int index = i + 1;
            switch (values[i]) {
                case null -> statement.setNull(index, Types.NULL);
                case JSONB document -> statement.setString(index, document.data());
                case String[] texts -> statement.setArray(index, connection.createArrayOf("text", texts));
                case Long[] numbers -> statement.setArray(index, connection.createArrayOf("int8", numbers));
                default -> statement.setObject(index, values[i]);
            }
        }
    }
}
