package dev.registrar.reporting;

/** A report was asked for with parameters it cannot answer; answered 400 with the reason. */
final class BadReportRequest extends RuntimeException {

    BadReportRequest(String reason) {
        super(reason, null, false, false);
    }
}
