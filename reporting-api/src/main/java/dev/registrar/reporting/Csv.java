package dev.registrar.reporting;

import java.util.Arrays;
import java.util.stream.Collectors;

/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. */
final class Csv {

    private Csv() {
    }

    static String line(Object... fields) {
        return Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(",", "", "\n"));
    }

    static String orEmpty(String value) {
        return value == null ? "" : field(value);
    }

    private static String field(Object value) {
        String text = value == null ? "" : value.toString();
        // A leading =, +, - or @ would make a spreadsheet run the field as a formula.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches(".*[,\"\\r\\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
