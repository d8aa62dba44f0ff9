package dev.registrar.projector;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class KafkaConfiguration {

    /**
     * A failed batch is retried from its first record, with growing pauses, and never skipped: an
     * audit trail must not lose an event because Elasticsearch was briefly away.
     */
    @Bean
    DefaultErrorHandler retryForever(ProjectorProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(properties.maxRetryInterval().toMillis());
        return new DefaultErrorHandler(backOff);
    }

    @Bean
    NewTopic deadLetterTopic(ProjectorProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1).replicas(1).build();
    }
}
