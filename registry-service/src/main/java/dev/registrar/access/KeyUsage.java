package dev.registrar.access;

import dev.registrar.tenancy.Actor;
import dev.registrar.tenancy.Caller;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The audit of key use. Every authenticated call is counted in memory per key, operation and status;
 * every {@code registrar.access.usage-interval}, and at shutdown, each key used is written down as one
 * {@code access-key.used} event. A look-up at thousands a second so costs a counter, not a write.
 */
@Configuration
@EnableScheduling
public class KeyUsage implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(KeyUsage.class);
    private static final String OPERATION_ATTRIBUTE = KeyUsage.class.getName() + ".operation";

    private record OperationKey(String operation, int status) {
    }

    /** One key's calls since the last flush; changed only inside the map's compute, which locks it. */
    private static final class Tally {
        private final Caller caller;
        private final Instant firstUsedAt;
        private Instant lastUsedAt;
        private long calls;
        private final Map<OperationKey, Long> operations = new HashMap<>();

        private Tally(Caller caller, Instant at) {
            this.caller = caller;
            this.firstUsedAt = at;
        }
    }

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final EventGateway events;
    private final AccessProperties properties;
    private final Clock clock;

    KeyUsage(EventGateway events, AccessProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Names the operation a request stands for, where its route alone would not say it. */
    static void nameOperation(HttpServletRequest request, String operation) {
        request.setAttribute(OPERATION_ATTRIBUTE, operation);
    }

    /**
     * The operation as the request was dispatched: method and route ({@code GET /api/v1/clients/{clientId}}),
     * never the path itself, which holds ids; a request that reached no route is named by its method alone.
     */
    public static String operationOf(HttpServletRequest request) {
        Object named = request.getAttribute(OPERATION_ATTRIBUTE);
        if (named != null) {
            return named.toString();
        }
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (route == null ? "(no route)" : route);
    }

    public void record(Caller caller, String operation, int status) {
        Instant now = clock.instant();
        tallies.compute(caller.keyId(), (keyId, tally) -> {
            Tally counted = tally == null ? new Tally(caller, now) : tally;
            counted.lastUsedAt = now;
            counted.calls++;
            counted.operations.merge(new OperationKey(operation, status), 1L, Long::sum);
            return counted;
        });
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::flush, properties.usageInterval());
    }

    /** Writes down every key used since the last flush, one event each. */
    public void flush() {
        for (String keyId : List.copyOf(tallies.keySet())) {
            Tally tally = tallies.remove(keyId);
            if (tally != null) {
                publish(keyId, tally);
            }
        }
    }

    @PreDestroy
    void flushAtShutdown() {
        try {
            flush();
        } catch (RuntimeException storeGone) {
            log.warn("key usage since the last interval was not recorded at shutdown: {}", storeGone.toString());
        }
    }

    private void publish(String keyId, Tally tally) {
        List<AccessKeyUsed.OperationCount> operations = new ArrayList<>();
        tally.operations.forEach((key, calls) -> operations.add(new AccessKeyUsed.OperationCount(key.operation(), key.status(), calls)));
        Caller caller = tally.caller;
        events.publish(GenericEventMessage.asEventMessage(new AccessKeyUsed(keyId, caller.role(), caller.tenant(), tally.firstUsedAt,
                        tally.lastUsedAt, tally.calls, List.copyOf(operations)))
                .andMetaData(new Actor(caller.tenant(), caller.role(), keyId, null).toMetaData()));
    }
}
