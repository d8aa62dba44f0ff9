package dev.registrar.policy;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.registrar.errors.InvalidRequest;
import dev.registrar.tenancy.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import dev.registrar.tenancy.Actor;
import dev.registrar.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators read and replace a tenant's governance policy; each change is a PolicySet event. */
@RestController
class PolicyAdminController {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RuleDocument(String softwareIdPattern, List<String> allowedScopes, List<String> redirectUriPrefixes,
                        boolean requireSoftwareStatement, int maxActiveClients, Duration clientLifetime, Duration secretLifetime) {

        static RuleDocument of(PolicyRule rule) {
            return new RuleDocument(rule.softwareIdPattern(), rule.allowedScopes(), rule.redirectUriPrefixes(),
                    rule.requireSoftwareStatement(), rule.maxActiveClients(), rule.clientLifetime(), rule.secretLifetime());
        }

        PolicyRule toRule() {
            if (softwareIdPattern == null || softwareIdPattern.isBlank()) {
                throw new InvalidRequest("every rule needs a software_id_pattern");
            }
            if (maxActiveClients < 0) {
                throw new InvalidRequest("max_active_clients must not be negative");
            }
            return new PolicyRule(softwareIdPattern, allowedScopes, redirectUriPrefixes, requireSoftwareStatement,
                    maxActiveClients, clientLifetime, secretLifetime == null ? PolicyRule.DEFAULT.secretLifetime() : secretLifetime);
        }
    }

    record PolicyDocument(String tenant, long version, List<RuleDocument> rules) {

        static PolicyDocument of(GovernancePolicy policy) {
            return new PolicyDocument(policy.tenant(), policy.version(), policy.rules().stream().map(RuleDocument::of).toList());
        }
    }

    record PolicyChange(List<RuleDocument> rules) {
    }

    private final Policies policies;
    private final Tenants tenants;
    private final CommandGateway commands;
    private final Clock clock;

    PolicyAdminController(Policies policies, Tenants tenants, CommandGateway commands, Clock clock) {
        this.policies = policies;
        this.tenants = tenants;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/admin/v1/tenants/{tenant}/policy")
    PolicyDocument read(@PathVariable String tenant) {
        tenants.require(tenant);
        return PolicyDocument.of(policies.current(tenant));
    }

    @PutMapping("/admin/v1/tenants/{tenant}/policy")
    PolicyDocument replace(@PathVariable String tenant, @RequestBody PolicyChange change, Caller.Administrator administrator) {
        tenants.require(tenant);
        if (change == null || change.rules() == null) {
            throw new InvalidRequest("the body must be {\"rules\": [...]}");
        }
        List<PolicyRule> rules = change.rules().stream().map(RuleDocument::toRule).toList();
        commands.sendAndWait(new SetPolicy(tenant, rules, "admin", clock.instant()),
                Actor.administrator(tenant, administrator).toMetaData());
        return PolicyDocument.of(policies.current(tenant));
    }
}
