package com.billingrecon.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * An invoice about to be issued: what it holds, before tax.
 *
 * @param chargeId    the charge an INDIVIDUAL invoice holds; "" for the monthly kinds
 * @param itemCount   how many CDRs and charges it holds
 * @param itemsDigest an order-independent digest of its items (ids and amounts), to tell a changed
 *                    invoice from an unchanged one when a rerun issues it again
 */
public record InvoiceDraft(String invoiceNo, String accountId, InvoiceKind kind, YearMonth period, String chargeId,
                           LocalDate issueDate, BigDecimal subtotal, BigDecimal taxRate, int minorUnits,
                           long itemCount, long itemsDigest) {

    public enum InvoiceKind { INDIVIDUAL, MONTHLY_USAGE, CONSOLIDATED }

    public InvoiceAmounts amounts() {
        return InvoiceAmounts.of(subtotal, taxRate, minorUnits);
    }
}
