package dev.registrar.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class ElasticsearchAvailabilityTest {

    @Test
    void refusedConnectionAnywhereInTheCauseChainMeansUnavailable() {
        assertThat(ElasticsearchAvailability.isUnavailable(new IOException("wrapped", new ConnectException("refused")))).isTrue();
    }

    @Test
    void anOverloadedElasticsearchIsUnavailableForNowNotAFailure() {
        ErrorResponse tripped = ErrorResponse.of(e -> e.status(429).error(c -> c.type("circuit_breaking_exception")
                .reason("[parent] Data too large")));

        assertThat(ElasticsearchAvailability.isUnavailable(new ElasticsearchException("search", tripped))).isTrue();
    }

    @Test
    void aRefusedQueryIsNotUnavailability() {
        ErrorResponse badRequest = ErrorResponse.of(e -> e.status(400).error(c -> c.type("parsing_exception").reason("bad")));

        assertThat(ElasticsearchAvailability.isUnavailable(new ElasticsearchException("search", badRequest))).isFalse();
    }

    @Test
    void unrelatedFailureIsNotUnavailability() {
        assertThat(ElasticsearchAvailability.isUnavailable(new IllegalStateException("bug"))).isFalse();
    }
}
