package dev.registrar.reporting;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.net.ConnectException;
import org.elasticsearch.client.ResponseException;

/**
 * Tells a failure caused by Elasticsearch being down, not ready (no shard yet) or overloaded (a
 * tripped circuit breaker or a full queue, answered 429) from any other: the caller may retry those.
 */
final class ElasticsearchAvailability {

    private static final int SERVICE_UNAVAILABLE = 503;
    private static final int TOO_MANY_REQUESTS = 429;

    private ElasticsearchAvailability() {
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            boolean unavailable = switch (cause) {
                case ElasticsearchException elastic -> retryable(elastic.status());
                case ResponseException response -> retryable(response.getResponse().getStatusLine().getStatusCode());
                case ConnectException refused -> true;
                default -> false;
            };
            if (unavailable) {
                return true;
            }
        }
        return false;
    }

    private static boolean retryable(int status) {
        return status == SERVICE_UNAVAILABLE || status == TOO_MANY_REQUESTS;
    }
}
