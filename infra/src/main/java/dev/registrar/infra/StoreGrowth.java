package dev.registrar.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grows registry-service's stores tenfold, for the benchmark's round at ten times the data: nine
 * copies of every client row, credential, token row and stored event, each under ids of its own,
 * written straight into PostgreSQL (the HTTP path would take hours). The copied events get negative
 * global indices, behind the publisher's position, so the publisher never sends them on: the event
 * store and the tables the requests use grow tenfold, Kafka and Elasticsearch do not (the compliance
 * benchmark measures Elasticsearch at ten times its data).
 */
final class StoreGrowth {

    static final int COPIES = 9;
    private static final long EVENTS_PER_STEP = 100_000;
    private static final List<String> TABLES = List.of("client_registration", "credential", "token", "domainevententry");
    /** How each copy's ids derive from the original's and the copy's number, so they are unique and consistent across tables. */
    private static final Map<String, Map<String, String>> DERIVED = Map.of(
            "client_registration", Map.of("client_id", copyOf("client_id")),
            "credential", Map.of("owner_id", copyOf("owner_id"), "hash", "sha256(hash || int4send(copy))",
                    "previous_hash", "sha256(previous_hash || int4send(copy))"),
            "token", Map.of("token_id", copyOf("token_id"), "client_id", copyOf("client_id")),
            "domainevententry", Map.of("globalindex", "-(globalindex * 10 + copy)", "aggregateidentifier", copyOf("aggregateidentifier"),
                    "eventidentifier", copyOf("eventidentifier")));

    private final PostgresEndpoint database;

    StoreGrowth(PostgresEndpoint database) {
        this.database = database;
    }

    /** Answers each table's rows before and after. */
    Map<String, Object> tenfold() throws SQLException {
        try (Connection db = database.connect();
             Statement sql = db.createStatement()) {
            Map<String, Long> before = rows(sql);
            long started = System.nanoTime();
            for (String table : List.of("client_registration", "credential", "token")) {
                StackLog.say("bench: growing the stores tenfold: %,d rows of %s, nine copies each", before.get(table), table);
                sql.executeUpdate(copy(db, table, ""));
            }
            long lastEvent = single(sql, "select coalesce(max(globalindex), 0) from domainevententry");
            try (PreparedStatement copyEvents = db.prepareStatement(copy(db, "domainevententry",
                    " where globalindex > ? and globalindex <= ?"))) {
                for (long from = 0; from < lastEvent; from += EVENTS_PER_STEP) {
                    long to = Math.min(from + EVENTS_PER_STEP, lastEvent);
                    copyEvents.setLong(1, from);
                    copyEvents.setLong(2, to);
                    copyEvents.executeUpdate();
                    StackLog.say("bench: growing the stores tenfold: events up to %,d of %,d copied (%.0f s)",
                            to, lastEvent, (System.nanoTime() - started) / 1e9);
                }
            }
            StackLog.say("bench: growing the stores tenfold: vacuum and analyze, as autovacuum would after such a load");
            for (String table : TABLES) {
                sql.execute("vacuum analyze " + table);
            }
            Map<String, Long> after = rows(sql);
            Map<String, Object> grown = new LinkedHashMap<>();
            TABLES.forEach(table -> grown.put(table, before.get(table) + " -> " + after.get(table)));
            grown.put("seconds", Math.round((System.nanoTime() - started) / 1e9));
            return grown;
        }
    }

    /** An insert of nine copies of the table's rows (those {@code where} selects), every column copied but the derived ones. */
    private static String copy(Connection db, String table, String where) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "select column_name from information_schema.columns where table_schema = current_schema() and table_name = ? "
                        + "order by ordinal_position")) {
            query.setString(1, table);
            try (ResultSet names = query.executeQuery()) {
                while (names.next()) {
                    columns.add(names.getString(1));
                }
            }
        }
        List<String> values = columns.stream().map(column -> DERIVED.get(table).getOrDefault(column, column)).toList();
        return "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values) + " from " + table
                + ", generate_series(1, " + COPIES + ") as copy" + where;
    }

    private static String copyOf(String column) {
        return "md5(" + column + " || ':' || copy)";
    }

    private static Map<String, Long> rows(Statement sql) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, single(sql, "select count(*) from " + table));
        }
        return rows;
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
