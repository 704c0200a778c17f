package com.billingrecon.billing;


import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * The figures of one invoice (SPEC §4). Tax is the only amount the product ever rounds, and it is rounded
 * once per invoice, never per item, so an invoice's tax does not depend on how its items were split.
 */
public record InvoiceAmounts(BigDecimal subtotal, BigDecimal tax, BigDecimal total) {

    public InvoiceAmounts {
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(total, "total");
    }

    /**
     * @param subtotal   the exact sum of the invoice's items (may be negative: a credit note)
     * @param taxRate    a fraction ≥ 0 with no upper bound (0.09 = 9 %)
     * @param minorUnits the currency's minor units (SGD 2, JPY 0)
     */
    public static InvoiceAmounts of(BigDecimal subtotal, BigDecimal taxRate, int minorUnits) {
        if (taxRate.signum() < 0) {
            throw new IllegalArgumentException("tax rate must not be negative: " + taxRate);
        }
        if (minorUnits < 0) {
            throw new IllegalArgumentException("minor units must not be negative: " + minorUnits);
        }
        // HALF_UP on BigDecimal rounds a tie away from zero, so -0.005 and 0.005 round symmetrically.
        BigDecimal tax = subtotal.multiply(taxRate).setScale(minorUnits, RoundingMode.HALF_UP);
        // The total stays exact: items carry up to six decimals and only the tax is in minor units.
        return new InvoiceAmounts(subtotal, tax, subtotal.add(tax));
    }

    /** The same, with the minor units of {@code currency}. */
    public static InvoiceAmounts of(BigDecimal subtotal, BigDecimal taxRate, Currency currency) {
        return of(subtotal, taxRate, currency.getDefaultFractionDigits());
    }

    /** The status the invoice is issued with: a credit note, paid (nothing owed), or open. */
    public InvoiceStatus initialStatus() {
        return InvoiceStatus.onIssue(total);
    }

    /** A credit note's total is negative: minus that total becomes account credit when it is issued. */
    public boolean isCreditNote() {
        return total.signum() < 0;
    }
}
