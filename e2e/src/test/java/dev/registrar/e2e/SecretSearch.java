package dev.registrar.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Looks for secrets in the clear wherever the stack keeps or sends data, and remembers how much it
 * read in each place, so an empty finding means something only when the places were not empty.
 */
final class SecretSearch {

    private final List<String> secrets;
    private final Map<String, Long> searched = new LinkedHashMap<>();
    private final List<String> found = new ArrayList<>();

    SecretSearch(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    Map<String, Long> searched() {
        return searched;
    }

    List<String> found() {
        return found;
    }

    /** Every row of every table, bytea columns (the event store's payloads) read as UTF-8. */
    void database(String jdbcUrl, String user, String password) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password.isEmpty() ? null : password);
             Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select * from \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        count("database rows", 1);
                        for (int column = 1; column <= columns; column++) {
                            Object value = rows.getObject(column);
                            String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
                            look("table " + table, text);
                        }
                    }
                }
            }
        }
    }

    /** Every record of every topic but Kafka's own, from the beginning. */
    void kafka(String bootstrap) {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = admin.listTopics().names().get().stream().filter(topic -> !topic.startsWith("__")).collect(Collectors.toSet());
        } catch (Exception unavailable) {
            throw new IllegalStateException("Kafka could not be listed", unavailable);
        }
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "secret-search-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    count("kafka records", 1);
                    String where = "topic " + record.topic();
                    look(where, record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
                    look(where, record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
                    record.headers().forEach(header -> look(where, new String(header.value(), StandardCharsets.UTF_8)));
                }
            }
        }
    }

    /** Every document of every index, as Elasticsearch returns it. */
    void elasticsearch(String url, HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> all = http.send(HttpRequest.newBuilder(URI.create(url + "/_all/_search?size=10000&expand_wildcards=all"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (all.statusCode() != 200) {
            throw new IllegalStateException("Elasticsearch answered " + all.statusCode() + ": " + all.body());
        }
        count("elasticsearch documents", all.body().split("\"_id\"", -1).length - 1L);
        look("elasticsearch", all.body());
    }

    /** Every log the stack wrote: the services' and the servers'. */
    void logs(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                count("log bytes", text.length());
                look("log " + folder.relativize(file), text);
            }
        }
    }

    private void look(String where, String text) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                found.add(secret.substring(0, 4) + "… in " + where);
            }
        }
    }

    private void count(String place, long amount) {
        searched.merge(place, amount, Long::sum);
    }
}
