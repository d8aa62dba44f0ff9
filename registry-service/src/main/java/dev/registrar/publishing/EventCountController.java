package dev.registrar.publishing;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Auditors (and reporting-api's reconciliation) ask how many events of each type the store holds. */
@RestController
class EventCountController {

    private final EventStoreCountRepository counts;

    EventCountController(EventStoreCountRepository counts) {
        this.counts = counts;
    }

    @GetMapping("/audit/v1/event-counts")
    Map<String, Long> eventCounts() {
        return counts.countsByWireType();
    }
}
