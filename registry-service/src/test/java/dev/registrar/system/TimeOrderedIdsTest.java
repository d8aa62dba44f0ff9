package dev.registrar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final long NOV_23_2026 = 1_795_392_000_000L;

    @Test
    void carriesVersionSevenTheRfcVariantAndTheMillisecond() {
        UUID id = TimeOrderedIds.at(NOV_23_2026, new SplittableRandom(1));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOV_23_2026);
    }

    @Test
    void aLaterMillisecondSortsAfterAsTextToo() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 1_000; i++) {
            String earlier = TimeOrderedIds.at(NOV_23_2026 + i, random).toString();
            String later = TimeOrderedIds.at(NOV_23_2026 + i + 1, random).toString();
            assertThat(later).isGreaterThan(earlier);
        }
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        SplittableRandom random = new SplittableRandom(3);
        Set<UUID> ids = new HashSet<>();
        IntStream.range(0, 100_000).forEach(i -> ids.add(TimeOrderedIds.at(NOV_23_2026, random)));

        assertThat(ids).hasSize(100_000);
    }

    @Test
    void axonGivesEveryMessageATimeOrderedId() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        long before = System.currentTimeMillis();
        UUID eventId = UUID.fromString(GenericEventMessage.asEventMessage("fact").getIdentifier());

        assertThat(eventId.version()).isEqualTo(7);
        assertThat(eventId.getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis());
    }
}
