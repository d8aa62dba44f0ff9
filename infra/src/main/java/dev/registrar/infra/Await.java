package dev.registrar.infra;

import java.time.Duration;

/** Bounded waiting for a server to become ready, with a message that says where to look when it does not. */
final class Await {

    @FunctionalInterface
    interface Probe {
        boolean ready() throws Exception;
    }

    private Await() {
    }

    static void until(String what, Duration timeout, Runnable stillRunning, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            stillRunning.run();
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (Exception notYet) {
                last = notYet;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, interrupted);
            }
        }
        throw new IllegalStateException(what + " was not ready within " + timeout.toSeconds() + " s"
                + (last == null ? "" : " (last error: " + last.getMessage() + ")"));
    }
}
