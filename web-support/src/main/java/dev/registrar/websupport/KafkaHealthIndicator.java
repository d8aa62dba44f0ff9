package dev.registrar.websupport;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Kafka in the health endpoint as {@code kafka}: DOWN when no broker answers within a few seconds,
 * so an operator sees which dependency is away. Present where the service uses Kafka.
 */
@Component("kafka")
@ConditionalOnClass(name = "org.springframework.kafka.core.KafkaAdmin")
class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private static final int TIMEOUT_MS = 3000;

    private final Admin admin;

    KafkaHealthIndicator(KafkaAdmin kafka) {
        super("Kafka is not reachable");
        Map<String, Object> config = new HashMap<>(kafka.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        this.admin = Admin.create(config);
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        int brokers = admin.describeCluster().nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
        health.up().withDetail("brokers", brokers);
    }

    @Override
    public void close() {
        admin.close();
    }
}
