package dev.registrar.websupport;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants in the one form the services write them, ISO-8601 in UTC ({@code 2026-11-23T17:43:14.123456Z}),
 * formatted and parsed by hand: through {@link DateTimeFormatter#ISO_INSTANT} they took about a tenth
 * of audit-projector's CPU samples and of registry-service's while token batches arrived, every token
 * event carrying three of them. The output is the formatter's, character for character;
 * what this does not recognise is left to the formatter.
 */
final class IsoInstants {

    private static final int[] FRACTION_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoInstants() {
    }

    /** As {@link DateTimeFormatter#ISO_INSTANT} formats it: no fraction, or three, six or nine digits of it. */
    static String format(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        StringBuilder text = new StringBuilder(30);
        digits(text, year, 4).append('-');
        digits(text, time.getMonthValue(), 2).append('-');
        digits(text, time.getDayOfMonth(), 2).append('T');
        digits(text, time.getHour(), 2).append(':');
        digits(text, time.getMinute(), 2).append(':');
        digits(text, time.getSecond(), 2);
        int nanos = instant.getNano();
        if (nanos != 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                digits(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                digits(text, nanos / 1_000, 6);
            } else {
                digits(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    /** {@code uuuu-MM-ddTHH:mm:ss[.f…]Z} with up to nine fraction digits; {@code null} for any other text. */
    static Instant parseOrNull(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits == 0) {
                return null;
            }
            int fraction = number(text, 20, length - 1);
            nanos = fraction < 0 ? -1 : fraction * FRACTION_SCALE[fractionDigits];
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException noSuchDate) {
            return null;
        }
    }

    /** The decimal number in text[from, to), or -1 where a character is not a digit. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** The value, zero-padded on the left to {@code width} digits. */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        for (int bound = 10, place = 1; place < width; place++, bound *= 10) {
            if (value < bound) {
                text.append('0');
            }
        }
        return text.append(value);
    }
}
