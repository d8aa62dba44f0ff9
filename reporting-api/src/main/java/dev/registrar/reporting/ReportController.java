package dev.registrar.reporting;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import dev.registrar.websupport.Requests;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' reports over a time range: access ("which AI clients obtained read:customer_data in Q4, at which versions?") and security. */
@RestController
class ReportController {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AccessReportDocument(AccessReport.Filters query, AccessReport.DistinctCounts distinctCounts, List<AccessReport.Row> rows) {
    }

    private final AccessReport report;
    private final SecurityReport security;
    private final InventoryReport inventory;
    private final Reconciliation reconciliation;
    private final KeyUsageReport keyUsage;

    ReportController(AccessReport report, SecurityReport security, InventoryReport inventory, Reconciliation reconciliation,
                     KeyUsageReport keyUsage) {
        this.report = report;
        this.security = security;
        this.inventory = inventory;
        this.reconciliation = reconciliation;
        this.keyUsage = keyUsage;
    }

    /** Per event type, the event store's count against the event log's: {@code complete} when nothing is missing. */
    @GetMapping("/api/v1/reports/reconciliation")
    Reconciliation.Result reconciliation(@Parameter(hidden = true) Auditor auditor, HttpServletRequest request) throws IOException {
        return reconciliation.run(auditor, Requests.bearer(request).orElseThrow());
    }

    @GetMapping("/api/v1/reports/access")
    AccessReportDocument access(@RequestParam String from, @RequestParam String to,
                                @RequestParam(required = false) String tenant,
                                @RequestParam(required = false) String scope,
                                @RequestParam(name = "software_id", required = false) String softwareId,
                                @RequestParam(name = "software_version", required = false) String softwareVersion,
                                @RequestParam(name = "client_id", required = false) String clientId,
                                @RequestParam(required = false) String subject,
                                @RequestParam(name = "distinct_counts", required = false) String distinctCounts,
                                @Parameter(hidden = true) Auditor auditor)
            throws IOException {
        Range range = Range.of(from, to);
        AccessReport.Filters filters = new AccessReport.Filters(range.from(), range.to(), auditor.confine(tenant), scope, softwareId, softwareVersion,
                clientId, subject, AccessReport.DistinctCounts.of(distinctCounts));
        AccessReport.Answer answer = report.run(filters);
        return new AccessReportDocument(filters, answer.distinctCounts(), answer.rows());
    }

    /** The same report as CSV, for spreadsheets: the question asked and the time range come first, as comments. */
    @GetMapping(path = "/api/v1/reports/access", produces = "text/csv")
    ResponseEntity<String> accessAsCsv(@RequestParam String from, @RequestParam String to,
                                       @RequestParam(required = false) String tenant,
                                       @RequestParam(required = false) String scope,
                                       @RequestParam(name = "software_id", required = false) String softwareId,
                                       @RequestParam(name = "software_version", required = false) String softwareVersion,
                                       @RequestParam(name = "client_id", required = false) String clientId,
                                       @RequestParam(required = false) String subject,
                                       @RequestParam(name = "distinct_counts", required = false) String distinctCounts,
                                       @Parameter(hidden = true) Auditor auditor)
            throws IOException {
        AccessReportDocument report = access(from, to, tenant, scope, softwareId, softwareVersion, clientId, subject, distinctCounts, auditor);
        StringBuilder rows = new StringBuilder();
        for (AccessReport.Row row : report.rows()) {
            rows.append(Csv.line(row.softwareId(), row.softwareVersion(), row.scope(), row.tokens(), row.distinctClients(),
                    row.distinctSubjects(), row.firstSeen(), row.lastSeen()));
        }
        return csv("access", "from=" + report.query().from() + " to=" + report.query().to() + " tenant=" + Csv.orEmpty(report.query().tenant())
                        + " scope=" + Csv.orEmpty(scope) + " software_id=" + Csv.orEmpty(softwareId) + " software_version="
                        + Csv.orEmpty(softwareVersion) + " client_id=" + Csv.orEmpty(clientId) + " subject=" + Csv.orEmpty(subject)
                        + " distinct_counts=" + report.distinctCounts().wire(),
                "software_id,software_version,scope,tokens,distinct_clients,distinct_subjects,first_seen,last_seen", rows);
    }

    @GetMapping("/api/v1/reports/security")
    SecurityReport.Result security(@RequestParam String from, @RequestParam String to,
                                   @RequestParam(required = false) String tenant,
                                   @RequestParam(required = false) String kind, @Parameter(hidden = true) Auditor auditor)
            throws IOException {
        Range range = Range.of(from, to);
        return security.run(new SecurityReport.Filters(range.from(), range.to(), auditor.confine(tenant), kind));
    }

