package dev.registrar.tokens;

import static dev.registrar.readmodel.jooq.Tables.TOKEN;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep12;
import org.springframework.stereotype.Repository;

@Repository
class TokenRepository {

    private final DSLContext db;

    TokenRepository(DSLContext db) {
        this.db = db;
    }

    /** Inserts the tokens in one statement; answers the ids that were new (a retried id is skipped). */
    Set<String> insertNew(String tenant, List<TokenIssued> tokens) {
        InsertValuesStep12<?, String, String, String, String, String, String[], String[], String, String, OffsetDateTime,
                OffsetDateTime, OffsetDateTime> insert = db.insertInto(TOKEN, TOKEN.TOKEN_ID, TOKEN.TENANT, TOKEN.CLIENT_ID,
                TOKEN.SOFTWARE_ID, TOKEN.SOFTWARE_VERSION, TOKEN.SCOPES, TOKEN.AUDIENCE, TOKEN.GRANT_TYPE, TOKEN.SUBJECT,
                TOKEN.ISSUED_AT, TOKEN.EXPIRES_AT, TOKEN.REVOKED_AT);
        for (TokenIssued token : tokens) {
            insert = insert.values(token.tokenId(), tenant, token.clientId(), token.softwareId(), token.softwareVersion(),
                    token.scopes().toArray(String[]::new), token.audience().toArray(String[]::new), token.grantType(),
                    token.subject(), time(token.issuedAt()), time(token.expiresAt()), null);
        }
        return Set.copyOf(insert.onConflictDoNothing().returningResult(TOKEN.TOKEN_ID).fetch(TOKEN.TOKEN_ID));
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
