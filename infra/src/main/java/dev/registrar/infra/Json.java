package dev.registrar.infra;

import java.util.Map;
import java.util.stream.Collectors;

/** Just enough JSON for flat property maps: infra stays free of a JSON library. */
final class Json {

    private Json() {
    }

    static String object(Map<String, Object> properties) {
        return properties.entrySet().stream()
                .map(entry -> string(entry.getKey()) + ":" + value(entry.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(Object value) {
        return value instanceof Number || value instanceof Boolean ? value.toString() : string(String.valueOf(value));
    }

    private static String string(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
