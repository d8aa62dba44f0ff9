package dev.registrar.anomaly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Indexes every alert revision and delivers each alert to the webhooks once, when it opens. The
 * index remembers the delivery, so an alert read again after a restart is not sent again; the
 * offset is committed only after both, and Elasticsearch failures are retried like the projector's.
 */
@Component
class AlertListener {

    private static final Logger log = LoggerFactory.getLogger(AlertListener.class);

    private final AlertDocuments documents;
    private final Webhooks webhooks;
    private final ObjectMapper json;
    private final Clock clock;

    AlertListener(AlertDocuments documents, Webhooks webhooks, ObjectMapper json, Clock clock) {
        this.documents = documents;
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
    }

    @KafkaListener(id = "alerts", topics = "${registrar.anomaly.alerts-topic:registrar.alerts}",
            properties = "isolation.level=read_committed")
    void onAlert(ConsumerRecord<String, String> record) throws IOException, InterruptedException {
        Alert alert;
        try {
            alert = json.readValue(record.value(), Alert.class);
        } catch (JsonProcessingException unreadable) {
            log.error("skipping unreadable alert at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    unreadable.getOriginalMessage());
            return;
        }
        if (!documents.saveAndCheckNotified(alert)) {
            log.info("alert {} opened: {}", alert.alertId(), alert.summary());
            List<DeliveryOutcome> outcomes = webhooks.deliver(alert);
            documents.recordDeliveries(alert, clock.instant(), outcomes);
        }
    }
}
