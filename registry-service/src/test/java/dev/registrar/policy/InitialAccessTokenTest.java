package dev.registrar.policy;

import dev.registrar.errors.InvalidClientMetadata;
import dev.registrar.errors.InvalidToken;
import dev.registrar.errors.NotFound;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InitialAccessTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant EXPIRY = NOW.plusSeconds(3600);
    private static final InitialAccessTokenIssued ISSUED = new InitialAccessTokenIssued("iat-1", "dev", EXPIRY, 2,
            List.of("claude-*"), List.of("mcp:tools"), NOW);

    private FixtureConfiguration<InitialAccessToken> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InitialAccessToken.class);
    }

    @Test
    void issueInitialAccessTokenRecordsItsConstraints() {
        fixture.givenNoPriorActivity()
                .when(new IssueInitialAccessToken("iat-1", "dev", EXPIRY, 2, List.of("claude-*"), List.of("mcp:tools"), NOW))
                .expectEvents(ISSUED);
    }

    @Test
    void useWithinItsConstraintsCountsTheUseAndAnswersTheAllowedScopes() {
        fixture.given(ISSUED)
                .when(new UseInitialAccessToken("iat-1", "dev", "c-1", "claude-desktop", NOW.plusSeconds(1)))
                .expectEvents(new InitialAccessTokenUsed("iat-1", "dev", "c-1", 1, NOW.plusSeconds(1)))
                .expectResultMessagePayload(List.of("mcp:tools"));
    }

    @Test
    void useBeyondMaxUsesIsRefusedAsInvalidToken() {
        fixture.given(ISSUED, new InitialAccessTokenUsed("iat-1", "dev", "c-1", 1, NOW), new InitialAccessTokenUsed("iat-1", "dev", "c-2", 2, NOW))
                .when(new UseInitialAccessToken("iat-1", "dev", "c-3", "claude-desktop", NOW.plusSeconds(1)))
                .expectException(InvalidToken.class)
                .expectNoEvents();
    }

    @Test
    void useAfterExpiryIsRefusedAsInvalidToken() {
        fixture.given(ISSUED)
                .when(new UseInitialAccessToken("iat-1", "dev", "c-1", "claude-desktop", EXPIRY))
                .expectException(InvalidToken.class);
    }

    @Test
    void useAfterRevocationIsRefusedAsInvalidToken() {
        fixture.given(ISSUED, new InitialAccessTokenRevoked("iat-1", "dev", NOW))
                .when(new UseInitialAccessToken("iat-1", "dev", "c-1", "claude-desktop", NOW.plusSeconds(1)))
                .expectException(InvalidToken.class);
    }

    @Test
    void useForAnotherTenantIsRefusedAsInvalidToken() {
        fixture.given(ISSUED)
                .when(new UseInitialAccessToken("iat-1", "other", "c-1", "claude-desktop", NOW.plusSeconds(1)))
                .expectException(InvalidToken.class);
    }

    @Test
    void useForASoftwareIdOutsideTheConstraintIsRefusedAsInvalidMetadata() {
        fixture.given(ISSUED)
                .when(new UseInitialAccessToken("iat-1", "dev", "c-1", "cursor", NOW.plusSeconds(1)))
                .expectException(InvalidClientMetadata.class)
                .expectNoEvents();
    }

    @Test
    void revokeByAnotherTenantIsNotFound() {
        fixture.given(ISSUED)
                .when(new RevokeInitialAccessToken("iat-1", "other", NOW))
                .expectException(NotFound.class);
    }

    @Test
    void revokeRecordsRevocationOnce() {
        fixture.given(ISSUED, new InitialAccessTokenRevoked("iat-1", "dev", NOW))
                .when(new RevokeInitialAccessToken("iat-1", "dev", NOW.plusSeconds(1)))
                .expectNoEvents();
    }
}
