package dev.registrar.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.stats.IndexStats;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Merges each monthly index of a month that has ended into one segment, once nothing has written to
 * it for a whole interval. The access report's distinct counts walk every segment's values: over ten
 * million tokens they took about half as long on single-segment indices as on the segments
 * indexing leaves. Waiting for a quiet interval lets a month's last batches, late tokens and a
 * replay finish before the index is rewritten; an index written again later is merged again.
 */
@Component
class Compaction extends ScheduledIndexJob {

    private final ElasticsearchClient elasticsearch;
    private final ProjectorProperties properties;
    private final Clock clock;
    /** Each index's count of writes when this instance last looked. */
    private final Map<String, Long> writesSeen = new HashMap<>();
    /** Each index's count of writes when this instance asked for it to be merged. */
    private final Map<String, Long> writesMerged = new HashMap<>();

    Compaction(ElasticsearchClient elasticsearch, ProjectorProperties properties, Clock clock) {
        super("compaction", "merging %s into one segment each", properties.compactionInterval());
        this.elasticsearch = elasticsearch;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Answers the indices it asked Elasticsearch to merge. The merge runs in Elasticsearch after the
     * answer: a month of a busy tenant takes longer than a client waits for a reply.
     */
    @Override
    synchronized List<String> run() throws IOException {
        YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Map<String, IndexStats> stats = new TreeMap<>();
        elasticsearch.indices().stats(s -> s.index(Mappings.MONTHLY_PREFIXES.stream().map(prefix -> prefix + "*").toList())
                        .metric("indexing", "segments"))
                .indices().forEach((index, indexStats) -> stats.put(index, indexStats.primaries()));
        writesSeen.keySet().retainAll(stats.keySet());
        writesMerged.keySet().retainAll(stats.keySet());

        List<String> merging = new ArrayList<>();
        for (Map.Entry<String, IndexStats> index : stats.entrySet()) {
            long writes = index.getValue().indexing().indexTotal() + index.getValue().indexing().deleteTotal();
            Long before = writesSeen.put(index.getKey(), writes);
            boolean ended = Mappings.MONTHLY_PREFIXES.stream()
                    .anyMatch(prefix -> Mappings.monthOf(index.getKey(), prefix).map(month -> month.isBefore(current)).orElse(false));
            boolean quiet = Objects.equals(before, writes);
            boolean alreadyAsked = Objects.equals(writesMerged.get(index.getKey()), writes);
            if (ended && quiet && !alreadyAsked && index.getValue().segments().count() > 1) {
                elasticsearch.indices().forcemerge(f -> f.index(index.getKey()).maxNumSegments(1L).waitForCompletion(false));
                writesMerged.put(index.getKey(), writes);
                merging.add(index.getKey());
            }
        }
        return merging;
    }
}
