package com.billingrecon.billing;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where an invoice stands in settlement (SPEC §4) and in re-runs (SPEC §6). The SQL conditions on
 * {@code invoice.status} are built here from the constants, so a status is spelt once.
 */
public enum InvoiceStatus {
    OPEN,
    PARTIALLY_PAID,
    PAID,
    /** A credit note: its negative total became account credit when it was issued. */
    CREDIT,
    /** An older revision, replaced by a re-run. */
    SUPERSEDED,
    /** An invoice a re-run found no longer arises. */
    VOID;

    /** SQL condition on {@code invoice.status} that keeps each invoice's current revision. */
    public static final String CURRENT_REVISION = "status NOT IN " + sqlList(SUPERSEDED, VOID);

    /** SQL list of the statuses money can still be applied to: {@code ('OPEN', 'PARTIALLY_PAID')}. */
    public static final String PAYABLE = sqlList(OPEN, PARTIALLY_PAID);

    /**
     * The status of an invoice at the moment it is issued, before any credit is applied to it. A zero
     * total owes nothing, so it is born paid rather than open.
     */
    public static InvoiceStatus onIssue(BigDecimal total) {
        return switch (total.signum()) {
            case -1 -> CREDIT;
            case 0 -> PAID;
            default -> OPEN;
        };
    }

    /** Whether money can still be applied to an invoice in this status. */
    public boolean isPayable() {
        return this == OPEN || this == PARTIALLY_PAID;
    }

    /** The statuses as an SQL list of text literals, in parentheses. */
    static String sqlList(InvoiceStatus... statuses) {
        return Arrays.stream(statuses).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }
}
