package dev.registrar.publishing;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param topic       the Kafka topic every event is published to
 * @param partitions  the topic's partitions when this service creates it
 * @param replicas    the topic's replication factor when this service creates it
 * @param sendTimeout how long to wait for Kafka's acknowledgement before the batch is retried
 */
@Validated
@ConfigurationProperties("registrar.publishing")
record PublishingProperties(
        @NotBlank @DefaultValue("registrar.events") String topic,
        @Min(1) @DefaultValue("3") int partitions,
        @Min(1) @DefaultValue("1") short replicas,
        @DefaultValue("10s") Duration sendTimeout) {
}
