package dev.registrar.policy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** One tenant's governance policy, versioned: every change is an event with the next version. */
@Aggregate
class TenantPolicy {

    @AggregateIdentifier
    private String policyId;
    private long version;
    private List<PolicyRule> rules = List.of();

    TenantPolicy() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(SetPolicy command) {
        if (version > 0 && rules.equals(command.rules())) {
            return version;
        }
        apply(new PolicySet(command.tenant(), version + 1, command.rules(), command.source(), command.requestedAt()));
        return version;
    }

    /**
     * Aggregate ids share one namespace in the event store, so a policy's is prefixed: a tenant's
     * own stream (and any client) may not be read as its policy.
     */
    static String idOf(String tenant) {
        return "policy:" + tenant;
    }

    @EventSourcingHandler
    void on(PolicySet event) {
        policyId = idOf(event.tenant());
        version = event.version();
        rules = event.rules();
    }
}
