package dev.registrar.publishing;

import java.util.concurrent.TimeUnit;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PublisherConfiguration {

    /**
     * The publisher: a batch of events per unit of work, whose sends are acknowledged together before
     * the token moves. It reads the event store on a stream of its own (see system.AxonConfiguration),
     * so nothing tells it of new events: when it has caught up it asks the store again every 100 ms.
     * Idle, that costs about 3 % of a core (registry-service and PostgreSQL), where Axon's shared
     * cache took under 1 %.
     */
    @Bean
    ConfigurerModule publisherProcessing() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(KafkaEventPublisher.PROCESSING_GROUP,
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(500)
                        .andEventAvailabilityTimeout(100, TimeUnit.MILLISECONDS));
    }
}
