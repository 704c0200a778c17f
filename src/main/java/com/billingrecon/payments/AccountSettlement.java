package com.billingrecon.payments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One account's settlement (SPEC §4 "Payments"): invoices issued and payments received are applied in
 * the order the caller gives them, which is the business-day order (invoices of a day before its
 * payments).
 *
 * <p>Money goes to open invoices oldest first (issue date, then invoice number). Whatever cannot be
 * applied is account credit, which is applied as soon as there is an open invoice and is never paid out;
 * so while the account holds credit it has no open invoice.
 */
public final class AccountSettlement {

    private final Map<String, InvoiceBalance> invoices = new HashMap<>();
    private final Set<String> changed = new TreeSet<>();
    private final List<Allocation> allocations = new ArrayList<>();
    private BigDecimal credit;

    /**
     * @param credit       the credit the account holds (≥ 0)
     * @param openInvoices the account's invoices that can still be paid; others may be included and are
     *                     never paid (a reference to them is ignored)
     */
    public AccountSettlement(BigDecimal credit, Collection<InvoiceBalance> openInvoices) {
        if (credit.signum() < 0) {
            throw new IllegalArgumentException("credit must not be negative: " + credit);
        }
        this.credit = credit;
        for (InvoiceBalance invoice : openInvoices) {
            if (invoices.putIfAbsent(invoice.invoiceNo(), invoice) != null) {
                throw new IllegalArgumentException("invoice given twice: " + invoice.invoiceNo());
            }
        }
        // Credit is applied "at once": a state holding both credit and an open invoice is settled here.
        applyCarriedCredit();
    }

    /** Issues a new invoice; its status follows from its total, then any credit is applied at once. */
    public void issue(InvoiceBalance invoice) {
        if (invoices.containsKey(invoice.invoiceNo())) {
            throw new IllegalArgumentException("invoice already issued: " + invoice.invoiceNo());
        }
        if (invoice.paid().signum() != 0) {
            throw new IllegalArgumentException("a new invoice has nothing paid: " + invoice);
        }
        InvoiceStatus status = InvoiceStatus.onIssue(invoice.total());
        record(new InvoiceBalance(invoice.invoiceNo(), invoice.issueDate(), invoice.total(), BigDecimal.ZERO, status));
        if (status == InvoiceStatus.CREDIT) {
            BigDecimal creditNoteAmount = invoice.total().negate();
            credit = credit.add(applyOldestFirst(invoice.invoiceNo(), creditNoteAmount));
        }
        applyCarriedCredit();
    }

    /**
     * Applies a payment: first to the invoice named in {@code invoiceRef} if it is one of this account's
     * open invoices (otherwise the reference is ignored), then oldest first; the rest becomes credit.
     *
     * @param invoiceRef the invoice the customer meant to pay; null or empty when not given
     */
    public void pay(String paymentId, BigDecimal amount, String invoiceRef) {
        Objects.requireNonNull(paymentId, "paymentId");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a payment is > 0: " + amount);
        }
        BigDecimal left = amount;
        InvoiceBalance named = invoiceRef == null ? null : invoices.get(invoiceRef);
        if (named != null && named.status().isPayable()) {
            left = left.subtract(apply(paymentId, named, left));
        }
        credit = credit.add(applyOldestFirst(paymentId, left));
    }

    /** The credit the account holds: overpayments and credit notes not yet applied. */
    public BigDecimal credit() {
        return credit;
    }

    /** The final figures of every invoice issued here or whose paid or status changed, by invoice number. */
    public List<InvoiceBalance> changed() {
        return changed.stream().map(invoices::get).toList();
    }

    /** Every application of money to an invoice, in the order it was made. */
    public List<Allocation> allocations() {
        return List.copyOf(allocations);
    }

    private void applyCarriedCredit() {
        credit = applyOldestFirst(Allocation.CARRIED_CREDIT, credit);
    }

    /** Applies up to {@code amount} to open invoices oldest first; returns what is left. */
    private BigDecimal applyOldestFirst(String source, BigDecimal amount) {
        BigDecimal left = amount;
        for (InvoiceBalance invoice : openOldestFirst()) {
            if (left.signum() <= 0) {
                break;
            }
            left = left.subtract(apply(source, invoice, left));
        }
        return left;
    }

    /** Applies up to {@code available} to one open invoice; returns what was applied. */
    private BigDecimal apply(String source, InvoiceBalance invoice, BigDecimal available) {
        BigDecimal applied = available.min(invoice.open());
        if (applied.signum() > 0) {
            record(invoice.withApplied(applied));
            allocations.add(new Allocation(source, invoice.invoiceNo(), applied));
        }
        return applied;
    }

    private List<InvoiceBalance> openOldestFirst() {
        return invoices.values().stream()
                .filter(invoice -> invoice.status().isPayable())
                .sorted(InvoiceBalance.OLDEST_FIRST)
                .toList();
    }

    private void record(InvoiceBalance invoice) {
        invoices.put(invoice.invoiceNo(), invoice);
        changed.add(invoice.invoiceNo());
    }
}
