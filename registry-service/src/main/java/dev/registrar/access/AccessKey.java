package dev.registrar.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.registrar.errors.Conflict;
import dev.registrar.errors.InvalidRequest;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One administrator or auditor key: issued once, rotated any number of times, revoked for good. */
@Aggregate
class AccessKey {

    @AggregateIdentifier
    private String aggregateId;
    private boolean revoked;

    AccessKey() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    @CommandHandler
    AccessKey(IssueAccessKey command) {
        if (command.role() == AccessRole.ADMIN && command.tenant() != null) {
            throw new InvalidRequest("an administrator key sees every tenant: it takes no tenant");
        }
        apply(new AccessKeyIssued(command.keyId(), command.role(), command.tenant(), command.label(), command.requestedAt()));
    }

    @CommandHandler
    void handle(RotateAccessKey command) {
        refuseIfRevoked();
        apply(new AccessKeyRotated(command.keyId(), command.previousValidUntil(), command.requestedAt()));
    }

    @CommandHandler
    void handle(RevokeAccessKey command) {
        refuseIfRevoked();
        apply(new AccessKeyRevoked(command.keyId(), command.reason(), command.requestedAt()));
    }

    private void refuseIfRevoked() {
        if (revoked) {
            throw new Conflict("the access key is revoked");
        }
    }

    /** Aggregate ids share one namespace in the event store. */
    static String idOf(String keyId) {
        return "access-key:" + keyId;
    }

    @EventSourcingHandler
    void on(AccessKeyIssued event) {
        aggregateId = idOf(event.keyId());
    }

    @EventSourcingHandler
    void on(AccessKeyRevoked event) {
        revoked = true;
    }
}
