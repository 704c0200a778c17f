package com.billingrecon.report;

import com.billingrecon.domain.InvoicingMode;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The sums an account's balance line is computed from, as of a run date D (SPEC §5). Which items count
 * as unbilled depends on the invoicing mode and is decided by whoever adds them up.
 *
 * @param reserved              the amounts of CDRs ONGOING as of D, a plain positive number
 * @param unbilledCurrentPeriod the items with B = period(D) that the expecting invoice holds
 * @param unbilledTotal         every item the expecting invoice holds (NO_INVOICE: all periods)
 * @param paymentsTotal         every payment received up to D
 * @param invoicedTotal         the totals of the invoices issued up to D, in their current revisions
 */
public record AccountFigures(String accountId, String currency, InvoicingMode mode, BigDecimal creditLimit,
                             BigDecimal reserved, BigDecimal unbilledCurrentPeriod, BigDecimal unbilledTotal,
                             BigDecimal paymentsTotal, BigDecimal invoicedTotal) {

    public AccountFigures {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(creditLimit, "creditLimit");
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(unbilledCurrentPeriod, "unbilledCurrentPeriod");
        Objects.requireNonNull(unbilledTotal, "unbilledTotal");
        Objects.requireNonNull(paymentsTotal, "paymentsTotal");
        Objects.requireNonNull(invoicedTotal, "invoicedTotal");
    }
}
