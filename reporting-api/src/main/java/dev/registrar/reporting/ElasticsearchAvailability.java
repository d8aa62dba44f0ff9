package dev.registrar.reporting;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.net.ConnectException;
import org.elasticsearch.client.ResponseException;

/** Tells a failure caused by Elasticsearch being down or not ready (no shard yet) from any other. */
final class ElasticsearchAvailability {

    private static final int SERVICE_UNAVAILABLE = 503;

    private ElasticsearchAvailability() {
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            boolean unavailable = switch (cause) {
                case ElasticsearchException elastic -> elastic.status() == SERVICE_UNAVAILABLE;
                case ResponseException response -> response.getResponse().getStatusLine().getStatusCode() == SERVICE_UNAVAILABLE;
                case ConnectException refused -> true;
                default -> false;
            };
            if (unavailable) {
                return true;
            }
        }
        return false;
    }
}
