package com.billingrecon.ingest.rows;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Dates written exactly {@code YYYY-MM-DD} that are real dates. Hand-rolled over the fixed format because
 * date text is parsed for every row and the general java.time parsers are slow and lenient in other ways.
 */
public final class StrictDate {

    static final int LENGTH = "YYYY-MM-DD".length();

    private StrictDate() {
    }

    /** The date, or null when the text is not a strict YYYY-MM-DD real date. */
    public static LocalDate parse(String text) {
        return text.length() == LENGTH ? parseAt(text, 0) : null;
    }

    /** The date written at {@code from} (the text may go on after it), or null. */
    static LocalDate parseAt(String text, int from) {
        if (text.length() < from + LENGTH || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
            return null;
        }
        int year = digits(text, from, from + 4);
        int month = digits(text, from + 5, from + 7);
        int day = digits(text, from + 8, from + 10);
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null; // e.g. February 30
        }
    }

    /** The value of the ASCII digits in [from, to), or -1 when any is not a digit. */
    static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
