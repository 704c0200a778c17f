package com.billingrecon.report;

import com.billingrecon.domain.InvoicingMode;

import java.math.BigDecimal;

/**
 * The balance of an account as of a run date (SPEC §5, the seed's "Payment" page). All sums are exact;
 * nothing here rounds.
 */
public final class BalanceCalculator {

    private BalanceCalculator() {
    }

    public static BalanceLine balance(AccountFigures figures) {
        // Unbilled items are owed once invoiced, so the expecting invoice is minus their sum.
        BigDecimal expectingInvoice = figures.unbilledTotal().negate();
        BigDecimal amountDue = amountDue(figures);
        BigDecimal currentBalance = expectingInvoice.add(amountDue);
        // The limit covers only this month's unbilled spend, so it resets each month; an ongoing
        // transaction holds its amount until it completes or fails.
        BigDecimal usableCredits = figures.creditLimit()
                .subtract(figures.unbilledCurrentPeriod())
                .subtract(figures.reserved());
        CreditStatus status = usableCredits.signum() < 0 ? CreditStatus.OVER_LIMIT : CreditStatus.OK;
        return new BalanceLine(figures.accountId(), figures.currency(), figures.mode(), figures.creditLimit(),
                figures.reserved(), usableCredits, expectingInvoice, amountDue, BalanceSide.of(amountDue),
                currentBalance, BalanceSide.of(currentBalance), status);
    }

    /** Payments received minus invoices issued; an account that is never invoiced owes nothing billed. */
    private static BigDecimal amountDue(AccountFigures figures) {
        if (figures.mode() == InvoicingMode.NO_INVOICE) {
            return figures.paymentsTotal();
        }
        return figures.paymentsTotal().subtract(figures.invoicedTotal());
    }
}
