package dev.registrar.projector;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * One bulk request's body, written as Elasticsearch reads it — per operation an action line, then
 * its document, each on a line of its own — straight into one buffer. The Java client's bulk builder
 * made an object per operation and serialized each into a buffer of its own: two fifths of the
 * projector's CPU samples during a replay.
 */
final class BulkBody {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
    private final JsonGenerator lines;
    private final ObjectWriter documents;

    /** @param documents writes a document as the application's ObjectMapper does, without flushing after each */
    BulkBody(ObjectWriter documents) throws IOException {
        this.documents = documents;
        this.lines = documents.createGenerator(bytes);
        lines.setRootValueSeparator(null);
    }

    /** Indexes a document that is already JSON, as it is. */
    void indexJson(String index, String id, String json) throws IOException {
        action("index", index, id, -1);
        lines.writeRaw(json);
        lines.writeRaw('\n');
    }

    void index(String index, String id, Object document) throws IOException {
        action("index", index, id, -1);
        document(document);
    }

    /** Indexes unless the stored document's version is this one or higher (external versioning). */
    void indexVersioned(String index, String id, long version, Object document) throws IOException {
        action("index", index, id, version);
        document(document);
    }

    /** Merges {@code partial} into the stored document, or stores {@code upsert} where there is none. */
    void update(String index, String id, Object partial, Object upsert) throws IOException {
        action("update", index, id, -1);
        lines.writeStartObject();
        lines.writeFieldName("doc");
        documents.writeValue(lines, partial);
        lines.writeFieldName("upsert");
        documents.writeValue(lines, upsert);
        lines.writeEndObject();
        lines.writeRaw('\n');
    }

    byte[] toByteArray() throws IOException {
        lines.flush();
        return bytes.toByteArray();
    }

    private void document(Object document) throws IOException {
        documents.writeValue(lines, document);
        lines.writeRaw('\n');
    }

    private void action(String kind, String index, String id, long externalVersion) throws IOException {
        lines.writeStartObject();
        lines.writeObjectFieldStart(kind);
        lines.writeStringField("_index", index);
        lines.writeStringField("_id", id);
        if (externalVersion >= 0) {
            lines.writeNumberField("version", externalVersion);
            lines.writeStringField("version_type", "external");
        }
        lines.writeEndObject();
        lines.writeEndObject();
        lines.writeRaw('\n');
    }
}
