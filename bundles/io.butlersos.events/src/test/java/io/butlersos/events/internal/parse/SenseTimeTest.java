package io.butlersos.events.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The timestamp readers compute instants directly, not through {@code java.time} objects; these tests
 * hold them to what {@code java.time} says, dates that do not exist included.
 */
class SenseTimeTest {

    @Test
    void epochDaysAgreeWithJavaTimeOverFourHundredYearsAndAcrossTheEpoch() {
        for (LocalDate d = LocalDate.of(1800, 1, 1); d.isBefore(LocalDate.of(2201, 1, 1)); d = d.plusDays(1)) {
            assertThat(SenseTime.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
                    .as(d.toString()).isEqualTo(d.toEpochDay());
        }
    }

    @Test
    void isoInstantsAgreeWithJavaTimeForRandomDatesTimesAndOffsetsValidOrNot() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            int year = 1990 + random.nextInt(60);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(31); // also 29–31 where the month has no such day
            int hour = random.nextInt(24);
            int minute = random.nextInt(60);
            int second = random.nextInt(60);
            int millis = random.nextInt(1000);
            int offsetQuarters = random.nextInt(-48, 57);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetQuarters * 900);
            String compact = String.format("%04d%02d%02dT%02d%02d%02d.%03d%s", year, month, day, hour, minute,
                    second, millis, offset.getId().equals("Z") ? "+0000" : offset.getId().replace(":", ""));

            Instant expected;
            try {
                expected = LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                        .toInstant(offset);
            } catch (DateTimeException noSuchDate) {
                expected = null;
            }
            assertThat(SenseTime.iso(compact)).as(compact).isEqualTo(expected);
        }
    }

    @Test
    void localTimestampsAreValidatedWithoutAZoneAndPlacedInOneWhenAsked() {
        ZoneId stockholm = ZoneId.of("Europe/Stockholm");

        assertThat(SenseTime.isLocal("2021-11-09 15:37:26,028")).isTrue();
        assertThat(SenseTime.local("2021-11-09 15:37:26,028", stockholm))
                .isEqualTo(Instant.parse("2021-11-09T14:37:26.028Z"));
        assertThat(SenseTime.isLocal("2021-02-29 15:37:26,028")).as("no 29 February in 2021").isFalse();
        assertThat(SenseTime.local("2021-02-29 15:37:26,028", stockholm)).isNull();
        assertThat(SenseTime.isLocal("2024-02-29 23:59:59,999")).isTrue();
        assertThat(SenseTime.isLocal("2021-11-09 24:00:00,000")).isFalse();
        assertThat(SenseTime.isLocal("2021-11-09T15:37:26.028+0200")).isFalse();
    }
}
