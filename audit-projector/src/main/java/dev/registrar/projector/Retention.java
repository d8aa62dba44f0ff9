package dev.registrar.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Drops monthly indices older than their family's retention, whole: the local Elasticsearch has no
 * ILM, and dropping an index is cheap where deleting documents is not.
 */
@Configuration
@EnableScheduling
class Retention extends ScheduledIndexJob {

    private final ElasticsearchClient elasticsearch;
    private final ProjectorProperties properties;
    private final Clock clock;

    Retention(ElasticsearchClient elasticsearch, ProjectorProperties properties, Clock clock) {
        super("retention", "dropped %s", properties.retentionInterval());
        this.elasticsearch = elasticsearch;
        this.properties = properties;
        this.clock = clock;
    }

    /** Answers the indices it dropped. */
    @Override
    List<String> run() throws IOException {
        List<String> dropped = new ArrayList<>();
        dropped.addAll(dropOlderThan(EventLogIndex.PREFIX, properties.eventLogMonths()));
        dropped.addAll(dropOlderThan(TokenIndex.PREFIX, properties.tokenMonths()));
        dropped.addAll(dropOlderThan(SecurityIndex.PREFIX, properties.eventLogMonths()));
        dropped.addAll(dropOlderThan(KeyUsageIndex.PREFIX, properties.eventLogMonths()));
        dropped.addAll(dropOlderThan(AlertIndex.PREFIX, properties.eventLogMonths()));
        return dropped;
    }

    /** Keeps the current month and the {@code months - 1} before it. */
    private List<String> dropOlderThan(String prefix, int months) throws IOException {
        YearMonth oldestKept = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(months - 1L);
        List<String> expired = elasticsearch.indices().get(g -> g.index(prefix + "*").allowNoIndices(true)).result().keySet().stream()
                .filter(index -> Mappings.monthOf(index, prefix).map(month -> month.isBefore(oldestKept)).orElse(false))
                .sorted()
                .toList();
        if (!expired.isEmpty()) {
            elasticsearch.indices().delete(d -> d.index(expired));
        }
        return expired;
    }
}
