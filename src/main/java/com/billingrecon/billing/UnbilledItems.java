package com.billingrecon.billing;

import com.billingrecon.domain.InvoicingMode;
import java.math.BigDecimal;

/**
 * Which completed items an account's expecting invoice (its unbilled amount) holds, by invoicing
 * mode (the seed's table, SPEC §5). Charges of INDIVIDUAL_AND_MONTHLY accounts are invoiced the day
 * they arrive, so only their usage waits for the month's invoice.
 *
 * @param usageCurrent   completed usage with B = the current period
 * @param chargesCurrent charges with B = the current period
 * @param usageAll       completed usage of all periods
 * @param chargesAll     charges of all periods
 */
public record UnbilledItems(BigDecimal usageCurrent, BigDecimal chargesCurrent, BigDecimal usageAll,
                            BigDecimal chargesAll) {

    /** The unbilled items of the current period: what uses the credit limit. */
    public BigDecimal currentPeriod(InvoicingMode mode) {
        return switch (mode) {
            case INDIVIDUAL_AND_MONTHLY -> usageCurrent;
            case CONSOLIDATED_MONTHLY, NO_INVOICE -> usageCurrent.add(chargesCurrent);
        };
    }

    /** Everything the expecting invoice holds; an account that is never invoiced holds all its items. */
    public BigDecimal total(InvoicingMode mode) {
        return switch (mode) {
            case INDIVIDUAL_AND_MONTHLY, CONSOLIDATED_MONTHLY -> currentPeriod(mode);
            case NO_INVOICE -> usageAll.add(chargesAll);
        };
    }
}
