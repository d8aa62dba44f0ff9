package dev.registrar.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where one stack keeps its data and which ports it listens on. Stacks are named by profile
 * ({@code dev} for the local stack, {@code test} for the test extension), so a test run never
 * touches the data of a running development stack: each profile has its own folder under
 * {@code .devstack/} and its own port offset.
 */
public record StackSettings(Path home, String profile, int portOffset, boolean fresh) {

    public static final String HOME_PROPERTY = "registrar.home";

    public StackSettings {
        home = home.toAbsolutePath().normalize();
    }

    /** Reads REGISTRAR_PORT_OFFSET from the environment; the profile decides the default offset. */
    public static StackSettings forProfile(String profile, boolean fresh, Map<String, String> environment) {
        int defaultOffset = switch (profile) {
            case "dev" -> 0;
            case "test" -> 10_000;
            case "e2e" -> 5_000;
            case "faults" -> 3_000;
            case "bench" -> 4_000;
            default -> 20_000;
        };
        int offset = Optional.ofNullable(environment.get("REGISTRAR_PORT_OFFSET"))
                .map(Integer::parseInt)
                .orElse(defaultOffset);
        return new StackSettings(locateHome(environment), profile, offset, fresh);
    }

    /** The same stack, started again on the data it has. */
    public StackSettings reused() {
        return new StackSettings(home, profile, portOffset, false);
    }

    public Path stackDir() {
        return home.resolve(".devstack").resolve(profile);
    }

    public Path logDir() {
        return stackDir().resolve("logs");
    }

    public int port(int base) {
        return base + portOffset;
    }

    public String databaseName() {
        return "dev".equals(profile) ? "registrar" : "registrar_" + profile.replaceAll("[^A-Za-z0-9]", "_");
    }

    /** The checkout: the system property, then REGISTRAR_HOME, then the nearest folder up holding mvnw and infra/. */
    static Path locateHome(Map<String, String> environment) {
        String configured = Optional.ofNullable(System.getProperty(HOME_PROPERTY))
                .orElse(environment.get("REGISTRAR_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the Registrar checkout: run from inside it or set REGISTRAR_HOME");
    }
}
