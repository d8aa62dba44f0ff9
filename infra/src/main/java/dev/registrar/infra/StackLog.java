package dev.registrar.infra;

/** What the stack tells the person who started it: one line per step, on standard output. */
final class StackLog {

    private StackLog() {
    }

    static void say(String format, Object... args) {
        System.out.printf("[registrar] " + format + "%n", args);
        System.out.flush();
    }
}
