package com.billingrecon.billing;

import com.billingrecon.domain.Periods;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The late usage rule (SPEC §4): the billing period B of a usage record or charge.
 *
 * <p>Its event period P stays open for billing until its close date C(P), the first day of the next
 * month, because that is the day P's invoices are issued. A record that arrives later is billed in the
 * month its file arrived, so late usage is never dropped and an issued invoice never changes.
 */
public final class LateUsageRule {

    private LateUsageRule() {
    }

    /**
     * @param eventDate        the event's zone date (start_time's date in the billing zone, or charge_date)
     * @param fileBusinessDate F, the business date of the file holding the item's final accepted record
     */
    public static YearMonth billingPeriod(LocalDate eventDate, LocalDate fileBusinessDate) {
        YearMonth eventPeriod = Periods.of(eventDate);
        boolean arrivedBeforeClose = !fileBusinessDate.isAfter(Periods.closeDate(eventPeriod));
        return arrivedBeforeClose ? eventPeriod : Periods.of(fileBusinessDate);
    }
}
