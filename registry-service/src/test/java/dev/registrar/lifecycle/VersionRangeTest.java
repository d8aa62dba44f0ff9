package dev.registrar.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionRangeTest {

    @Test
    void exactVersionContainsOnlyItself() {
        assertThat(VersionRange.exactly("1.4.0").contains("1.4.0")).isTrue();
        assertThat(VersionRange.exactly("1.4.0").contains("1.4.1")).isFalse();
        assertThat(VersionRange.exactly("1.4.0").contains(null)).isFalse();
    }

    @Test
    void numericPartsCompareNumericallyNotAsText() {
        VersionRange range = new VersionRange("1.9.0", "1.10.0");

        assertThat(range.contains("1.9.5")).isTrue();
        assertThat(range.contains("1.10.0")).isTrue();
        assertThat(range.contains("1.2.0")).isFalse();
        assertThat(range.contains("1.11.0")).isFalse();
    }

    @Test
    void missingPartsCountAsZero() {
        assertThat(new VersionRange("2", "2.0.0").contains("2.0")).isTrue();
    }
}
