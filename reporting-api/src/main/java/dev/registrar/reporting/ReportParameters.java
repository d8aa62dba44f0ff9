package dev.registrar.reporting;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reading the query parameters reports share. */
final class ReportParameters {

    private ReportParameters() {
    }

    static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException malformed) {
            throw new BadReportRequest(name + " must be an ISO-8601 instant, e.g. 2026-10-01T00:00:00Z");
        }
    }
}
