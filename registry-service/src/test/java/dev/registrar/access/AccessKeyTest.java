package dev.registrar.access;

import dev.registrar.errors.Conflict;
import dev.registrar.errors.InvalidRequest;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessKeyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final AccessKeyIssued ISSUED = new AccessKeyIssued("k1", AccessRole.AUDITOR, "acme", "quarterly audit", NOW);

    private FixtureConfiguration<AccessKey> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessKey.class);
    }

    @Test
    void anAuditorKeyMayBeScopedToOneTenant() {
        fixture.givenNoPriorActivity()
                .when(new IssueAccessKey("k1", AccessRole.AUDITOR, "acme", "quarterly audit", NOW))
                .expectEvents(ISSUED);
    }

    @Test
    void anAdministratorKeyTakesNoTenant() {
        fixture.givenNoPriorActivity()
                .when(new IssueAccessKey("k2", AccessRole.ADMIN, "acme", "ops", NOW))
                .expectException(InvalidRequest.class)
                .expectNoEvents();
    }

    @Test
    void rotationKeepsThePreviousValueForTheGracePeriod() {
        Instant graceEnd = NOW.plusSeconds(3600);
        fixture.given(ISSUED)
                .when(new RotateAccessKey("k1", graceEnd, NOW))
                .expectEvents(new AccessKeyRotated("k1", graceEnd, NOW));
    }

    @Test
    void aRevokedKeyIsRevokedForGood() {
        fixture.given(ISSUED, new AccessKeyRevoked("k1", "auditor left", NOW))
                .when(new RotateAccessKey("k1", NOW.plusSeconds(60), NOW))
                .expectException(Conflict.class)
                .expectNoEvents();
        fixture.given(ISSUED, new AccessKeyRevoked("k1", "auditor left", NOW))
                .when(new RevokeAccessKey("k1", "again", NOW))
                .expectException(Conflict.class)
                .expectNoEvents();
    }
}
