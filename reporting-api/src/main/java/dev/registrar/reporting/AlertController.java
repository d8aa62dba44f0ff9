package dev.registrar.reporting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The anomaly detector's alerts for auditors and security teams: list, read, acknowledge. */
@RestController
class AlertController {

    private static final int MAX_PAGE = 1000;

    record Acknowledgement(@Size(max = 1000) String note) {
    }

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    /** Alerts newest first; {@code from}/{@code to} bound when they opened, {@code acknowledged} filters by acknowledgement. */
    @GetMapping("/api/v1/alerts")
    Alerts.Result list(@RequestParam(required = false) String kind, @RequestParam(required = false) String tenant,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) Boolean acknowledged,
                       @RequestParam(defaultValue = "100") int size, @Parameter(hidden = true) Auditor auditor) throws IOException {
        if ((from == null) != (to == null)) {
            throw new BadReportRequest("give both from and to, or neither");
        }
        Instant start = from == null ? null : ReportParameters.instant("from", from);
        Instant end = to == null ? null : ReportParameters.instant("to", to);
        if (start != null && !start.isBefore(end)) {
            throw new BadReportRequest("from must be before to");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw new BadReportRequest("size must be between 1 and " + MAX_PAGE);
        }
        return alerts.list(new Alerts.Filters(kind, auditor.confine(tenant), start, end, acknowledged, size));
    }

    @GetMapping("/api/v1/alerts/{alertId}")
    ObjectNode get(@PathVariable String alertId, @Parameter(hidden = true) Auditor auditor) throws IOException {
        return alerts.get(alertId, auditor);
    }

    /** Marks an alert as seen by an auditor; it stays listed, and the detector's later updates keep the acknowledgement. */
    @PostMapping("/api/v1/alerts/{alertId}/acknowledgement")
    ObjectNode acknowledge(@PathVariable String alertId, @Valid @RequestBody(required = false) Acknowledgement acknowledgement,
                           @Parameter(hidden = true) Auditor auditor) throws IOException {
        return alerts.acknowledge(alertId, auditor, acknowledgement == null ? null : acknowledgement.note());
    }
}
