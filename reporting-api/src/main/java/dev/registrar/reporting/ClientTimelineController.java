package dev.registrar.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
class ClientTimelineController {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClientTimeline(@JsonProperty("client_id") String clientId, List<ObjectNode> events,
                          @JsonProperty("next_after") Long nextAfter) {
    }

    private final ClientTimelineReport report;

    ClientTimelineController(ClientTimelineReport report) {
        this.report = report;
    }

    /**
     * The events of one client as published envelopes, oldest first, a page at a time: pass the
     * page's {@code next_after} as {@code after} for the next one. An unknown client has no events, nor
     * has, to an auditor of one tenant, another tenant's client.
     */
    @GetMapping("/api/v1/clients/{clientId}/events")
    ClientTimeline timeline(@PathVariable String clientId, @RequestParam(required = false) Long after,
                            @RequestParam(required = false) Integer size, @Parameter(hidden = true) Auditor auditor)
            throws IOException {
        int pageSize = size == null ? report.maxPage() : Math.max(1, Math.min(size, report.maxPage()));
        List<ObjectNode> events = report.page(clientId, auditor.tenant(), after, pageSize);
        Long next = events.size() == pageSize ? events.get(events.size() - 1).get("aggregateSequence").asLong() : null;
        return new ClientTimeline(clientId, events, next);
    }

    /** The whole timeline as CSV, streamed page by page however long it is. */
    @GetMapping(path = "/api/v1/clients/{clientId}/events", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> timelineAsCsv(@PathVariable String clientId, @Parameter(hidden = true) Auditor auditor) {
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write("# registrar client timeline\n# client_id=" + Csv.orEmpty(clientId) + "\n");
            writer.write("aggregate_sequence,occurred_at,type,event_id,tenant,actor_kind,actor_id,remote_address\n");
            Long after = null;
            List<ObjectNode> page;
            do {
                page = report.page(clientId, auditor.tenant(), after, report.maxPage());
                for (ObjectNode event : page) {
                    writer.write(Csv.line(event.path("aggregateSequence").asLong(), event.path("occurredAt").asText(),
                            event.path("type").asText(), event.path("eventId").asText(), event.path("tenant").asText(),
                            event.path("actor").path("kind").asText(), event.path("actor").path("id").asText(),
                            event.path("actor").path("remoteAddress").asText()));
                    after = event.path("aggregateSequence").asLong();
                }
                writer.flush();
            } while (page.size() == report.maxPage());
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"client-timeline.csv\"")
                .body(body);
    }
}
