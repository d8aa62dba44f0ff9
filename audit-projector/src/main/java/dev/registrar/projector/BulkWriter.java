package dev.registrar.projector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.springframework.stereotype.Component;

/** Sends bulk bodies to Elasticsearch and reads back only the items that failed. */
@Component
class BulkWriter {

    /**
     * The bulk answer, cut to the failed items' errors. Unfiltered, it repeats index, id, version,
     * result, shard counts and sequence numbers for every document; receiving and reading that was a
     * sixth of the projector's CPU samples while token batches arrived.
     */
    private static final String FAILED_ITEMS = "errors,items.*.error.type,items.*.error.reason,items.*.error.index";
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson");

    /** What Elasticsearch says of a failed item. */
    record ItemError(String type, String reason, String index) {
    }

    private record Item(ItemError error) {
    }

    private record Answer(boolean errors, List<Map<String, Item>> items) {
    }

    private final RestClient elasticsearch;
    private final ObjectWriter documents;
    private final ObjectReader answers;

    BulkWriter(RestClient elasticsearch, ObjectMapper json) {
        this.elasticsearch = elasticsearch;
        this.documents = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        this.answers = json.readerFor(Answer.class);
    }

    BulkBody body() throws IOException {
        return new BulkBody(documents);
    }

    /** The errors of the items that failed; empty when every item succeeded. */
    List<ItemError> write(BulkBody body) throws IOException {
        Request request = new Request("POST", "/_bulk");
        request.addParameter("filter_path", FAILED_ITEMS);
        request.setEntity(new ByteArrayEntity(body.toByteArray(), NDJSON));
        Response response = elasticsearch.performRequest(request);
        Answer answer;
        try (InputStream content = response.getEntity().getContent()) {
            answer = answers.readValue(content);
        }
        if (!answer.errors() || answer.items() == null) {
            return List.of();
        }
        return answer.items().stream()
                .flatMap(item -> item.values().stream())
                .map(Item::error)
                .filter(Objects::nonNull)
                .toList();
    }
}
