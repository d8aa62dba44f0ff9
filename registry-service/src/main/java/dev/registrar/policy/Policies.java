package dev.registrar.policy;

import java.util.List;
import org.springframework.stereotype.Component;

/** The governance policy in force for a tenant. */
@Component
public class Policies {

    private final PolicyRepository repository;

    Policies(PolicyRepository repository) {
        this.repository = repository;
    }

    public GovernancePolicy current(String tenant) {
        return repository.find(tenant).orElseGet(() -> new GovernancePolicy(tenant, 0, List.of()));
    }
}
