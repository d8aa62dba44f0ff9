package dev.registrar.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The payloads the topic carries. Each names its stable wire type with {@link JsonTypeName}; its
 * schema version is 1 until its shape changes, when the payload overrides {@link #schemaVersion()}.
 */
public sealed interface EventPayload permits ClientRegisteredPayload, ClientMetadataUpdatedPayload,
        RegistrationAccessTokenRotatedPayload, ClientDeletedPayload, PolicySetPayload, InitialAccessTokenIssuedPayload,
        InitialAccessTokenUsedPayload, InitialAccessTokenRevokedPayload, RegistrationRejectedPayload, TenantConfiguredPayload, TenantApiKeyRotatedPayload,
        TenantApiKeyRevokedPayload, ClientSecretRotatedPayload, ClientRevokedPayload,
        ClientExpiredPayload, ClientAuthenticationFailedPayload, TokenIssuedPayload, TokenRevokedPayload, TokensRevokedForClientPayload,
        AccessKeyIssuedPayload, AccessKeyRotatedPayload, AccessKeyRevokedPayload, AccessKeyUsedPayload {

    /** The wire type of every payload of this class, as {@link #wireType()} gives it for one. */
    static String wireTypeOf(Class<? extends EventPayload> payload) {
        return payload.getAnnotation(JsonTypeName.class).value();
    }

    @JsonIgnore
    default String wireType() {
        return wireTypeOf(getClass());
    }

    @JsonIgnore
    default int schemaVersion() {
        return 1;
    }
}
