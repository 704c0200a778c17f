package com.billingrecon.billing;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/** Invoice numbers are derived from what the invoice holds, so issuing twice yields the same number. */
public final class InvoiceNumbers {

    private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("uuuuMM");

    private InvoiceNumbers() {
    }

    public static String individual(String accountId, String chargeId) {
        return "INV-" + accountId + "-" + chargeId;
    }

    public static String monthlyUsage(String accountId, YearMonth period) {
        return "INV-" + accountId + "-" + period.format(YYYYMM) + "-U";
    }

    public static String consolidated(String accountId, YearMonth period) {
        return "INV-" + accountId + "-" + period.format(YYYYMM) + "-C";
    }
}
