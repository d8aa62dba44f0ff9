package dev.registrar.websupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class IsoInstantsTest {

    @Test
    void formatsAndParsesAsTheJdksFormatterDoes() {
        SplittableRandom random = new SplittableRandom(7);
        long year0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long year3000 = Instant.parse("3000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(year0, year3000), nanos);
            String expected = DateTimeFormatter.ISO_INSTANT.format(instant);

            assertThat(IsoInstants.format(instant)).isEqualTo(expected);
            assertThat(IsoInstants.parseOrNull(expected)).isEqualTo(instant);
        }
    }

    @Test
    void leavesYearsBeyondFourDigitsToTheFormatter() {
        Instant farAhead = Instant.parse("+12026-11-23T17:43:14Z");
        Instant longAgo = Instant.parse("-0001-12-31T23:59:59Z");

        assertThat(IsoInstants.format(farAhead)).isEqualTo("+12026-11-23T17:43:14Z");
        assertThat(IsoInstants.format(longAgo)).isEqualTo("-0001-12-31T23:59:59Z");
    }

    @Test
    void parsesEveryFractionLength() {
        assertThat(IsoInstants.parseOrNull("2026-11-23T17:43:14.1Z")).isEqualTo(Instant.parse("2026-11-23T17:43:14.100Z"));
        assertThat(IsoInstants.parseOrNull("2026-11-23T17:43:14.12345Z")).isEqualTo(Instant.parse("2026-11-23T17:43:14.12345Z"));
        assertThat(IsoInstants.parseOrNull("1970-01-01T00:00:00.000000001Z")).isEqualTo(Instant.ofEpochSecond(0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-23T17:43:14+01:00", "2026-11-23t17:43:14z", "2026-02-30T00:00:00Z", "2026-11-23T24:00:00Z",
            "2026-11-23T17:43:14.Z", "2026-11-23T17:43:14.1234567890Z", "2026-1a-23T17:43:14Z", "+12026-11-23T17:43:14Z", "yesterday"})
    void leavesAnyOtherTextToTheFormatter(String text) {
        assertThat(IsoInstants.parseOrNull(text)).isNull();
    }

    @Test
    void theServicesObjectMapperWritesAndReadsInstantsThroughThem() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withUserConfiguration(IsoInstantJson.class)
                .run(context -> {
                    ObjectMapper json = context.getBean(ObjectMapper.class);
                    Instant instant = Instant.parse("2026-11-23T17:43:14.123456Z");

                    assertThat(json.getSerializerProviderInstance().findValueSerializer(Instant.class))
                            .isInstanceOf(IsoInstantJson.Writer.class);
                    assertThat(json.writeValueAsString(instant)).isEqualTo("\"2026-11-23T17:43:14.123456Z\"");
                    assertThat(json.readValue("\"2026-11-23T17:43:14.123456Z\"", Instant.class)).isEqualTo(instant);
                    assertThat(json.readValue("\"2026-11-23T18:43:14.123456+01:00\"", Instant.class)).isEqualTo(instant);
                    assertThat(json.readValue("1795455794.123456", Instant.class)).isEqualTo(Instant.ofEpochSecond(1795455794, 123456000));
                });
    }
}
