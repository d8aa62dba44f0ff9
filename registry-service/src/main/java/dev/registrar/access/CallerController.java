package dev.registrar.access;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.registrar.tenancy.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who an auditor key stands for: reporting-api asks, with the key its caller presented, before each
 * report, so a key revoked here stops working there at once and its use there is recorded here too.
 */
@RestController
class CallerController {

    /** The header in which reporting-api names the report the auditor called. */
    static final String OPERATION_HEADER = "X-Registrar-Operation";
    private static final int MAX_OPERATION_LENGTH = 200;

    /** @param tenant the one tenant the auditor may see; absent for every tenant */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Identity(String keyId, String role, String tenant) {
    }

    @GetMapping("/audit/v1/caller")
    Identity caller(Caller.Auditor auditor, @RequestHeader(name = OPERATION_HEADER, required = false) String operation,
                    HttpServletRequest request) {
        if (operation != null && !operation.isBlank()) {
            KeyUsage.nameOperation(request, "reporting-api " + printable(operation));
        }
        return new Identity(auditor.keyId(), auditor.role(), auditor.tenant());
    }

    private static String printable(String operation) {
        String bounded = operation.length() > MAX_OPERATION_LENGTH ? operation.substring(0, MAX_OPERATION_LENGTH) : operation;
        return bounded.replaceAll("\\p{Cntrl}", "?");
    }
}
