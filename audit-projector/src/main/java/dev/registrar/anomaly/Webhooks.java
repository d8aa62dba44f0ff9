package dev.registrar.anomaly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * POSTs an alert to every configured webhook, as the alert's JSON or as a Slack incoming-webhook
 * body, retrying with doubling pauses. Every request carries the alert id and revision, so a
 * receiver can tell a redelivery from a new alert.
 */
@Component
class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final AnomalyProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    Webhooks(AnomalyProperties properties, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.delivery().timeout()).build();
    }

    List<DeliveryOutcome> deliver(Alert alert) throws InterruptedException {
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (AnomalyProperties.Webhook webhook : properties.webhooks()) {
            outcomes.add(deliver(webhook, alert));
        }
        return outcomes;
    }

    private DeliveryOutcome deliver(AnomalyProperties.Webhook webhook, Alert alert) throws InterruptedException {
        AnomalyProperties.Delivery delivery = properties.delivery();
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(delivery.timeout())
                .header("Content-Type", "application/json")
                .header("X-Registrar-Alert-Id", alert.alertId())
                .header("X-Registrar-Alert-Revision", Long.toString(alert.revision()))
                .POST(HttpRequest.BodyPublishers.ofString(body(webhook.format(), alert)))
                .build();
        Duration pause = delivery.initialBackoff();
        String detail = "";
        for (int attempt = 1; attempt <= delivery.attempts(); attempt++) {
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return new DeliveryOutcome(webhook.name(), "delivered", attempt, "HTTP " + response.statusCode(), clock.instant());
                }
                detail = "HTTP " + response.statusCode();
            } catch (IOException unreachable) {
                detail = unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage();
            }
            if (attempt < delivery.attempts()) {
                Thread.sleep(pause);
                pause = pause.multipliedBy(2);
            }
        }
        log.warn("alert {} could not be delivered to webhook {} after {} tries: {}", alert.alertId(), webhook.name(),
                delivery.attempts(), detail);
        return new DeliveryOutcome(webhook.name(), "failed", delivery.attempts(), detail, clock.instant());
    }

    private String body(AnomalyProperties.WebhookFormat format, Alert alert) {
        try {
            return switch (format) {
                case JSON -> json.writeValueAsString(alert);
                case SLACK -> json.writeValueAsString(Map.of("text",
                        ":rotating_light: *%s* (%s) at tenant `%s`: %s. Alert %s".formatted(alert.kind(), alert.subject(), alert.tenant(),
                                alert.summary(), alert.alertId())));
            };
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("an alert could not be written as JSON", unwritable);
        }
    }
}
