package dev.registrar.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class ElasticsearchAvailabilityTest {

    @Test
    void refusedConnectionAnywhereInTheCauseChainMeansUnavailable() {
        assertThat(ElasticsearchAvailability.isUnavailable(new IOException("wrapped", new ConnectException("refused")))).isTrue();
    }

    @Test
    void unrelatedFailureIsNotUnavailability() {
        assertThat(ElasticsearchAvailability.isUnavailable(new IllegalStateException("bug"))).isFalse();
    }
}
