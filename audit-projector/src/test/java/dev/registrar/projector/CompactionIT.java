package dev.registrar.projector;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import dev.registrar.infra.Server;
import dev.registrar.infra.WithLocalServers;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithLocalServers(Server.ELASTICSEARCH)
class CompactionIT {

    /** A month of its own, so no other test writes to the indices this one watches. */
    private static final Instant NOW = Instant.parse("2031-06-15T12:00:00Z");
    private static final String ENDED = Mappings.monthly(TokenIndex.PREFIX, Instant.parse("2031-05-20T00:00:00Z"));
    private static final String CURRENT = Mappings.monthly(TokenIndex.PREFIX, NOW);

    private RestClient rest;
    private ElasticsearchClient elasticsearch;
    private Compaction compaction;

    @BeforeEach
    void connect() throws IOException {
        rest = RestClient.builder(HttpHost.create(System.getProperty("spring.elasticsearch.uris"))).build();
        elasticsearch = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        TokenIndex.applyTemplate(elasticsearch, 0);
        ProjectorProperties properties = new ProjectorProperties("registrar.events", "registrar.events.dlt", 0, Duration.ofSeconds(30),
                24, 13, Duration.ofDays(1), Duration.ofHours(1));
        compaction = new Compaction(elasticsearch, properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void disconnect() throws IOException {
        elasticsearch.indices().delete(d -> d.index(ENDED, CURRENT).ignoreUnavailable(true));
        rest.close();
    }

    @Test
    void anEndedMonthIsMergedIntoOneSegmentOnceAWholeIntervalPassedWithoutWrites() throws Exception {
        writeInSegments(ENDED, 3);
        writeInSegments(CURRENT, 3);

        assertThat(compaction.run()).as("first look: not yet known to be quiet").doesNotContain(ENDED);
        writeInSegments(ENDED, 1);
        assertThat(compaction.run()).as("written since the last look").doesNotContain(ENDED);
        assertThat(compaction.run()).contains(ENDED).doesNotContain(CURRENT);

        awaitSegments(ENDED, 1);
        assertThat(elasticsearch.count(c -> c.index(ENDED)).count()).isEqualTo(4);
        assertThat(segments(CURRENT)).isEqualTo(3);
        assertThat(compaction.run()).as("merged already").doesNotContain(ENDED);
    }

    @Test
    void anEndedMonthWrittenAgainAfterItsMergeIsMergedAgain() throws Exception {
        writeInSegments(ENDED, 2);
        compaction.run();
        assertThat(compaction.run()).contains(ENDED);
        awaitSegments(ENDED, 1);

        writeInSegments(ENDED, 2);
        compaction.run();
        assertThat(compaction.run()).contains(ENDED);
        awaitSegments(ENDED, 1);
        assertThat(elasticsearch.count(c -> c.index(ENDED)).count()).isEqualTo(4);
    }

    /** Each document made searchable on its own, so each is a segment of its own. */
    private void writeInSegments(String index, int documents) throws IOException {
        for (int i = 0; i < documents; i++) {
            String tokenId = "compaction-" + UUID.randomUUID();
            elasticsearch.index(d -> d.index(index).id(tokenId).document(Map.of("tokenId", tokenId, "tenant", "dev"))
                    .refresh(Refresh.True));
        }
    }

    private int segments(String index) throws IOException {
        return elasticsearch.indices().stats(s -> s.index(index).metric("segments")).indices().get(index).primaries().segments().count();
    }

    private void awaitSegments(String index, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (segments(index) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(index + " has " + segments(index) + " segments after 30 s, expected " + expected);
            }
            Thread.sleep(100);
        }
    }
}
