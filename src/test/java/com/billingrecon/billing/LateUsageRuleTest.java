package com.billingrecon.billing;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class LateUsageRuleTest {

    private static final LocalDate OCTOBER_EVENT = LocalDate.of(2026, 10, 31);

    @Test
    void usageArrivingDuringItsMonthIsBilledInItsMonth() {
        assertThat(LateUsageRule.billingPeriod(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6)))
                .isEqualTo(YearMonth.of(2026, 10));
    }

    @Test
    void usageArrivingOnTheCloseDateStaysInItsMonth() {
        // C(2026-10) = 2026-11-01, the day October's invoices are issued
        assertThat(LateUsageRule.billingPeriod(OCTOBER_EVENT, LocalDate.of(2026, 11, 1)))
                .isEqualTo(YearMonth.of(2026, 10));
    }

    @Test
    void usageArrivingTheDayAfterTheCloseDateMovesToTheNextMonth() {
        assertThat(LateUsageRule.billingPeriod(OCTOBER_EVENT, LocalDate.of(2026, 11, 2)))
                .isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void usageArrivingThreeMonthsLateIsBilledInTheMonthItArrived() {
        assertThat(LateUsageRule.billingPeriod(LocalDate.of(2026, 10, 15), LocalDate.of(2027, 1, 20)))
                .isEqualTo(YearMonth.of(2027, 1));
    }

    @Test
    void decemberUsageClosesOnTheFirstOfJanuaryOfTheNextYear() {
        assertThat(LateUsageRule.billingPeriod(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1)))
                .isEqualTo(YearMonth.of(2026, 12));
        assertThat(LateUsageRule.billingPeriod(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 2)))
                .isEqualTo(YearMonth.of(2027, 1));
    }
}
