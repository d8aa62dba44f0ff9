package dev.registrar.policy;

import static dev.registrar.readmodel.jooq.Tables.TENANT_POLICY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.readmodel.RecentReads;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;

@Repository
class PolicyRepository {

    private static final TypeReference<List<PolicyRule>> RULES = new TypeReference<>() {
    };

    private final DSLContext db;
    private final ObjectMapper json;
    // Read by every registration; a change applies to the next one here and within seconds elsewhere.
    private final RecentReads<String, GovernancePolicy> recent = new RecentReads<>(Duration.ofSeconds(5), 10_000);

    PolicyRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Keyed by tenant and guarded by version, so replaying an older event changes nothing. */
    void save(PolicySet event) throws JsonProcessingException {
        JSONB rules = JSONB.valueOf(json.writeValueAsString(event.rules()));
        db.insertInto(TENANT_POLICY)
                .set(TENANT_POLICY.TENANT, event.tenant())
                .set(TENANT_POLICY.VERSION, event.version())
                .set(TENANT_POLICY.RULES, rules)
                .onConflict(TENANT_POLICY.TENANT)
                .doUpdate()
                .set(TENANT_POLICY.VERSION, event.version())
                .set(TENANT_POLICY.RULES, rules)
                .where(TENANT_POLICY.VERSION.lt(event.version()))
                .execute();
        recent.changed(event.tenant());
    }

    Optional<GovernancePolicy> find(String tenant) {
        return recent.get(tenant, this::read);
    }

    private Optional<GovernancePolicy> read(String tenant) {
        return db.select(TENANT_POLICY.VERSION, TENANT_POLICY.RULES)
                .from(TENANT_POLICY)
                .where(TENANT_POLICY.TENANT.eq(tenant))
                .fetchOptional(row -> new GovernancePolicy(tenant, row.value1(), rules(row.value2())));
    }

    private List<PolicyRule> rules(JSONB stored) {
        try {
            return json.readValue(stored.data(), RULES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy rules are unreadable", e);
        }
    }
}
