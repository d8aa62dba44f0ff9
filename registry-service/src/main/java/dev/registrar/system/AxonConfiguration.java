package dev.registrar.system;

import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
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

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
