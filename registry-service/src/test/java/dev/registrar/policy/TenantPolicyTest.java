package dev.registrar.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<PolicyRule> CLAUDE_ONLY_TOOLS = List.of(
            new PolicyRule("claude-*", List.of("mcp:tools"), List.of(), false, 100, null, Duration.ofDays(90)));
    private static final List<PolicyRule> STRICTER = List.of(
            new PolicyRule("claude-*", List.of("mcp:tools"), List.of(), true, 10, Duration.ofDays(30), Duration.ofDays(30)));

    private FixtureConfiguration<TenantPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TenantPolicy.class);
    }

    @Test
    void firstSetPolicyRecordsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new SetPolicy("dev", CLAUDE_ONLY_TOOLS, "config", NOW))
                .expectEvents(new PolicySet("dev", 1, CLAUDE_ONLY_TOOLS, "config", NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changedRulesRecordTheNextVersion() {
        fixture.given(new PolicySet("dev", 1, CLAUDE_ONLY_TOOLS, "config", NOW))
                .when(new SetPolicy("dev", STRICTER, "admin", NOW))
                .expectEvents(new PolicySet("dev", 2, STRICTER, "admin", NOW));
    }

    @Test
    void theRulesAlreadyInForceRecordNothing() {
        fixture.given(new PolicySet("dev", 1, CLAUDE_ONLY_TOOLS, "config", NOW))
                .when(new SetPolicy("dev", CLAUDE_ONLY_TOOLS, "config", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }
}
