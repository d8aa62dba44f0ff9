package dev.registrar.policy;

import java.util.List;

/** A tenant's policy as in force now; version 0 is the default of a tenant that never set one. */
public record GovernancePolicy(String tenant, long version, List<PolicyRule> rules) {

    public GovernancePolicy {
        rules = List.copyOf(rules);
    }

    public PolicyRule ruleFor(String softwareId) {
        return rules.stream().filter(rule -> rule.matches(softwareId)).findFirst().orElse(PolicyRule.DEFAULT);
    }
}
