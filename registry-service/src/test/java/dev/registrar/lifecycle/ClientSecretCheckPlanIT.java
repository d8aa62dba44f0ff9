package dev.registrar.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import dev.registrar.system.EmptyTablePlans;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The read behind a secret check stays on the two tables' primary keys even under the plan made for empty tables. */
@WithLocalServers(Server.POSTGRES)
class ClientSecretCheckPlanIT {

    @Test
    void findingAClientWithItsSecretUsesOnlyThePrimaryKeysWhateverTheStatistics() throws SQLException {
        try (EmptyTablePlans plans = new EmptyTablePlans("client_registration", "credential")) {
            try (Statement rows = plans.connection().createStatement()) {
                rows.execute("""
                        INSERT INTO client_registration (client_id, tenant, redirect_uris, grant_types, response_types,
                            token_endpoint_auth_method, scopes, registration_method, status, registered_at, last_sequence)
                        VALUES ('a-client', 'dev', '{}', '{}', '{}', 'client_secret_basic', '{}', 'dynamic', 'active', now(), 0)""");
                rows.execute("""
                        INSERT INTO credential (owner_id, kind, hash, issued_at) VALUES
                            ('a-client', 'CLIENT_SECRET', '\\x01', now()), ('a-client', 'REGISTRATION_ACCESS_TOKEN', '\\x02', now())""");
            }
            ClientSecretCheckRepository repository = new ClientSecretCheckRepository(DSL.using(plans.connection(), SQLDialect.POSTGRES));

            assertThat(repository.find("dev", "a-client")).hasValueSatisfying(client -> {
                assertThat(client.active()).isTrue();
                assertThat(client.clientSecret().hash()).containsExactly(1);
            });
            assertThat(repository.find("another-tenant", "a-client")).isEmpty();
            assertThat(repository.find("dev", "no-such-client")).isEmpty();

            assertThat(plans.scans("client_registration")).as("scans of client_registration")
                    .containsEntry("other", 0L).containsEntry("sequential", 0L).containsEntry("primary key", 3L);
            assertThat(plans.scans("credential")).as("scans of credential")
                    .containsEntry("other", 0L).containsEntry("sequential", 0L).containsEntry("primary key", 2L);
        }
    }
}
