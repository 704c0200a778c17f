package com.billingrecon.ingest.rows;

import java.time.Instant;
import java.time.LocalDate;
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
        if (text.length() < TIME_END) {
            return null;
        }
        LocalDate date = StrictDate.parseAt(text, 0);
        char separator = text.charAt(10);
        if (date == null || (separator != 'T' && separator != ' ')) {
            return null;
        }
        int secondOfDay = secondOfDay(text);
        int position = afterFraction(text);
        if (secondOfDay < 0 || position < 0) {
            return null;
        }
        if (position == text.length()) {
            return date; // no offset: already a billing-zone time
        }
        int offsetSeconds = offsetSeconds(text, position);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        return zoneDateAt(date.toEpochDay() * SECONDS_PER_DAY + secondOfDay - offsetSeconds);
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

    private LocalDate zoneDateAt(long epochSecond) {
        OffsetWindow current = window;
        if (!current.contains(epochSecond)) {
            current = windowAround(epochSecond);
            window = current;
        }
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond + current.offsetSeconds(), SECONDS_PER_DAY));
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
