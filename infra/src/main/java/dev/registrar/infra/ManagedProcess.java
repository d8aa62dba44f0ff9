package dev.registrar.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server process started by the stack, remembered in a pid file so that a later start can find
 * and replace one left behind by a stack that died without stopping it.
 */
final class ManagedProcess {

    private final String name;
    private final Path pidFile;
    private final Path logFile;
    private final String marker;
    private Process process;

    /**
     * @param marker text that appears on the command line of every process this one starts; it
     *               keeps a recycled pid of some unrelated program from being taken for ours
     */
    ManagedProcess(String name, Path pidFile, Path logFile, String marker) {
        this.name = name;
        this.pidFile = pidFile;
        this.logFile = logFile;
        this.marker = marker;
    }

    Path logFile() {
        return logFile;
    }

    /** Stops a process of ours that a previous stack left running. */
    void replaceStale() throws IOException {
        Optional<ProcessHandle> stale = recordedProcess();
        if (stale.isPresent()) {
            StackLog.say("replacing a stale %s left running (pid %d)", name, stale.get().pid());
            stopTree(stale.get(), Duration.ofSeconds(20));
        }
        Files.deleteIfExists(pidFile);
    }

    void start(List<String> command, Map<String, String> environment, Path workDir) throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.createDirectories(pidFile.getParent());
        // A session of its own: Ctrl-C on the stack's terminal reaches only the stack, which then
        // stops the services before the servers they depend on.
        List<String> detached = new java.util.ArrayList<>(command);
        detached.add(0, "setsid");
        ProcessBuilder builder = new ProcessBuilder(detached)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        Files.writeString(pidFile, Long.toString(process.pid()));
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The process and its children, while it runs. */
    Stream<ProcessHandle> processes() {
        return process == null ? Stream.empty()
                : Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants());
    }

    /** Fails with the log's location when the process has already exited. */
    void checkAlive() {
        if (process != null && !process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + logFile);
        }
    }

    /** SIGKILL, at once, to the process and its children: a crash, as fault injection wants one. */
    void kill() {
        processes().toList().forEach(ProcessHandle::destroyForcibly);
    }

    void stop(Duration grace) throws IOException {
        if (process != null) {
            stopTree(process.toHandle(), grace);
            process = null;
        }
        Files.deleteIfExists(pidFile);
    }

    private Optional<ProcessHandle> recordedProcess() throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(marker)).orElse(false));
    }

    /**
     * Asks the process and its children to stop, then kills what is left after the grace period.
     * Children count: the Elasticsearch launcher runs the server in a child JVM.
     */
    private static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        }
    }
}