    @GetMapping(path = "/api/v1/reports/security", produces = "text/csv")
    ResponseEntity<String> securityAsCsv(@RequestParam String from, @RequestParam String to,
                                         @RequestParam(required = false) String tenant,
                                         @RequestParam(required = false) String kind, @Parameter(hidden = true) Auditor auditor)
            throws IOException {
        SecurityReport.Result result = security(from, to, tenant, kind, auditor);
        StringBuilder rows = new StringBuilder();
        result.byReason().forEach(row -> rows.append(Csv.line("reason", row.kind() + "/" + row.reason(), row.count())));
        result.bySoftwareId().forEach(row -> rows.append(Csv.line("software_id", row.value(), row.count())));
        result.bySource().forEach(row -> rows.append(Csv.line("source", row.value(), row.count())));
        return csv("security", "from=" + result.query().from() + " to=" + result.query().to() + " tenant=" + Csv.orEmpty(result.query().tenant())
                + " kind=" + Csv.orEmpty(kind) + " total=" + result.total(), "dimension,value,count", rows);
    }

    /** Clients by status, software and method now; registrations per day, week or month in the range. */
    @GetMapping("/api/v1/reports/inventory")
    InventoryReport.Result inventory(@RequestParam String from, @RequestParam String to,
                                     @RequestParam(required = false) String tenant,
                                     @RequestParam(defaultValue = "day") String interval, @Parameter(hidden = true) Auditor auditor)
            throws IOException {
        Range range = Range.of(from, to);
        CalendarInterval calendar = switch (interval) {
            case "day" -> CalendarInterval.Day;
            case "week" -> CalendarInterval.Week;
            case "month" -> CalendarInterval.Month;
            default -> throw new BadReportRequest("interval must be day, week or month");
        };
        return inventory.run(new InventoryReport.Filters(range.from(), range.to(), auditor.confine(tenant), calendar));
    }

    @GetMapping(path = "/api/v1/reports/inventory", produces = "text/csv")
    ResponseEntity<String> inventoryAsCsv(@RequestParam String from, @RequestParam String to,
                                          @RequestParam(required = false) String tenant,
                                          @RequestParam(defaultValue = "day") String interval,
                                          @Parameter(hidden = true) Auditor auditor) throws IOException {
        InventoryReport.Result result = inventory(from, to, tenant, interval, auditor);
        StringBuilder rows = new StringBuilder();
        result.byStatus().forEach(row -> rows.append(Csv.line("status", row.value(), row.count())));
        result.bySoftware().forEach(row -> rows.append(Csv.line("software", row.softwareId() + " " + row.softwareVersion(), row.count())));
        result.byRegistrationMethod().forEach(row -> rows.append(Csv.line("registration_method", row.value(), row.count())));
        result.registrations().forEach(row -> rows.append(Csv.line("registrations", row.from(), row.count())));
        return csv("inventory", "from=" + result.query().from() + " to=" + result.query().to() + " tenant=" + Csv.orEmpty(result.query().tenant())
                + " interval=" + Csv.orEmpty(interval), "dimension,value,count", rows);
    }

    /** Which key was used for what, by whom, when; an auditor of one tenant sees that tenant's keys. */
    @GetMapping("/api/v1/reports/key-usage")
    KeyUsageReport.Result keyUsage(@RequestParam String from, @RequestParam String to,
                                   @RequestParam(required = false) String tenant,
                                   @RequestParam(name = "key_id", required = false) String keyId,
                                   @RequestParam(required = false) String role, @Parameter(hidden = true) Auditor auditor) throws IOException {
        Range range = Range.of(from, to);
        return keyUsage.run(new KeyUsageReport.Filters(range.from(), range.to(), auditor.confine(tenant), keyId, role));
    }

    @GetMapping(path = "/api/v1/reports/key-usage", produces = "text/csv")
    ResponseEntity<String> keyUsageAsCsv(@RequestParam String from, @RequestParam String to,
                                         @RequestParam(required = false) String tenant,
                                         @RequestParam(name = "key_id", required = false) String keyId,
                                         @RequestParam(required = false) String role,
                                         @Parameter(hidden = true) Auditor auditor) throws IOException {
        KeyUsageReport.Result result = keyUsage(from, to, tenant, keyId, role, auditor);
        StringBuilder rows = new StringBuilder();
        result.keys().forEach(key -> key.operations().forEach(operation -> rows.append(Csv.line(key.keyId(), key.role(),
                Csv.orEmpty(key.tenant()), operation.operation(), operation.status(), operation.calls(), key.firstUsed(), key.lastUsed()))));
        return csv("key-usage", "from=" + result.query().from() + " to=" + result.query().to() + " tenant="
                        + Csv.orEmpty(result.query().tenant()) + " key_id=" + Csv.orEmpty(keyId) + " role=" + Csv.orEmpty(role),
                "key_id,role,tenant,operation,status,calls,first_used,last_used", rows);
    }

    /** A CSV file: what it is and the question asked as comment lines, then the header and the rows. */
    private static ResponseEntity<String> csv(String report, String query, String header, CharSequence rows) {
        String body = "# registrar " + report + " report\n# " + query + "\n" + header + "\n" + rows;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report + "-report.csv\"")
                .body(body);
    }

    /** A report's time range, [from, to). */
    private record Range(Instant from, Instant to) {

        static Range of(String from, String to) {
            Range range = new Range(ReportParameters.instant("from", from), ReportParameters.instant("to", to));
            if (!range.from().isBefore(range.to())) {
                throw new BadReportRequest("from must be before to");
            }
            return range;
        }
    }
}
