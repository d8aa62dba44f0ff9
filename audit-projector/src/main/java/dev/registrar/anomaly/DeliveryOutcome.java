package dev.registrar.anomaly;

import java.time.Instant;

/** How delivering one alert to one webhook went: {@code delivered} or {@code failed}, after how many tries. */
record DeliveryOutcome(String webhook, String outcome, int attempts, String detail, Instant at) {
}
