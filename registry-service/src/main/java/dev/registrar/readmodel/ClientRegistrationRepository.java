package dev.registrar.readmodel;

import static dev.registrar.readmodel.jooq.Tables.CLIENT_REGISTRATION;
import static dev.registrar.readmodel.jooq.Tables.TOKEN;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.client.ClientMetadata;
import dev.registrar.client.ClientMetadataUpdated;
import dev.registrar.client.ClientRegistered;
import dev.registrar.client.ClientSecretRotated;
import dev.registrar.client.ClientStatus;
import dev.registrar.system.RenderedQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Record6;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * One row per client, keyed by client id; every write is guarded by the event's sequence, so a replay changes nothing.
 *
 * <p>Reads of given clients select by client id alone and check the tenant here. With the tenant in
 * the condition, a plan PostgreSQL made while the table was nearly empty may walk the
 * (tenant, software, status) index instead of the primary key — through every client of the tenant,
 * per look-up — and a server-prepared statement keeps that plan until the table is analyzed again.
 * On a server with autovacuum off that never happens: 460 look-ups/s instead of 13,500 here.
 */
@Repository
class ClientRegistrationRepository {

    /** The columns that mirror the registered metadata, the same for a registration and an update. */
    private static final List<Field<?>> METADATA_COLUMNS = List.of(CLIENT_REGISTRATION.CLIENT_NAME, CLIENT_REGISTRATION.REDIRECT_URIS,
            CLIENT_REGISTRATION.GRANT_TYPES, CLIENT_REGISTRATION.RESPONSE_TYPES, CLIENT_REGISTRATION.TOKEN_ENDPOINT_AUTH_METHOD,
            CLIENT_REGISTRATION.SCOPES, CLIENT_REGISTRATION.SOFTWARE_ID, CLIENT_REGISTRATION.SOFTWARE_VERSION, CLIENT_REGISTRATION.METADATA);

    private final DSLContext db;
    private final ObjectMapper json;
    private final RenderedQuery insert;
    private final RenderedQuery find;
    private final RenderedQuery registration;

    ClientRegistrationRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.insert = new RenderedQuery(db, db.insertInto(CLIENT_REGISTRATION)
                .set(CLIENT_REGISTRATION.CLIENT_ID, DSL.param("clientId", String.class))
                .set(CLIENT_REGISTRATION.TENANT, DSL.param("tenant", String.class))
                .set(metadataParams())
                .set(CLIENT_REGISTRATION.REGISTRATION_METHOD, DSL.param("registrationMethod", String.class))
                .set(CLIENT_REGISTRATION.STATUS, DSL.param("status", String.class))
                .set(CLIENT_REGISTRATION.POLICY_VERSION, DSL.param("policyVersion", Long.class))
                .set(CLIENT_REGISTRATION.INITIAL_ACCESS_TOKEN_ID, DSL.param("initialAccessTokenId", String.class))
                .set(CLIENT_REGISTRATION.REGISTERED_AT, DSL.param("registeredAt", OffsetDateTime.class))
                .set(CLIENT_REGISTRATION.CLIENT_SECRET_EXPIRES_AT, DSL.param("clientSecretExpiresAt", OffsetDateTime.class))
                .set(CLIENT_REGISTRATION.EXPIRES_AT, DSL.param("expiresAt", OffsetDateTime.class))
                .set(CLIENT_REGISTRATION.LAST_SEQUENCE, DSL.param("lastSequence", Long.class))
                .onConflict(CLIENT_REGISTRATION.CLIENT_ID)
                .doNothing());
        this.find = new RenderedQuery(db, db.select(CLIENT_REGISTRATION.CLIENT_ID, CLIENT_REGISTRATION.TENANT,
                        CLIENT_REGISTRATION.STATUS, CLIENT_REGISTRATION.CLIENT_NAME, CLIENT_REGISTRATION.REDIRECT_URIS,
                        CLIENT_REGISTRATION.GRANT_TYPES, CLIENT_REGISTRATION.RESPONSE_TYPES, CLIENT_REGISTRATION.TOKEN_ENDPOINT_AUTH_METHOD,
                        CLIENT_REGISTRATION.SCOPES, CLIENT_REGISTRATION.SOFTWARE_ID, CLIENT_REGISTRATION.SOFTWARE_VERSION,
                        CLIENT_REGISTRATION.REGISTRATION_METHOD, CLIENT_REGISTRATION.REGISTERED_AT, CLIENT_REGISTRATION.STATUS_REASON,
                        CLIENT_REGISTRATION.CLIENT_SECRET_EXPIRES_AT, CLIENT_REGISTRATION.EXPIRES_AT)
                .from(CLIENT_REGISTRATION)
                .where(CLIENT_REGISTRATION.CLIENT_ID.eq(DSL.param("clientId", String.class))));
        this.registration = new RenderedQuery(db, db.select(CLIENT_REGISTRATION.CLIENT_ID, CLIENT_REGISTRATION.TENANT,
                        CLIENT_REGISTRATION.STATUS, CLIENT_REGISTRATION.METADATA, CLIENT_REGISTRATION.REGISTERED_AT,
                        CLIENT_REGISTRATION.CLIENT_SECRET_EXPIRES_AT)
                .from(CLIENT_REGISTRATION)
                .where(CLIENT_REGISTRATION.CLIENT_ID.eq(DSL.param("clientId", String.class))));
    }

    void insert(ClientRegistered event, long sequence) {
        List<Object> values = new ArrayList<>(List.of(event.clientId(), event.tenant()));
        values.addAll(metadataValues(event.metadata()));
        values.addAll(Arrays.asList(event.registrationMethod().wireName(), ClientStatus.ACTIVE.wireName(), event.policyVersion(),
                event.initialAccessTokenId(), time(event.registeredAt()), time(event.clientSecretExpiresAt()), time(event.expiresAt()),
                sequence));
        insert.execute(values.toArray());
    }

    void update(ClientMetadataUpdated event, long sequence) {
        db.update(CLIENT_REGISTRATION)
                .set(metadataColumns(event.metadata()))
                .set(CLIENT_REGISTRATION.POLICY_VERSION, event.policyVersion())
                .set(CLIENT_REGISTRATION.UPDATED_AT, time(event.updatedAt()))
                .set(CLIENT_REGISTRATION.LAST_SEQUENCE, sequence)
                .where(CLIENT_REGISTRATION.CLIENT_ID.eq(event.clientId()).and(CLIENT_REGISTRATION.LAST_SEQUENCE.lt(sequence)))
                .execute();
    }

    void markStatus(String clientId, ClientStatus status, String reason, Instant at, long sequence) {
        db.update(CLIENT_REGISTRATION)
                .set(CLIENT_REGISTRATION.STATUS, status.wireName())
                .set(CLIENT_REGISTRATION.STATUS_REASON, reason)
                .set(CLIENT_REGISTRATION.UPDATED_AT, time(at))
                .set(CLIENT_REGISTRATION.LAST_SEQUENCE, sequence)
                .where(CLIENT_REGISTRATION.CLIENT_ID.eq(clientId).and(CLIENT_REGISTRATION.LAST_SEQUENCE.lt(sequence)))
                .execute();
    }

    void secretRotated(ClientSecretRotated event, long sequence) {
        db.update(CLIENT_REGISTRATION)
                .set(CLIENT_REGISTRATION.CLIENT_SECRET_EXPIRES_AT, time(event.secretExpiresAt()))
                .set(CLIENT_REGISTRATION.LAST_SEQUENCE, sequence)
                .where(CLIENT_REGISTRATION.CLIENT_ID.eq(event.clientId()).and(CLIENT_REGISTRATION.LAST_SEQUENCE.lt(sequence)))
                .execute();
    }

    void advance(String clientId, long sequence) {
        db.update(CLIENT_REGISTRATION)
                .set(CLIENT_REGISTRATION.LAST_SEQUENCE, sequence)
                .where(CLIENT_REGISTRATION.CLIENT_ID.eq(clientId).and(CLIENT_REGISTRATION.LAST_SEQUENCE.lt(sequence)))
                .execute();
    }

    Optional<ClientView> find(String tenant, String clientId) {
        return ofTenant(find, tenant, clientId)
                .map(row -> new ClientView(row.get(CLIENT_REGISTRATION.CLIENT_ID),
                        row.get(CLIENT_REGISTRATION.TENANT), row.get(CLIENT_REGISTRATION.STATUS), row.get(CLIENT_REGISTRATION.CLIENT_NAME),
                        List.of(row.get(CLIENT_REGISTRATION.REDIRECT_URIS)), List.of(row.get(CLIENT_REGISTRATION.GRANT_TYPES)),
                        List.of(row.get(CLIENT_REGISTRATION.RESPONSE_TYPES)), row.get(CLIENT_REGISTRATION.TOKEN_ENDPOINT_AUTH_METHOD),
                        List.of(row.get(CLIENT_REGISTRATION.SCOPES)), row.get(CLIENT_REGISTRATION.SOFTWARE_ID),
                        row.get(CLIENT_REGISTRATION.SOFTWARE_VERSION), row.get(CLIENT_REGISTRATION.REGISTRATION_METHOD),
                        row.get(CLIENT_REGISTRATION.REGISTERED_AT).toInstant(), row.get(CLIENT_REGISTRATION.STATUS_REASON),
                        instant(row.get(CLIENT_REGISTRATION.CLIENT_SECRET_EXPIRES_AT)), instant(row.get(CLIENT_REGISTRATION.EXPIRES_AT))));
    }

    Optional<RegisteredClient> registration(String tenant, String clientId) {
        return ofTenant(registration, tenant, clientId)
                .map(row -> new RegisteredClient(row.get(CLIENT_REGISTRATION.CLIENT_ID),
                        row.get(CLIENT_REGISTRATION.TENANT), row.get(CLIENT_REGISTRATION.STATUS),
                        metadata(row.get(CLIENT_REGISTRATION.METADATA)), row.get(CLIENT_REGISTRATION.REGISTERED_AT).toInstant(),
                        instant(row.get(CLIENT_REGISTRATION.CLIENT_SECRET_EXPIRES_AT))));
    }

    /** The row {@code query} reads for the client, if the client is the tenant's. */
    private static Optional<Record> ofTenant(RenderedQuery query, String tenant, String clientId) {
        return query.fetchOptional(clientId).filter(row -> tenant.equals(row.get(CLIENT_REGISTRATION.TENANT)));
    }

    /** The clients a batch of tokens names, with what recording a token for them needs. */
    Map<String, TokenSubject> tokenSubjects(String tenant, Collection<String> clientIds) {
        return db.select(CLIENT_REGISTRATION.CLIENT_ID, CLIENT_REGISTRATION.STATUS, CLIENT_REGISTRATION.SCOPES,
                        CLIENT_REGISTRATION.SOFTWARE_ID, CLIENT_REGISTRATION.SOFTWARE_VERSION, CLIENT_REGISTRATION.TENANT)
                .from(CLIENT_REGISTRATION)
                .where(CLIENT_REGISTRATION.CLIENT_ID.in(clientIds))
                .fetch()
                .stream()
                .filter(record -> tenant.equals(record.value6()))
                .collect(Collectors.toMap(Record6::value1, record -> new TokenSubject(record.value1(), record.value2(),
                        List.of(record.value3()), record.value4(), record.value5())));
    }

    /** Active clients of one software, with their versions, for revoking a compromised release. */
    List<SoftwareClient> activeClientsOf(String tenant, String softwareId) {
        return db.select(CLIENT_REGISTRATION.CLIENT_ID, CLIENT_REGISTRATION.SOFTWARE_VERSION)
                .from(CLIENT_REGISTRATION)
                .where(CLIENT_REGISTRATION.TENANT.eq(tenant)
                        .and(CLIENT_REGISTRATION.SOFTWARE_ID.eq(softwareId))
                        .and(CLIENT_REGISTRATION.STATUS.eq(ClientStatus.ACTIVE.wireName())))
                .fetch(record -> new SoftwareClient(record.value1(), record.value2()));
    }

    /**
     * Active clients past their lifetime, or stale: no token issued since {@code staleBefore} (nor
     * registered since) and none still live.
     */
    List<ExpiryCandidate> expiryCandidates(Instant now, Instant staleBefore) {
        var pastLifetime = CLIENT_REGISTRATION.EXPIRES_AT.le(time(now));
        var recentOrLiveToken = DSL.exists(DSL.selectOne().from(TOKEN).where(TOKEN.CLIENT_ID.eq(CLIENT_REGISTRATION.CLIENT_ID)
                .and(TOKEN.ISSUED_AT.ge(time(staleBefore)).or(TOKEN.REVOKED_AT.isNull().and(TOKEN.EXPIRES_AT.gt(time(now)))))));
        var stale = CLIENT_REGISTRATION.REGISTERED_AT.lt(time(staleBefore)).andNot(recentOrLiveToken);
        return db.select(CLIENT_REGISTRATION.CLIENT_ID, CLIENT_REGISTRATION.TENANT, pastLifetime)
                .from(CLIENT_REGISTRATION)
                .where(CLIENT_REGISTRATION.STATUS.eq(ClientStatus.ACTIVE.wireName()).and(pastLifetime.or(stale)))
                .orderBy(CLIENT_REGISTRATION.CLIENT_ID)
                .fetch(record -> new ExpiryCandidate(record.value1(), record.value2(),
                        Boolean.TRUE.equals(record.value3()) ? "lifetime" : "stale"));
    }

    int countActive(String tenant, String softwareId) {
        return db.fetchCount(CLIENT_REGISTRATION, CLIENT_REGISTRATION.TENANT.eq(tenant)
                .and(CLIENT_REGISTRATION.SOFTWARE_ID.eq(softwareId))
                .and(CLIENT_REGISTRATION.STATUS.eq(ClientStatus.ACTIVE.wireName())));
    }

    /** The values of {@link #METADATA_COLUMNS}, in their order. */
    private List<Object> metadataValues(ClientMetadata metadata) {
        return Arrays.asList(metadata.clientName(), array(metadata.redirectUris()), array(metadata.grantTypes()),
                array(metadata.responseTypes()), metadata.tokenEndpointAuthMethod(), array(metadata.scopes()), metadata.softwareId(),
                metadata.softwareVersion(), document(metadata));
    }

    private Map<Field<?>, Object> metadataColumns(ClientMetadata metadata) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        List<Object> values = metadataValues(metadata);
        for (int i = 0; i < METADATA_COLUMNS.size(); i++) {
            columns.put(METADATA_COLUMNS.get(i), values.get(i));
        }
        return columns;
    }

    /** A bind parameter for each of {@link #METADATA_COLUMNS}, for the registration's statement rendered once. */
    private static Map<Field<?>, Field<?>> metadataParams() {
        Map<Field<?>, Field<?>> params = new LinkedHashMap<>();
        METADATA_COLUMNS.forEach(column -> params.put(column, DSL.param(column.getName(), column.getDataType())));
        return params;
    }

    private JSONB document(ClientMetadata metadata) {
        try {
            return JSONB.valueOf(json.writeValueAsString(metadata));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("client metadata could not be written as JSON", e);
        }
    }

    private ClientMetadata metadata(JSONB stored) {
        try {
            return json.readValue(stored.data(), ClientMetadata.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored client metadata is unreadable", e);
        }
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
