package com.billingrecon.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The one writer of the table {@code invoice}: issuing, settlement's paid and status, a rerun's
 * set-aside and restore, and its revision decisions. Each write runs in the caller's transaction.
 */
@Repository
public class InvoiceRegister {

    private static final String CURRENT = InvoiceStatus.CURRENT_REVISION;

    private final JdbcTemplate jdbc;

    public InvoiceRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What settlement leaves of an invoice's current revision. */
    public record Settled(String invoiceNo, BigDecimal paid, InvoiceStatus status) {
    }

    /**
     * Inserts the drafts as invoices: the next revision of each number, unless one is current already
     * (issued before, so not issued again).
     */
    public void issue(List<InvoiceDraft> drafts) {
        jdbc.batchUpdate("""
                INSERT INTO invoice (invoice_no, revision, account_id, kind, period, charge_id, issue_date,
                                     subtotal, tax, total, paid, status, item_count, items_digest)
                SELECT n.no, coalesce((SELECT max(revision) FROM invoice WHERE invoice_no = n.no), 0) + 1,
                       ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?
                FROM (SELECT ?::text AS no) n
                WHERE NOT EXISTS (SELECT 1 FROM invoice
                                  WHERE invoice_no = n.no AND %s)""".formatted(CURRENT),
                drafts.stream().map(InvoiceRegister::values).toList());
    }

    private static Object[] values(InvoiceDraft d) {
        InvoiceAmounts amounts = d.amounts();
        return new Object[] {d.accountId(), d.kind().name(), d.period().atDay(1), d.chargeId(), d.issueDate(),
                amounts.subtotal(), amounts.tax(), amounts.total(), amounts.initialStatus().name(), d.itemCount(),
                d.itemsDigest(), d.invoiceNo()};
    }

    /** Settlement's paid and status, on each invoice's current revision. */
    public void settle(List<Settled> invoices) {
        jdbc.batchUpdate("UPDATE invoice SET paid = ?, status = ? WHERE invoice_no = ? AND " + CURRENT,
                invoices.stream().map(i -> new Object[] {i.paid(), i.status().name(), i.invoiceNo()}).toList());
    }

    /** The current revisions issued after {@code endOfDay} become SUPERSEDED, until a rerun decides on them. */
    public void setAsideIssuedAfter(LocalDate endOfDay) {
        jdbc.update("UPDATE invoice SET status = ? WHERE issue_date > ? AND " + CURRENT,
                InvoiceStatus.SUPERSEDED.name(), endOfDay);
    }

    /** What is paid of an invoice is what was applied to it, as the remaining applications say. */
    public void restorePaidFromAllocations() {
        jdbc.update("""
                UPDATE invoice i SET paid = x.paid,
                       status = CASE WHEN i.total = 0 OR x.paid >= i.total THEN '%1$s'
                                     WHEN x.paid = 0 THEN '%2$s' ELSE '%3$s' END
                FROM (SELECT v.invoice_no, coalesce(sum(a.amount), 0) AS paid
                      FROM invoice v LEFT JOIN allocation a ON a.invoice_no = v.invoice_no
                      WHERE v.status IN ('%2$s', '%3$s', '%1$s')
                      GROUP BY v.invoice_no) x
                WHERE i.invoice_no = x.invoice_no AND i.status IN ('%2$s', '%3$s', '%1$s')""".formatted(
                InvoiceStatus.PAID, InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID));
    }

    /** A revision set aside by a rerun whose invoice no longer arises. */
    public void voidRevision(String invoiceNo, int revision) {
        jdbc.update("UPDATE invoice SET status = ? WHERE invoice_no = ? AND revision = ?",
                InvoiceStatus.VOID.name(), invoiceNo, revision);
    }

    /**
     * The replay issued the same content again: its revision is removed and the old revision, set aside
     * before, takes the replay's paid and status.
     */
    public void keepOldRevision(String invoiceNo, int oldRevision, int replayedRevision, BigDecimal paid,
                                String status) {
        jdbc.update("DELETE FROM invoice WHERE invoice_no = ? AND revision = ?", invoiceNo, replayedRevision);
        jdbc.update("UPDATE invoice SET paid = ?, status = ? WHERE invoice_no = ? AND revision = ?",
                paid, status, invoiceNo, oldRevision);
    }
}
