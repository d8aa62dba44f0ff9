package dev.registrar.publishing;

import dev.registrar.tenancy.Caller;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Auditors (and reporting-api's reconciliation) ask how many events of each type the store holds; an
 * auditor of one tenant, how many of that tenant's.
 */
@RestController
class EventCountController {

    private final EventStoreCountRepository counts;

    EventCountController(EventStoreCountRepository counts) {
        this.counts = counts;
    }

    @GetMapping("/audit/v1/event-counts")
    Map<String, Long> eventCounts(Caller.Auditor auditor) {
        return counts.countsByWireType(auditor.tenant());
    }
}
