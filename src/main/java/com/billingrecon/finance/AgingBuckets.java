package com.billingrecon.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Days past due, in the buckets finance reads aging by: not yet due, then 30-day bands, then over 90. */
public final class AgingBuckets {

    public static final List<String> LABELS = List.of("current", "1-30", "31-60", "61-90", "90+");

    private AgingBuckets() {
    }

    /** The bucket (an index into {@link #LABELS}) of an amount due on {@code dueDate}, as of {@code asOf}. */
    public static int of(LocalDate dueDate, LocalDate asOf) {
        long pastDue = ChronoUnit.DAYS.between(dueDate, asOf);
        if (pastDue <= 0) {
            return 0;
        }
        return pastDue <= 30 ? 1 : pastDue <= 60 ? 2 : pastDue <= 90 ? 3 : 4;
    }

    static BigDecimal[] zeros() {
        BigDecimal[] sums = new BigDecimal[LABELS.size()];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        return sums;
    }
}
