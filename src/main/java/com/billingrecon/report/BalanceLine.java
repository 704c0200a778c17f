package com.billingrecon.report;

import com.billingrecon.domain.Amounts;
import com.billingrecon.domain.InvoicingMode;

import java.math.BigDecimal;
import java.util.List;

/** One account's row of {@code balances.csv} (SPEC §5, §7). Amounts are signed as in the seed. */
public record BalanceLine(String accountId, String currency, InvoicingMode mode, BigDecimal creditLimit,
                          BigDecimal reserved, BigDecimal usableCredits, BigDecimal expectingInvoice,
                          BigDecimal amountDue, BalanceSide amountDueSide, BigDecimal currentBalance,
                          BalanceSide currentBalanceSide, CreditStatus status) {

    /** The header of {@code balances.csv}, in the order of {@link #csvValues()}. */
    public static final List<String> CSV_COLUMNS = List.of("account_id", "currency", "invoicing_mode",
            "credit_limit", "reserved_credits", "usable_credits", "expecting_invoice", "amount_due",
            "amount_due_side", "current_balance", "current_balance_side", "status");

    /** The column values of {@code balances.csv}, amounts in their shortest plain form. */
    public List<String> csvValues() {
        return List.of(accountId, currency, mode.name(),
                Amounts.format(creditLimit), Amounts.format(reserved), Amounts.format(usableCredits),
                Amounts.format(expectingInvoice), Amounts.format(amountDue), amountDueSide.label(),
                Amounts.format(currentBalance), currentBalanceSide.label(), status.name());
    }
}
