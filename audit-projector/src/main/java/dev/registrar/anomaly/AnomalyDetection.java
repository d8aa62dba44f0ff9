package dev.registrar.anomaly;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registrar.events.EventEnvelope;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Runs the detector's topology in the application. Its state lives in stores backed by changelog
 * topics and processing is exactly-once, so a restart resumes with its baselines and without
 * publishing an alert twice.
 */
@Configuration
@EnableKafkaStreams
class AnomalyDetection {

    private static final Logger log = LoggerFactory.getLogger(AnomalyDetection.class);

    @Bean
    KStream<String, EventEnvelope> anomalyTopology(StreamsBuilder builder, AnomalyProperties anomaly, ObjectMapper json,
                                                   @Value("${registrar.projector.topic:registrar.events}") String eventsTopic) {
        return AnomalyTopology.build(builder, anomaly, json, eventsTopic);
    }

    @Bean
    NewTopic alertsTopic(AnomalyProperties anomaly) {
        return TopicBuilder.name(anomaly.alertsTopic()).partitions(3).replicas(1).build();
    }

    /**
     * A stream thread that dies (the events topic not created yet, the broker away too long) is
     * replaced instead of stopping detection for good; its state is restored from the changelogs.
     */
    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedStreamThreads() {
        return factory -> factory.setStreamsUncaughtExceptionHandler(failure -> {
            log.warn("anomaly detection thread failed, replacing it: {}", failure.toString());
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }
}
