package dev.registrar.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import dev.registrar.system.EmptyTablePlans;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** The reads of given clients stay on the primary key even under the plan made for an empty table. */
@WithLocalServers(Server.POSTGRES)
class ClientRegistrationPlanIT {

    @Test
    void readsOfGivenClientsUseOnlyThePrimaryKeyWhateverTheStatistics() throws SQLException {
        try (EmptyTablePlans plans = new EmptyTablePlans("client_registration")) {
            ClientRegistrationRepository repository = new ClientRegistrationRepository(DSL.using(plans.connection(), SQLDialect.POSTGRES),
                    new ObjectMapper());

            repository.find("dev", "a-client");
            repository.registration("dev", "a-client");
            repository.tokenSubjects("dev", List.of("a-client", "another-client"));

            Map<String, Long> scans = plans.scans("client_registration");
            assertThat(scans.get("other")).as("scans of the other indices").isZero();
            assertThat(scans.get("primary key")).as("scans of the primary key").isGreaterThanOrEqualTo(3);
        }
    }
}
