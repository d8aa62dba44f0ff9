package dev.registrar.tenancy;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final TenantSettings OPEN = new TenantSettings("acme", "https://as.acme.example", TenancyProperties.RegistrationMode.OPEN,
            List.of(), List.of());
    private static final TenantSettings GATED = new TenantSettings("acme", "https://as.acme.example",
            TenancyProperties.RegistrationMode.INITIAL_ACCESS_TOKEN, List.of(), List.of());

    private FixtureConfiguration<Tenant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Tenant.class);
    }

    @Test
    void configureTenantCreatesItAtVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new ConfigureTenant("acme", OPEN, "admin", NOW))
                .expectEvents(new TenantConfigured("acme", OPEN, 1, "admin", NOW));
    }

    @Test
    void changedSettingsRecordTheNextVersion() {
        fixture.given(new TenantConfigured("acme", OPEN, 1, "config", NOW))
                .when(new ConfigureTenant("acme", GATED, "admin", NOW))
                .expectEvents(new TenantConfigured("acme", GATED, 2, "admin", NOW));
    }

    @Test
    void theSettingsAlreadyInForceRecordNothing() {
        fixture.given(new TenantConfigured("acme", OPEN, 1, "config", NOW))
                .when(new ConfigureTenant("acme", OPEN, "config", NOW))
                .expectNoEvents();
    }
}
