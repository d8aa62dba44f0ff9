package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One fact on the event topic. The Kafka record key is the client id where the fact concerns a
 * client (token facts and failed authentications too), else the aggregate id (for a refused
 * registration, which has no client, the tenant), so one client's events stay in order on one partition.
 *
 * @param eventId           unique per event; consumers use it to make redelivery harmless
 * @param type              the stable wire name of the payload, e.g. {@code client.registered}
 * @param schemaVersion     the payload's shape version; a consumer refuses versions it does not know
 * @param tenant            the authorization server (tenant) the event belongs to
 * @param aggregateType     the kind of aggregate the event belongs to: {@code client}, {@code policy},
 *                          {@code initial-access-token}, {@code tenant}, {@code token}, or {@code registration-rejection}
 *                          and {@code authentication-failure} for the security events
 * @param aggregateId       the aggregate's id: the client_id, {@code tenant:<id>}, {@code policy:<tenant>}, the
 *                          initial access token's id; for token facts the token id (or the client id); for the security
 *                          events the event id
 * @param aggregateSequence the event's position in its aggregate's stream, from 0
 * @param occurredAt        when the event was recorded
 * @param actor             who caused it
 * @param payload           the event itself; its wire name is {@code type}
 */
public record EventEnvelope(
        String eventId,
        String type,
        int schemaVersion,
        String tenant,
        String aggregateType,
        String aggregateId,
        long aggregateSequence,
        Instant occurredAt,
        Actor actor,
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type", visible = true)
        @JsonSubTypes({
                @JsonSubTypes.Type(ClientRegisteredPayload.class),
                @JsonSubTypes.Type(ClientMetadataUpdatedPayload.class),
                @JsonSubTypes.Type(RegistrationAccessTokenRotatedPayload.class),
                @JsonSubTypes.Type(ClientDeletedPayload.class),
                @JsonSubTypes.Type(PolicySetPayload.class),
                @JsonSubTypes.Type(InitialAccessTokenIssuedPayload.class),
                @JsonSubTypes.Type(InitialAccessTokenUsedPayload.class),
                @JsonSubTypes.Type(InitialAccessTokenRevokedPayload.class),
                @JsonSubTypes.Type(RegistrationRejectedPayload.class),
                @JsonSubTypes.Type(TenantConfiguredPayload.class),
                @JsonSubTypes.Type(TenantApiKeyRotatedPayload.class),
                @JsonSubTypes.Type(TenantApiKeyRevokedPayload.class),
                @JsonSubTypes.Type(ClientSecretRotatedPayload.class),
                @JsonSubTypes.Type(ClientRevokedPayload.class),
                @JsonSubTypes.Type(ClientExpiredPayload.class),
                @JsonSubTypes.Type(ClientAuthenticationFailedPayload.class),
                @JsonSubTypes.Type(TokenIssuedPayload.class),
                @JsonSubTypes.Type(TokenRevokedPayload.class),
                @JsonSubTypes.Type(TokensRevokedForClientPayload.class),
                @JsonSubTypes.Type(AccessKeyIssuedPayload.class),
                @JsonSubTypes.Type(AccessKeyRotatedPayload.class),
                @JsonSubTypes.Type(AccessKeyRevokedPayload.class),
                @JsonSubTypes.Type(AccessKeyUsedPayload.class)
        })
        EventPayload payload) {

    /**
     * The Kafka record header that repeats {@code type}, so a consumer that follows only some
     * kinds of event can pass over the rest without reading their JSON.
     */
    public static final String TYPE_HEADER = "registrar.event-type";
}
