package dev.registrar.publishing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators start a replay of the event store to Kafka and follow its progress ({@code ./replay} does both). */
@RestController
class ReplayController {

    record ProgressDocument(boolean replaying, long position, long head, int percent) {

        static ProgressDocument of(Replay.Progress progress) {
            return new ProgressDocument(progress.replaying(), progress.position(), progress.head(), progress.percent());
        }
    }

    private final Replay replay;

    ReplayController(Replay replay) {
        this.replay = replay;
    }

    @PostMapping("/admin/v1/replay")
    ResponseEntity<ProgressDocument> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ProgressDocument.of(replay.start()));
    }

    @GetMapping("/admin/v1/replay")
    ProgressDocument progress() {
        return ProgressDocument.of(replay.progress());
    }
}
