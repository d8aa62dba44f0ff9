package dev.registrar.system;

import java.time.Clock;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AxonConfiguration {

    /** Processing groups whose failures must stop them rather than be logged and skipped. */
    static final String[] MUST_NOT_SKIP = {"kafka-publisher", "client-read-model", "policy-read-model", "tenant-read-model",
            "access-key-read-model"};

    /** Copies who acted and for which tenant from each command onto the events it causes. */
    @Bean
    CorrelationDataProvider tenantAndActor() {
        return new SimpleCorrelationDataProvider("tenant", "actorKind", "actorId", "remoteAddress");
    }

    /**
     * Axon's default logs a failing event handler and moves on. For the publisher that would
     * advance its token past an event Kafka never acknowledged, and for the read model it would
     * commit an event whose row is missing; both must instead fail (and retry, or roll back).
     */
    @Bean
    ConfigurerModule failingHandlersStopTheirProcessor() {
        return configurer -> {
            for (String group : MUST_NOT_SKIP) {
                configurer.eventProcessing().registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
            }
        };
    }

    /** The JDBC event store as Axon's auto-configuration builds it; declared here because the event store below is. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon, ConnectionProvider connections,
                                          TransactionManager transactions) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(new EventSchema())
                .build();
    }

    /**
     * Every tracking processor reads the store on a stream of its own. Axon's default shares a cache
     * of recent events between them, filled by a producer thread; the publisher is the only tracking
     * processor here, so the cache served no one, and it held the heap: after the publisher had caught
     * up with a long burst of token batches, the producer re-read the burst and ran ahead of it, every
     * event it read kept reachable from the publisher's place in the cache — registry-service's 1.5 GB
     * heap filled in 25 s (644,401 cached events live) and the service stopped answering.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
