package dev.registrar.tokens;

import static dev.registrar.readmodel.jooq.Tables.TOKEN;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import dev.registrar.system.RenderedQuery;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class TokenRepository {

    /** The advisory lock token batches take; any number no other lock in this database uses. */
    private static final long BATCH_LOCK = 0x5245_4749_5354_4b4eL;

    private final DSLContext db;
    private final RenderedQuery insertNew;

    TokenRepository(DSLContext db) {
        this.db = db;
        // One statement whatever the batch's size: each column travels as one array and PostgreSQL
        // unnests them into rows. Building and rendering a thousand-row VALUES list took a third
        // of registry-service's CPU while token batches arrived. The rows go in by token id, so two
        // concurrent batches that share ids wait for each other in one order and never deadlock.
        this.insertNew = new RenderedQuery(db, db.resultQuery("""
                insert into {0} ({1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11})
                select t.token_id, {12}, t.client_id, t.software_id, t.software_version, t.scopes::text[], t.audience::text[],
                       t.grant_type, t.subject, to_timestamp(t.issued_at / 1000.0), to_timestamp(t.expires_at / 1000.0)
                from unnest({13}, {14}, {15}, {16}, {17}, {18}, {19}, {20}, {21}, {22})
                     as t(token_id, client_id, software_id, software_version, scopes, audience, grant_type, subject, issued_at, expires_at)
                order by t.token_id
                on conflict do nothing
                returning {1}""",
                TOKEN, column(TOKEN.TOKEN_ID), column(TOKEN.TENANT), column(TOKEN.CLIENT_ID), column(TOKEN.SOFTWARE_ID),
                column(TOKEN.SOFTWARE_VERSION), column(TOKEN.SCOPES), column(TOKEN.AUDIENCE), column(TOKEN.GRANT_TYPE),
                column(TOKEN.SUBJECT), column(TOKEN.ISSUED_AT), column(TOKEN.EXPIRES_AT),
                DSL.param("tenant", String.class), DSL.param("tokenIds", String[].class), DSL.param("clientIds", String[].class),
                DSL.param("softwareIds", String[].class), DSL.param("softwareVersions", String[].class),
                DSL.param("scopes", String[].class), DSL.param("audiences", String[].class), DSL.param("grantTypes", String[].class),
                DSL.param("subjects", String[].class), DSL.param("issuedAt", Long[].class), DSL.param("expiresAt", Long[].class))
                .coerce(TOKEN.TOKEN_ID));
    }

    /**
     * Makes this transaction wait until no other token batch that holds this lock has ended, and
     * keeps the others waiting until this one ends (a PostgreSQL transaction-level advisory lock, so
     * it holds across instances). Taken before a batch's events are appended: concurrent batches
     * would take the event store's positions interleaved; the publisher tracks each position not yet
     * committed as a gap, and every event it held carried a copy of thousands of gaps: with eight
     * callers registry-service ran out of its 768 MB heap, and the publisher slowed to a thousand
     * events a second while batches arrived.
     */
    void awaitOtherBatches() {
        db.execute("select pg_advisory_xact_lock(?)", BATCH_LOCK);
    }

    /** Inserts the tokens in one statement; answers the ids that were new (a retried id is skipped). */
    Set<String> insertNew(String tenant, List<TokenIssued> tokens) {
        int size = tokens.size();
        String[] ids = new String[size];
        String[] clients = new String[size];
        String[] software = new String[size];
        String[] versions = new String[size];
        String[] scopes = new String[size];
        String[] audiences = new String[size];
        String[] grants = new String[size];
        String[] subjects = new String[size];
        Long[] issued = new Long[size];
        Long[] expires = new Long[size];
        for (int i = 0; i < size; i++) {
            TokenIssued token = tokens.get(i);
            ids[i] = token.tokenId();
            clients[i] = token.clientId();
            software[i] = token.softwareId();
            versions[i] = token.softwareVersion();
            scopes[i] = arrayLiteral(token.scopes());
            audiences[i] = arrayLiteral(token.audience());
            grants[i] = token.grantType();
            subjects[i] = token.subject();
            issued[i] = token.issuedAt().toEpochMilli();
            expires[i] = token.expiresAt().toEpochMilli();
        }
        return insertNew.fetch(tenant, ids, clients, software, versions, scopes, audiences, grants, subjects, issued, expires).stream()
                .map(row -> row.get(TOKEN.TOKEN_ID))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A PostgreSQL array literal of the values, each quoted, so any character survives: {"a","b \"c\""}. */
    private static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            literal.append(literal.length() == 1 ? "\"" : ",\"");
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    private static Name column(Field<?> field) {
        return DSL.name(field.getName());
    }

    /** Marks live tokens of the tenant revoked; answers the ones that were, with their clients. */
    List<TokenRevoked> revoke(String tenant, Collection<String> tokenIds, Instant at) {
        return db.update(TOKEN)
                .set(TOKEN.REVOKED_AT, time(at))
                .where(TOKEN.TENANT.eq(tenant).and(TOKEN.TOKEN_ID.in(tokenIds)).and(TOKEN.REVOKED_AT.isNull()))
                .returningResult(TOKEN.TOKEN_ID, TOKEN.CLIENT_ID, TOKEN.ISSUED_AT)
                .fetch(record -> new TokenRevoked(record.value1(), tenant, record.value2(), record.value3().toInstant(), at));
    }

    /** Marks every live (unrevoked, unexpired) token of a client revoked; answers how many. */
    int revokeAllOf(String clientId, Instant at) {
        return db.update(TOKEN)
                .set(TOKEN.REVOKED_AT, time(at))
                .where(TOKEN.CLIENT_ID.eq(clientId).and(TOKEN.REVOKED_AT.isNull()).and(TOKEN.EXPIRES_AT.gt(time(at))))
                .execute();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
