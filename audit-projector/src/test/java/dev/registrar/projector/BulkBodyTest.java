package dev.registrar.projector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkBodyTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyOperationIsAnActionLineAndADocumentLineAndTheBodyEndsWithANewline() throws Exception {
        BulkBody body = new BulkBody(json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE));
        body.indexJson("registrar-events-2026.11", "e-1", "{\"type\":\"token.issued\",\"payload\":{\"tokenId\":\"t-1\"}}");
        body.index("registrar-tokens-2026.11", "t-1", Map.of("tokenId", "t-1", "scopes", List.of("mcp:tools")));
        body.indexVersioned("registrar-clients", "c-1", 4, Map.of("status", "revoked"));
        body.update("registrar-tokens-2026.11", "t-2", Map.of("revokedAt", "2026-11-22T10:00:00Z"), Map.of("tokenId", "t-2"));

        String text = new String(body.toByteArray(), StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        List<JsonNode> lines = Arrays.stream(text.split("\n")).map(this::parse).toList();
        assertThat(lines).hasSize(8);

        assertThat(lines.get(0)).isEqualTo(parse("{\"index\":{\"_index\":\"registrar-events-2026.11\",\"_id\":\"e-1\"}}"));
        assertThat(lines.get(1).at("/payload/tokenId").asText()).isEqualTo("t-1");
        assertThat(lines.get(2)).isEqualTo(parse("{\"index\":{\"_index\":\"registrar-tokens-2026.11\",\"_id\":\"t-1\"}}"));
        assertThat(lines.get(3)).isEqualTo(parse("{\"tokenId\":\"t-1\",\"scopes\":[\"mcp:tools\"]}"));
        assertThat(lines.get(4)).isEqualTo(parse(
                "{\"index\":{\"_index\":\"registrar-clients\",\"_id\":\"c-1\",\"version\":4,\"version_type\":\"external\"}}"));
        assertThat(lines.get(5)).isEqualTo(parse("{\"status\":\"revoked\"}"));
        assertThat(lines.get(6)).isEqualTo(parse("{\"update\":{\"_index\":\"registrar-tokens-2026.11\",\"_id\":\"t-2\"}}"));
        assertThat(lines.get(7)).isEqualTo(parse("{\"doc\":{\"revokedAt\":\"2026-11-22T10:00:00Z\"},\"upsert\":{\"tokenId\":\"t-2\"}}"));
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (Exception notJson) {
            throw new AssertionError("not a JSON line: " + line, notJson);
        }
    }
}
