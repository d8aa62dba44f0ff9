package dev.registrar.publishing;

import dev.registrar.errors.InvalidRequest;
import dev.registrar.tenancy.Caller;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auditors (and reporting-api's reconciliation) ask how many events of each type the store holds, of
 * every tenant or of one; an auditor of one tenant, always of that tenant's.
 */
@RestController
class EventCountController {

    private final EventStoreCountRepository counts;

    EventCountController(EventStoreCountRepository counts) {
        this.counts = counts;
    }

    @GetMapping("/audit/v1/event-counts")
    Map<String, Long> eventCounts(Caller.Auditor auditor, @RequestParam(required = false) String tenant) {
        if (auditor.tenant() != null && tenant != null && !tenant.equals(auditor.tenant())) {
            throw new InvalidRequest("this auditor key sees tenant " + auditor.tenant() + " only");
        }
        return counts.countsByWireType(auditor.tenant() != null ? auditor.tenant() : tenant);
    }
}
