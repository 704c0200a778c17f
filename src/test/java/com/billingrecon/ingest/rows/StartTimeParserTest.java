package com.billingrecon.ingest.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartTimeParserTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void timeWithoutOffsetIsAlreadyAZoneTimeWithTOrSpace() {
        StartTimeParser singapore = new StartTimeParser(SINGAPORE);

        assertThat(singapore.zoneDate("2026-10-05T23:59:59")).isEqualTo(date("2026-10-05"));
        assertThat(singapore.zoneDate("2026-10-05 00:00:00")).isEqualTo(date("2026-10-05"));
        assertThat(new StartTimeParser(NEW_YORK).zoneDate("2026-03-08 02:30:00")).isEqualTo(date("2026-03-08"));
    }

    @Test
    void timeWithOffsetIsConvertedToTheBillingZone() {
        StartTimeParser utc = new StartTimeParser(UTC);

        assertThat(utc.zoneDate("2026-10-05T10:15:30+08:00")).isEqualTo(date("2026-10-05"));
        assertThat(utc.zoneDate("2026-10-05T07:59:59+08:00")).isEqualTo(date("2026-10-04"));
        assertThat(utc.zoneDate("2026-10-05T08:00:00+08:00")).isEqualTo(date("2026-10-05"));
        assertThat(utc.zoneDate("2026-10-05T20:00:00-04:00")).isEqualTo(date("2026-10-06"));
        assertThat(utc.zoneDate("2026-10-05T23:59:59.999999999Z")).isEqualTo(date("2026-10-05"));
    }

    @Test
    void singaporeDayStartsAtSixteenHundredUtc() {
        StartTimeParser singapore = new StartTimeParser(SINGAPORE);

        assertThat(singapore.zoneDate("2026-10-04T15:59:59.999Z")).isEqualTo(date("2026-10-04"));
        assertThat(singapore.zoneDate("2026-10-04T16:00:00Z")).isEqualTo(date("2026-10-05"));
        assertThat(singapore.zoneDate("2026-12-31T16:00:00+00:00")).isEqualTo(date("2027-01-01"));
        assertThat(singapore.zoneDate("2026-10-05T00:30:00+09:00")).isEqualTo(date("2026-10-04"));
    }

    @Test
    void newYorkMidnightMovesWithDaylightSavingTime() {
        StartTimeParser newYork = new StartTimeParser(NEW_YORK);

        // winter, EST (-05:00)
        assertThat(newYork.zoneDate("2026-01-15T04:59:59Z")).isEqualTo(date("2026-01-14"));
        assertThat(newYork.zoneDate("2026-01-15T05:00:00Z")).isEqualTo(date("2026-01-15"));
        // summer, EDT (-04:00)
        assertThat(newYork.zoneDate("2026-07-01T03:59:59Z")).isEqualTo(date("2026-06-30"));
        assertThat(newYork.zoneDate("2026-07-01T04:00:00Z")).isEqualTo(date("2026-07-01"));
        // the night of the spring-forward (2026-03-08 07:00Z) and of the fall-back (2026-11-01 06:00Z)
        assertThat(newYork.zoneDate("2026-03-08T04:59:59Z")).isEqualTo(date("2026-03-07"));
        assertThat(newYork.zoneDate("2026-03-08T06:59:59Z")).isEqualTo(date("2026-03-08"));
        assertThat(newYork.zoneDate("2026-03-08T07:00:00Z")).isEqualTo(date("2026-03-08"));
        assertThat(newYork.zoneDate("2026-11-01T03:59:59Z")).isEqualTo(date("2026-10-31"));
        assertThat(newYork.zoneDate("2026-11-01T05:59:59Z")).isEqualTo(date("2026-11-01"));
        assertThat(newYork.zoneDate("2026-11-02T04:59:59Z")).isEqualTo(date("2026-11-01"));
        assertThat(newYork.zoneDate("2026-11-02T05:00:00Z")).isEqualTo(date("2026-11-02"));
    }

    @Test
    void cachedOffsetIsRightWhenInstantsJumpAcrossTransitionsBackAndForth() {
        StartTimeParser newYork = new StartTimeParser(NEW_YORK);

        for (int round = 0; round < 3; round++) {
            assertThat(newYork.zoneDate("2026-07-01T03:59:59Z")).isEqualTo(date("2026-06-30"));
            assertThat(newYork.zoneDate("2026-01-15T04:59:59Z")).isEqualTo(date("2026-01-14"));
            assertThat(newYork.zoneDate("2026-11-01T06:00:00Z")).isEqualTo(date("2026-11-01"));
            assertThat(newYork.zoneDate("2026-11-02T04:59:59Z")).isEqualTo(date("2026-11-01"));
            assertThat(newYork.zoneDate("2026-11-01T03:59:59Z")).isEqualTo(date("2026-10-31"));
        }
    }

    @Test
    void agreesWithJavaTimeOnRandomInstantsOffsetsAndZones() {
        Random random = new Random(20261005);
        DateTimeFormatter withoutOffset = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
        for (String zoneName : List.of("UTC", "America/New_York", "Asia/Singapore", "Europe/London",
                "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata")) {
            ZoneId zone = ZoneId.of(zoneName);
            StartTimeParser parser = new StartTimeParser(zone);
            for (int i = 0; i < 5_000; i++) {
                Instant instant = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(200_000_000), 1_000_000L * random.nextInt(1000));
                ZoneOffset offset = ZoneOffset.ofTotalSeconds(60 * (random.nextInt(36 * 60 + 1) - 18 * 60));
                OffsetDateTime written = instant.atOffset(offset);
                String text = withoutOffset.format(written) + (offset.getTotalSeconds() == 0 ? "Z" : offset.getId());

                assertThat(parser.zoneDate(text)).as(text + " in " + zone)
                        .isEqualTo(OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDate());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-10-05T10:15:30+18:00", "2026-10-05T10:15:30-18:00", "2026-10-05T10:15:30-00:00",
            "2026-10-05T10:15:30+05:45", "2026-10-05T10:15:30.1", "2026-10-05T10:15:30.123456789Z",
            "2024-02-29T00:00:00", "2026-10-05T00:00:00Z"})
    void validStartTimesAreAccepted(String text) {
        assertThat(new StartTimeParser(UTC).zoneDate(text)).isNotNull();
    }

    @Test
    void offsetsUpToEighteenHoursAreAllowed() {
        StartTimeParser utc = new StartTimeParser(UTC);

        assertThat(utc.zoneDate("2026-10-05T17:59:59+18:00")).isEqualTo(date("2026-10-04"));
        assertThat(utc.zoneDate("2026-10-05T06:00:00-18:00")).isEqualTo(date("2026-10-06"));
        assertThat(utc.zoneDate("2026-10-05T10:00:00+18:01")).isNull();
        assertThat(utc.zoneDate("2026-10-05T10:00:00-18:01")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-10-05", "2026-10-05T10:15", "2026-10-05t10:15:30", "2026-10-05T10:15:30z",
            "2026-10-05_10:15:30", "2026-10-05  10:15:30", "2026-10-05T10:15:30.1234567890",
            "2026-10-05T10:15:30.", "2026-10-05T10:15:30.Z", "2026-10-05T10:15:30+18:01", "2026-10-05T10:15:30+19:00",
            "2026-10-05T10:15:30+05:60", "2026-10-05T10:15:30+0800", "2026-10-05T10:15:30+08",
            "2026-10-05T10:15:30+08:00:00", "2026-10-05T10:15:30 +08:00", "2026-10-05T10:15:30ZZ",
            "2026-10-05T10:15:30Z ", " 2026-10-05T10:15:30", "2026-02-30T10:15:30", "2025-02-29T10:15:30",
            "2026-13-05T10:15:30", "2026-10-05T24:00:00", "2026-10-05T23:60:00", "2026-10-05T23:59:60",
            "2026-1-05T10:15:30", "2026-10-05T1:15:30", "2026-10-05T10:15:30+8:00", "2026-10-05T10:15:30[UTC]",
            "2026-10-05T10:15:30,5", "+2026-10-05T10:15:30", "2026-10-05T10:15:30.12a", "2026-10-05T10:1５:30"})
    void anythingElseIsNotAValidStartTime(String text) {
        assertThat(new StartTimeParser(UTC).zoneDate(text)).isNull();
    }

    @Test
    void strictDatesAreExactlyYearMonthDayAndReal() {
        assertThat(StrictDate.parse("2024-02-29")).isEqualTo(date("2024-02-29"));
        assertThat(StrictDate.parse("2026-02-29")).isNull();
        assertThat(StrictDate.parse("2026-10-5")).isNull();
        assertThat(StrictDate.parse("2026/10/05")).isNull();
        assertThat(StrictDate.parse("2026-10-05T00:00:00")).isNull();
        assertThat(StrictDate.parse("2026-10-05 ")).isNull();
        assertThat(StrictDate.parse("")).isNull();
    }
}
