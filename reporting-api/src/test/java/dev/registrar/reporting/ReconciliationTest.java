package dev.registrar.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    @Test
    void equalCountsForEveryTypeAreComplete() {
        var result = Reconciliation.compare(Map.of("client.registered", 3L, "token.issued", 10L),
                Map.of("client.registered", 3L, "token.issued", 10L));

        assertThat(result.complete()).isTrue();
        assertThat(result.types()).extracting(Reconciliation.TypeCount::missing).containsOnly(0L);
    }

    @Test
    void eventsNotYetIndexedAreCountedAsMissing() {
        var result = Reconciliation.compare(Map.of("client.registered", 3L, "client.deleted", 1L), Map.of("client.registered", 2L));

        assertThat(result.complete()).isFalse();
        assertThat(result.types()).containsExactly(
                new Reconciliation.TypeCount("client.deleted", 1, 0, 1),
                new Reconciliation.TypeCount("client.registered", 3, 2, 1));
    }

    @Test
    void indexedEventsTheStoreDoesNotKnowMakeItIncomplete() {
        assertThat(Reconciliation.compare(Map.of(), Map.of("client.registered", 1L)).complete()).isFalse();
    }
}
