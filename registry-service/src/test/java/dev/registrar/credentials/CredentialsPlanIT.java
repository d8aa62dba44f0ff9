package dev.registrar.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import dev.registrar.system.EmptyTablePlans;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Verifying a client's secret stays on the primary key even under the plan made for an empty table. */
@WithLocalServers(Server.POSTGRES)
class CredentialsPlanIT {

    @Test
    void verifyingASecretUsesOnlyThePrimaryKeyWhateverTheStatistics() throws SQLException {
        try (EmptyTablePlans plans = new EmptyTablePlans("credential")) {
            Credentials credentials = new Credentials(DSL.using(plans.connection(), SQLDialect.POSTGRES),
                    new CredentialsProperties(Base64.getEncoder().encodeToString(new byte[32])), Clock.systemUTC());

            credentials.verify("a-client", CredentialKind.CLIENT_SECRET, "a-secret");
            credentials.verify("a-client", CredentialKind.REGISTRATION_ACCESS_TOKEN, "a-token");

            Map<String, Long> scans = plans.scans("credential");
            assertThat(scans.get("other")).as("scans of the other indices").isZero();
            assertThat(scans.get("primary key")).as("scans of the primary key").isEqualTo(2);
        }
    }
}
