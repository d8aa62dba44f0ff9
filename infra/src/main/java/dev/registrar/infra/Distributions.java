package dev.registrar.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the server distributions laid out by infra/server-dist are, and which versions they are. */
final class Distributions {

    private static final String BUILD_HINT = "; build it with ./mvnw -q -pl infra/server-dist generate-resources";

    private Distributions() {
    }

    static String kafkaVersion() {
        return versions().getProperty("kafka.version");
    }

    static String elasticsearchVersion() {
        return versions().getProperty("elasticsearch.version");
    }

    static Path kafkaLibs(Path home) {
        return existing(home.resolve("infra/server-dist/target/kafka/libs"), "the Kafka broker's jars");
    }

    static Path elasticsearchZip(Path home) {
        return existing(home.resolve("infra/server-dist/target/elasticsearch/elasticsearch.zip"), "the Elasticsearch distribution");
    }

    /** The java of the JVM running the stack: a JDK >= 21, which the scripts already chose. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    private static Path existing(Path path, String what) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(what + " is missing at " + path + BUILD_HINT);
        }
        return path;
    }

    private static Properties versions() {
        Properties properties = new Properties();
        try (InputStream in = Distributions.class.getResourceAsStream("/registrar-infra.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
