package dev.registrar.reporting;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Framework errors as problem details; Elasticsearch being away or not ready as a 503 the caller
 * may retry; anything unexpected as a generic 500 with a correlation id in the log.
 */
@RestControllerAdvice
class ErrorResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    @ExceptionHandler(BadReportRequest.class)
    ResponseEntity<ProblemDetail> badRequest(BadReportRequest bad) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-report-request", bad.getMessage()));
    }

    @ExceptionHandler(AccessReport.TooManyToCountExactly.class)
    ResponseEntity<ProblemDetail> tooManyToCountExactly(AccessReport.TooManyToCountExactly tooMany) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.BAD_REQUEST, "report-too-large", tooMany.getMessage()));
    }

    @ExceptionHandler(Alerts.AlertNotFound.class)
    ResponseEntity<ProblemDetail> alertNotFound(Alerts.AlertNotFound missing) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.NOT_FOUND, "alert-not-found", missing.getMessage()));
    }

    @ExceptionHandler(Auditor.OutOfScope.class)
    ResponseEntity<ProblemDetail> outOfScope(Auditor.OutOfScope outOfScope) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.FORBIDDEN, "tenant-out-of-scope", outOfScope.getMessage()));
    }

    @ExceptionHandler(RegistryUnavailable.class)
    ResponseEntity<ProblemDetail> registryUnavailable(RegistryUnavailable unavailable) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable", unavailable.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        if (ElasticsearchAvailability.isUnavailable(failure)) {
            log.warn("Elasticsearch unavailable: {}", failure.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "reporting-store-unavailable",
                            "the reporting store (Elasticsearch) is not available right now; retry shortly"));
        }
        String correlationId = UUID.randomUUID().toString();
        log.error("unexpected failure, correlation id {}", correlationId, failure);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                        "the request failed unexpectedly; quote correlation id " + correlationId));
    }
}
