package dev.registrar.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration
class TopicConfiguration {

    /** Created at start when missing. */
    @Bean
    NewTopic eventsTopic(PublishingProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).replicas(properties.replicas()).build();
    }
}
