package com.billingrecon.payments;

import com.billingrecon.billing.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/** An invoice's settlement figures: what it is for, what has been applied to it, where it stands. */
public record InvoiceBalance(String invoiceNo, LocalDate issueDate, BigDecimal total, BigDecimal paid,
                             InvoiceStatus status) {

    /** Oldest first, the order in which money is applied to open invoices (SPEC §4). */
    public static final Comparator<InvoiceBalance> OLDEST_FIRST =
            Comparator.comparing(InvoiceBalance::issueDate).thenComparing(InvoiceBalance::invoiceNo);

    public InvoiceBalance {
        Objects.requireNonNull(invoiceNo, "invoiceNo");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(status, "status");
    }

    /** What is still owed; a credit note, a paid, superseded or void invoice owes nothing. */
    public BigDecimal open() {
        return status.isPayable() ? total.subtract(paid) : BigDecimal.ZERO;
    }

    /**
     * This invoice after {@code amount} more has been applied to it. The caller never applies more than
     * {@link #open()}, so paid never exceeds total.
     */
    InvoiceBalance withApplied(BigDecimal amount) {
        if (!status.isPayable() || amount.signum() <= 0 || amount.compareTo(open()) > 0) {
            throw new IllegalArgumentException("cannot apply " + amount + " to " + this);
        }
        BigDecimal newPaid = paid.add(amount);
        InvoiceStatus newStatus = newPaid.compareTo(total) == 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
        return new InvoiceBalance(invoiceNo, issueDate, total, newPaid, newStatus);
    }
}
