package dev.registrar.client;

import dev.registrar.errors.ClientGone;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);
    static final ClientMetadata MCP_CLIENT = new ClientMetadata(List.of("http://127.0.0.1/callback"), "none",
            List.of("authorization_code"), List.of("code"), "native", "Claude", null, null, null, null, List.of(),
            List.of("mcp:tools"), null, null, "claude-desktop", "1.4.0");
    private static final ClientMetadata RENAMED = new ClientMetadata(List.of("http://127.0.0.1/callback"), "none",
            List.of("authorization_code"), List.of("code"), "native", "Claude (renamed)", null, null, null, null, List.of(),
            List.of("mcp:tools"), null, null, "claude-desktop", "1.5.0");
    private static final ClientRegistered REGISTERED = new ClientRegistered("c-1", "dev", MCP_CLIENT, RegistrationMethod.DCR,
            3, null, null, NOW, null, null);

    private FixtureConfiguration<Client> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Client.class);
    }

    @Test
    void registerClientRecordsClientRegisteredWithThePolicyVersionThatDecidedIt() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClient("c-1", "dev", MCP_CLIENT, RegistrationMethod.DCR, 3, null, null, NOW, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
    }

    @Test
    void updateClientMetadataReplacesTheMetadataAndRotatesTheRegistrationAccessToken() {
        fixture.given(REGISTERED)
                .when(new UpdateClientMetadata("c-1", RENAMED, 3, null, LATER))
                .expectEvents(new ClientMetadataUpdated("c-1", "dev", RENAMED, 3, null, LATER),
                        new RegistrationAccessTokenRotated("c-1", "dev", LATER));
    }

    @Test
    void deleteClientRecordsClientDeleted() {
        fixture.given(REGISTERED)
                .when(new DeleteClient("c-1", LATER))
                .expectEvents(new ClientDeleted("c-1", "dev", LATER));
    }

    @Test
    void updateOfADeletedClientIsRefusedAsGone() {
        fixture.given(REGISTERED, new ClientDeleted("c-1", "dev", LATER))
                .when(new UpdateClientMetadata("c-1", RENAMED, 3, null, LATER.plusSeconds(1)))
                .expectException(ClientGone.class)
                .expectNoEvents();
    }

    @Test
    void revokeClientRecordsClientRevokedAndAnswersThatItWasActive() {
        fixture.given(REGISTERED)
                .when(new RevokeClient("c-1", "compromised release", LATER))
                .expectEvents(new ClientRevoked("c-1", "dev", "compromised release", LATER))
                .expectResultMessagePayload(true);
    }

    @Test
    void revokingARevokedClientChangesNothing() {
        fixture.given(REGISTERED, new ClientRevoked("c-1", "dev", "first", LATER))
                .when(new RevokeClient("c-1", "again", LATER))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void updateOfARevokedClientIsRefusedAsNotActive() {
        fixture.given(REGISTERED, new ClientRevoked("c-1", "dev", "compromised", LATER))
                .when(new UpdateClientMetadata("c-1", RENAMED, 3, null, LATER))
                .expectException(dev.registrar.errors.ClientNotActive.class);
    }

    @Test
    void expireClientRecordsWhyOnlyForAnActiveClient() {
        fixture.given(REGISTERED)
                .when(new ExpireClient("c-1", "stale", LATER))
                .expectEvents(new ClientExpired("c-1", "dev", "stale", LATER));
        fixture.given(REGISTERED, new ClientRevoked("c-1", "dev", "x", LATER))
                .when(new ExpireClient("c-1", "stale", LATER))
                .expectNoEvents();
    }

    @Test
    void rotateSecretOfAConfidentialClientRecordsTheGracePeriod() {
        ClientMetadata confidential = new ClientMetadata(List.of("https://app.example.com/cb"), "client_secret_basic",
                List.of("authorization_code"), List.of("code"), "web", "Agent", null, null, null, null, List.of(), List.of(),
                null, null, "agent", "2.0.0");
        fixture.given(new ClientRegistered("c-2", "dev", confidential, RegistrationMethod.DCR, 1, null, null, NOW, null, null))
                .when(new RotateClientSecret("c-2", "on-demand", LATER.plusSeconds(3600), LATER.plusSeconds(60), LATER))
                .expectEvents(new ClientSecretRotated("c-2", "dev", "on-demand", LATER.plusSeconds(3600), LATER.plusSeconds(60), LATER));
    }

    @Test
    void rotateSecretOfAPublicClientIsRefused() {
        fixture.given(REGISTERED)
                .when(new RotateClientSecret("c-1", "on-demand", null, LATER, LATER))
                .expectException(dev.registrar.errors.InvalidRequest.class);
    }

    @Test
    void deleteOfADeletedClientIsRefusedAsGone() {
        fixture.given(REGISTERED, new ClientDeleted("c-1", "dev", LATER))
                .when(new DeleteClient("c-1", LATER.plusSeconds(1)))
                .expectException(ClientGone.class);
    }
}
