package com.billingrecon.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/** Billing periods are calendar months in the billing zone; dates here are already zone dates. */
public final class Periods {

    private Periods() {
    }

    public static YearMonth of(LocalDate zoneDate) {
        return YearMonth.from(zoneDate);
    }

    /** C(P): the first day of the month after P, the day that closes P. */
    public static LocalDate closeDate(YearMonth period) {
        return period.plusMonths(1).atDay(1);
    }

    /** The period a file dated {@code businessDate} belongs to for re-runs: period(F − 1 day). */
    public static YearMonth belongingPeriod(LocalDate businessDate) {
        return YearMonth.from(businessDate.minusDays(1));
    }
}
