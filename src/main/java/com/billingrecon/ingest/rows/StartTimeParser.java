package com.billingrecon.ingest.rows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Reads a CDR's {@code start_time} and gives its date in the billing zone.
 *
 * <p>Syntax (SPEC §2, §8): {@code YYYY-MM-DD}, then {@code T} or a space, then {@code HH:MM:SS}, an optional
 * fraction of 1–9 digits, an optional {@code Z} or {@code ±HH:MM} up to ±18:00; {@code T} and {@code Z} upper
 * case only; a real date and time. A time with an offset is converted to the billing zone; one without is
 * already a zone time.
 *
 * <p>Hand-rolled over the fixed format because {@code OffsetDateTime.parse} was measured at 60 % of the parse
 * time of a CDR file. The zone's offset is cached for the span between two of its transitions (CDRs of one
 * file are close in time); the cache is an immutable window in a volatile field, so the parser is thread-safe.
 */
public final class StartTimeParser {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int TIME_END = 19; // "YYYY-MM-DDTHH:MM:SS".length()
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private final ZoneRules rules;
    private volatile OffsetWindow window = new OffsetWindow(Long.MAX_VALUE, Long.MIN_VALUE, 0);

    public StartTimeParser(ZoneId billingZone) {
        this.rules = billingZone.getRules();
    }

    /** The date of {@code startTime} in the billing zone, or null when it is not a valid start_time. */
    public LocalDate zoneDate(String text) {
        long wallClock = wallClockSecond(text);
        return wallClock == INVALID ? null : LocalDate.ofEpochDay(Math.floorDiv(wallClock, SECONDS_PER_DAY));
    }

    /**
     * A start time in the billing zone: its date (the event date) and its wall-clock time as
     * {@code YYYY-MM-DD HH:MM:SS[.ffffff]}, the ledger's timestamp (a fraction finer than microseconds is
     * cut, never rounded, so the date stays the event date).
     */
    public record ZoneTime(LocalDate date, String wallClock) {
    }

    /** {@code startTime} in the billing zone, or null when it is not a valid start_time. */
    public ZoneTime zoneTime(String text) {
        long second = wallClockSecond(text);
        if (second == INVALID) {
            return null;
        }
        String fraction = text.substring(TIME_END, Math.min(afterFraction(text), TIME_END + 7));
        LocalDateTime wallClock = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
        if (wallClock.getYear() < 1) { // PostgreSQL has no year 0: ISO year 0 is 1 BC, -1 is 2 BC
            return new ZoneTime(wallClock.toLocalDate(), String.format("%04d-%02d-%02d %02d:%02d:%02d%s BC",
                    1 - wallClock.getYear(), wallClock.getMonthValue(), wallClock.getDayOfMonth(),
                    wallClock.getHour(), wallClock.getMinute(), wallClock.getSecond(), fraction));
        }
        return new ZoneTime(wallClock.toLocalDate(), wallClock.format(WALL_CLOCK) + fraction);
    }

    private static final long INVALID = Long.MIN_VALUE;
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /** Seconds from 1970-01-01T00:00 of the billing zone's wall clock, or {@link #INVALID}. */
    private long wallClockSecond(String text) {
        if (text.length() < TIME_END) {
            return INVALID;
        }
        LocalDate date = StrictDate.parseAt(text, 0);
        char separator = text.charAt(10);
        if (date == null || (separator != 'T' && separator != ' ')) {
            return INVALID;
        }
        int secondOfDay = secondOfDay(text);
        int position = afterFraction(text);
        if (secondOfDay < 0 || position < 0) {
            return INVALID;
        }
        long given = date.toEpochDay() * SECONDS_PER_DAY + secondOfDay;
        if (position == text.length()) {
            return given; // no offset: already a billing-zone time
        }
        int offsetSeconds = offsetSeconds(text, position);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return INVALID;
        }
        return zoneSecondAt(given - offsetSeconds);
    }

    /** HH:MM:SS at position 11 as seconds of the day, or -1 when it is not a real time of day. */
    private static int secondOfDay(String text) {
        if (text.charAt(13) != ':' || text.charAt(16) != ':') {
            return -1;
        }
        int hour = StrictDate.digits(text, 11, 13);
        int minute = StrictDate.digits(text, 14, 16);
        int second = StrictDate.digits(text, 17, 19);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return -1;
        }
        return hour * 3600 + minute * 60 + second;
    }

    /** The position after the optional fraction, or -1 when the fraction has no digit or more than nine. */
    private static int afterFraction(String text) {
        if (text.length() == TIME_END || text.charAt(TIME_END) != '.') {
            return TIME_END;
        }
        int position = TIME_END + 1;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        int digits = position - TIME_END - 1;
        return digits >= 1 && digits <= MAX_FRACTION_DIGITS ? position : -1;
    }

    /** The offset ({@code Z} or {@code ±HH:MM}) ending the text, in seconds; Integer.MIN_VALUE when invalid. */
    private static int offsetSeconds(String text, int position) {
        int remaining = text.length() - position;
        char sign = text.charAt(position);
        if (remaining == 1 && sign == 'Z') {
            return 0;
        }
        if (remaining != 6 || (sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = StrictDate.digits(text, position + 1, position + 3);
        int minutes = StrictDate.digits(text, position + 4, position + 6);
        if (hours < 0 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        if (seconds > MAX_OFFSET_SECONDS) {
            return Integer.MIN_VALUE;
        }
        return sign == '-' ? -seconds : seconds;
    }

    /** The zone's wall clock at the instant, in seconds from 1970-01-01T00:00 of that clock. */
    private long zoneSecondAt(long epochSecond) {
        OffsetWindow current = window;
        if (!current.contains(epochSecond)) {
            current = windowAround(epochSecond);
            window = current;
        }
        return epochSecond + current.offsetSeconds();
    }

    /** The span of time, between two transitions of the zone, that holds the instant, with its offset. */
    private OffsetWindow windowAround(long epochSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        // previousTransition is strictly before its argument: ask one second later to include a transition at the instant
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        return new OffsetWindow(
                previous == null ? Long.MIN_VALUE : previous.toEpochSecond(),
                next == null ? Long.MAX_VALUE : next.toEpochSecond(),
                rules.getOffset(instant).getTotalSeconds());
    }

    /** The zone's offset is {@code offsetSeconds} from {@code from} (inclusive) until {@code until} (exclusive). */
    private record OffsetWindow(long from, long until, int offsetSeconds) {

        boolean contains(long epochSecond) {
            return epochSecond >= from && epochSecond < until;
        }
    }
}
