package dev.registrar.credentials;

import static dev.registrar.readmodel.jooq.Tables.CREDENTIAL;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import dev.registrar.system.RenderedQuery;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Issues, verifies and forgets secrets. A secret is 256 bits from a CSPRNG; only its keyed hash
 * is stored, in the caller's transaction, so it is written together with the event that issues it.
 * Verification compares hashes in constant time.
 */
@Component
public class Credentials {

    private static final int SECRET_BYTES = 32;

    private final DSLContext db;
    private final KeyedHash hash;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final RenderedQuery insert;
    private final RenderedQuery stored;
    private final RenderedQuery owner;

    Credentials(DSLContext db, CredentialsProperties properties, Clock clock) {
        this.db = db;
        this.hash = new KeyedHash(Base64.getDecoder().decode(properties.hashKey()));
        this.clock = clock;
        this.insert = new RenderedQuery(db, db.insertInto(CREDENTIAL)
                .set(CREDENTIAL.OWNER_ID, DSL.param("ownerId", String.class))
                .set(CREDENTIAL.KIND, DSL.param("kind", String.class))
                .set(CREDENTIAL.HASH, DSL.param("hash", byte[].class))
                .set(CREDENTIAL.ISSUED_AT, DSL.param("issuedAt", OffsetDateTime.class))
                .set(CREDENTIAL.EXPIRES_AT, DSL.param("expiresAt", OffsetDateTime.class))
                .onConflict(CREDENTIAL.OWNER_ID, CREDENTIAL.KIND)
                .doUpdate()
                .set(CREDENTIAL.HASH, DSL.excluded(CREDENTIAL.HASH))
                .set(CREDENTIAL.ISSUED_AT, DSL.excluded(CREDENTIAL.ISSUED_AT))
                .set(CREDENTIAL.EXPIRES_AT, DSL.excluded(CREDENTIAL.EXPIRES_AT))
                .set(CREDENTIAL.PREVIOUS_HASH, DSL.inline(null, CREDENTIAL.PREVIOUS_HASH))
                .set(CREDENTIAL.PREVIOUS_EXPIRES_AT, DSL.inline(null, CREDENTIAL.PREVIOUS_EXPIRES_AT)));
        // By owner alone, the kind checked here: with the kind in the condition, the plan PostgreSQL
        // makes for this statement while the table is empty walks the (kind, hash) index — through
        // every credential of the kind — and keeps doing so until the table is analyzed.
        this.stored = new RenderedQuery(db, db.select(CREDENTIAL.KIND, CREDENTIAL.HASH, CREDENTIAL.EXPIRES_AT, CREDENTIAL.PREVIOUS_HASH,
                        CREDENTIAL.PREVIOUS_EXPIRES_AT)
                .from(CREDENTIAL)
                .where(CREDENTIAL.OWNER_ID.eq(DSL.param("ownerId", String.class))));
        this.owner = new RenderedQuery(db, db.select(CREDENTIAL.OWNER_ID)
                .from(CREDENTIAL)
                .where(CREDENTIAL.KIND.eq(DSL.param("kind", String.class)).and(
                        CREDENTIAL.HASH.eq(DSL.param("hash", byte[].class))
                                .or(CREDENTIAL.PREVIOUS_HASH.eq(DSL.param("previousHash", byte[].class))
                                        .and(CREDENTIAL.PREVIOUS_EXPIRES_AT.gt(DSL.param("now", OffsetDateTime.class)))))));
    }

