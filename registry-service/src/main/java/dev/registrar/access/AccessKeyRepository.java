package dev.registrar.access;

import static dev.registrar.readmodel.jooq.Tables.ACCESS_KEY;

import dev.registrar.readmodel.jooq.tables.records.AccessKeyRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class AccessKeyRepository {

    private final DSLContext db;

    AccessKeyRepository(DSLContext db) {
        this.db = db;
    }

    void issued(AccessKeyIssued event) {
        db.insertInto(ACCESS_KEY)
                .set(ACCESS_KEY.KEY_ID, event.keyId())
                .set(ACCESS_KEY.ROLE, event.role().wireName())
                .set(ACCESS_KEY.TENANT, event.tenant())
                .set(ACCESS_KEY.LABEL, event.label())
                .set(ACCESS_KEY.ISSUED_AT, at(event.issuedAt()))
                .onConflict(ACCESS_KEY.KEY_ID).doNothing()
                .execute();
    }

    void rotated(AccessKeyRotated event) {
        db.update(ACCESS_KEY).set(ACCESS_KEY.ROTATED_AT, at(event.rotatedAt())).where(ACCESS_KEY.KEY_ID.eq(event.keyId())).execute();
    }

    void revoked(AccessKeyRevoked event) {
        db.update(ACCESS_KEY)
                .set(ACCESS_KEY.REVOKED_AT, at(event.revokedAt()))
                .set(ACCESS_KEY.REVOKED_REASON, event.reason())
                .where(ACCESS_KEY.KEY_ID.eq(event.keyId()))
                .execute();
    }

    /** Only ever moves forward: usage intervals of several instances may arrive in any order. */
    void used(String keyId, Instant lastUsedAt) {
        db.update(ACCESS_KEY)
                .set(ACCESS_KEY.LAST_USED_AT, at(lastUsedAt))
                .where(ACCESS_KEY.KEY_ID.eq(keyId).and(ACCESS_KEY.LAST_USED_AT.isNull().or(ACCESS_KEY.LAST_USED_AT.lt(at(lastUsedAt)))))
                .execute();
    }

    Optional<AccessKeyView> find(String keyId) {
        return db.selectFrom(ACCESS_KEY).where(ACCESS_KEY.KEY_ID.eq(keyId)).fetchOptional(AccessKeyRepository::view);
    }

    List<AccessKeyView> all() {
        return db.selectFrom(ACCESS_KEY).orderBy(ACCESS_KEY.ISSUED_AT, ACCESS_KEY.KEY_ID).fetch(AccessKeyRepository::view);
    }

    private static AccessKeyView view(AccessKeyRecord row) {
        return new AccessKeyView(row.getKeyId(), row.getRole(), row.getTenant(), row.getLabel(),
                row.getRevokedAt() == null ? "active" : "revoked", instant(row.getIssuedAt()), instant(row.getRotatedAt()),
                instant(row.getRevokedAt()), row.getRevokedReason(), instant(row.getLastUsedAt()));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
