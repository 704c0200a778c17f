package com.billingrecon.payments;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One application of money to an invoice.
 *
 * @param source    the payment id, the credit note's invoice number, or {@link #CARRIED_CREDIT}
 * @param invoiceNo the invoice the money went to
 * @param amount    how much, always &gt; 0
 */
public record Allocation(String source, String invoiceNo, BigDecimal amount) {

    /** The source of an allocation made from credit the account already held. */
    public static final String CARRIED_CREDIT = "CREDIT";

    public Allocation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(invoiceNo, "invoiceNo");
        Objects.requireNonNull(amount, "amount");
    }
}