    /** Issues a new secret of this kind for the owner, replacing the one it had. */
    public IssuedSecret issue(String ownerId, CredentialKind kind, Instant expiresAt) {
        String value = newSecret();
        insert.execute(ownerId, kind.name(), hash.of(value), clock.instant().atOffset(ZoneOffset.UTC),
                expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC));
        return new IssuedSecret(value, expiresAt);
    }

    /**
     * Replaces the owner's secret of this kind with a new one; the one it had keeps working until
     * {@code previousValidUntil} (or its own expiry, if sooner).
     */
    public IssuedSecret rotate(String ownerId, CredentialKind kind, Instant expiresAt, Instant previousValidUntil) {
        String value = newSecret();
        OffsetDateTime graceEnd = previousValidUntil.atOffset(ZoneOffset.UTC);
        int rotated = db.update(CREDENTIAL)
                .set(CREDENTIAL.PREVIOUS_HASH, CREDENTIAL.HASH)
                .set(CREDENTIAL.PREVIOUS_EXPIRES_AT, DSL.least(DSL.coalesce(CREDENTIAL.EXPIRES_AT, graceEnd), DSL.val(graceEnd)))
                .set(CREDENTIAL.HASH, hash.of(value))
                .set(CREDENTIAL.ISSUED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(CREDENTIAL.EXPIRES_AT, expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC))
                .where(CREDENTIAL.OWNER_ID.eq(ownerId).and(CREDENTIAL.KIND.eq(kind.name())))
                .execute();
        if (rotated == 0) {
            throw new IllegalStateException("no " + kind + " to rotate for " + ownerId);
        }
        return new IssuedSecret(value, expiresAt);
    }

    /**
     * Whether the presented value is the owner's current secret of this kind, or the previous one
     * within its grace period, and not expired. Both are compared, always, in constant time.
     */
    public boolean verify(String ownerId, CredentialKind kind, String presented) {
        return secretOfKind(stored.fetch(ownerId), kind).map(secret -> matches(secret, presented)).orElse(false);
    }

    /**
     * The stored secret of this kind among rows that carry an owner's credential columns, one row
     * per kind; for a statement that reads them by owner alone, the kind checked here.
     */
    public static Optional<StoredSecret> secretOfKind(Collection<? extends Record> rows, CredentialKind kind) {
        return rows.stream()
                .filter(row -> kind.name().equals(row.get(CREDENTIAL.KIND)))
                .findFirst()
                .map(row -> new StoredSecret(row.get(CREDENTIAL.HASH), row.get(CREDENTIAL.EXPIRES_AT), row.get(CREDENTIAL.PREVIOUS_HASH),
                        row.get(CREDENTIAL.PREVIOUS_EXPIRES_AT)));
    }

    /**
     * Whether the presented value is the stored secret, or the previous one within its grace
     * period, and not expired; for a caller that read the stored secret itself, with other columns
     * in the same statement. Both are compared, always, in constant time.
     */
    public boolean matches(StoredSecret secret, String presented) {
        byte[] presentedHash = hash.of(presented);
        Instant now = clock.instant();
        return matches(secret.hash(), secret.expiresAt(), presentedHash, now)
                | matches(secret.previousHash(), secret.previousExpiresAt(), presentedHash, now);
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean matches(byte[] storedHash, OffsetDateTime expiresAt, byte[] presentedHash, Instant now) {
        boolean live = storedHash != null && (expiresAt == null || expiresAt.toInstant().isAfter(now));
        return live & KeyedHash.same(storedHash == null ? new byte[0] : storedHash, presentedHash);
    }

    /**
     * The owner of a presented bearer secret (an initial access token names no owner when
     * presented): its current secret, or its previous one within the grace period. Whether a
     * current one has expired is its owner's to say (an expired initial access token is refused as such).
     */
    public Optional<String> ownerOf(CredentialKind kind, String presented) {
        byte[] presentedHash = hash.of(presented);
        return owner.fetchOptional(kind.name(), presentedHash, presentedHash, clock.instant().atOffset(ZoneOffset.UTC))
                .map(row -> row.get(CREDENTIAL.OWNER_ID));
    }

    public boolean hasAny(String ownerId, CredentialKind kind) {
        return db.fetchExists(CREDENTIAL, CREDENTIAL.OWNER_ID.eq(ownerId).and(CREDENTIAL.KIND.eq(kind.name())));
    }

    public void forget(String ownerId, CredentialKind kind) {
        db.deleteFrom(CREDENTIAL).where(CREDENTIAL.OWNER_ID.eq(ownerId).and(CREDENTIAL.KIND.eq(kind.name()))).execute();
    }

    public void forget(String ownerId) {
        db.deleteFrom(CREDENTIAL).where(CREDENTIAL.OWNER_ID.eq(ownerId)).execute();
    }
}
