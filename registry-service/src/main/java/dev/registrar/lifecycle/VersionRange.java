package dev.registrar.lifecycle;

/**
 * Which software versions a bulk revocation hits: one exact version, or an inclusive range compared
 * part by part ({@code 1.10.0} is after {@code 1.9.2}; numeric parts numerically, others as text).
 */
record VersionRange(String from, String to) {

    static VersionRange exactly(String version) {
        return new VersionRange(version, version);
    }

    boolean contains(String version) {
        return version != null && compare(from, version) <= 0 && compare(version, to) <= 0;
    }

    static int compare(String left, String right) {
        String[] a = left.split("[.\\-+]");
        String[] b = right.split("[.\\-+]");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "0";
            String y = i < b.length ? b[i] : "0";
            int order = x.matches("\\d{1,18}") && y.matches("\\d{1,18}") ? Long.compare(Long.parseLong(x), Long.parseLong(y)) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
