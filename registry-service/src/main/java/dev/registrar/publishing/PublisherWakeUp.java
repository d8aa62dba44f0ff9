package dev.registrar.publishing;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the publisher when a transaction that stored events has committed. Axon's embedded event
 * store tells its publisher about new events when its unit of work commits; here that unit of work
 * runs inside a Spring transaction that commits later, so the publisher looked too early, found
 * nothing yet, and slept until its next poll a second later — most of the time from a token
 * batch's answer to its events reaching Kafka. Publishing no events is the store's public way of
 * telling its publisher to look again; it is done once per transaction, after the commit. (Where
 * Axon's unit of work owns the transaction, it commits it before telling the publisher, and there is
 * nothing to do.)
 */
@Component
class PublisherWakeUp implements MessageDispatchInterceptor<EventMessage<?>> {

    private final EventStore store;

    PublisherWakeUp(EventStore store) {
        this.store = store;
        store.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (!messages.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this)) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PublisherWakeUp.this);
                    if (status == STATUS_COMMITTED && !CurrentUnitOfWork.isStarted()) {
                        store.publish(List.of());
                    }
                }
            });
        }
        return (index, message) -> message;
    }
}
