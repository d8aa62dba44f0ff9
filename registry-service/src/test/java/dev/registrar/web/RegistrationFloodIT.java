package dev.registrar.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registrar.RegistryServiceIT;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A bounded flood on loopback: 200 registrations at once at one tenant from one address, with
 * the per-address limit at 30 a minute, while a well-behaved tenant registers a few clients; and a
 * software_id held to a quota of 10.
 */
@TestPropertySource(properties = {
        "registrar.throttling.registrations-per-source.capacity=30",
        "registrar.throttling.registrations-per-source.period=1m",
        "registrar.throttling.registrations-per-software.capacity=10",
        "registrar.throttling.registrations-per-software.period=1h"})
@DirtiesContext
class RegistrationFloodIT extends RegistryServiceIT {

    private static final String FLOOD = MCP_CLIENT.replace("claude-desktop", "flood-agent");

    @Test
    void aFloodIsAnswered429WithRetryAfterWhileAWellBehavedTenantIsServed() throws Exception {
        long rejectionsBefore = jdbc.queryForObject(
                "select count(*) from domainevententry where payloadtype like '%RegistrationRejected'", Long.class);
        List<HttpResponse<String>> flood;
        List<HttpResponse<String>> wellBehaved = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(16)) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String software = "burst-" + i;
                sent.add(callers.submit(() -> register("other", MCP_CLIENT.replace("claude-desktop", software))));
            }
            for (int i = 0; i < 5; i++) {
                wellBehaved.add(register("dev", MCP_CLIENT));
            }
            flood = new ArrayList<>();
            for (Future<HttpResponse<String>> response : sent) {
                flood.add(response.get(60, TimeUnit.SECONDS));
            }
        }

        Map<Integer, Long> byStatus = flood.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(201, 429);
        assertThat(byStatus.get(201)).as("the address's allowance").isBetween(30L, 33L);
        HttpResponse<String> throttled = flood.stream().filter(response -> response.statusCode() == 429).findFirst().orElseThrow();
        assertThat(throttled.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow()).isBetween(1L, 61L);
        assertThat(throttled.body()).contains("/problems/too-many-attempts").contains("too many registrations from this address");
        assertThat(wellBehaved).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where payloadtype like '%RegistrationRejected'", Long.class))
                .as("a throttled request is not written down: a flood must not become a flood of writes").isEqualTo(rejectionsBefore);
    }

    @Test
    void oneSoftwareIdIsHeldToItsQuota() {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            responses.add(register("dev", FLOOD));
        }

        assertThat(responses.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(201, 10L, 429, 5L));
        assertThat(responses.getLast().body()).contains("the registration quota of this software_id is used up");
    }
}
