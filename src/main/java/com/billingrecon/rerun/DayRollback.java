package com.billingrecon.rerun;

import java.time.LocalDate;
import com.billingrecon.ingest.InputFileStore;
import com.billingrecon.ingest.ledger.CdrLedger;
import com.billingrecon.ingest.ledger.ChargeLedger;
import com.billingrecon.ingest.ledger.PaymentLedger;
import com.billingrecon.payments.InvoiceStatus;
import com.billingrecon.totals.RunningTotals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes the ledger back to the end of a business day, so that the days after it can be replayed
 * from the files as they are now. Nothing before that day changes. Invoices issued later are set
 * aside (SUPERSEDED for now, and remembered) so that the replay's invoices can be compared with them.
 * Runs inside the caller's transaction.
 */
@Component
public class DayRollback {

    private static final String CURRENT = InvoiceStatus.CURRENT_REVISION;

    private final JdbcTemplate jdbc;
    private final RunningTotals totals;
    private final CdrLedger cdrs;
    private final ChargeLedger charges;
    private final PaymentLedger payments;
    private final InputFileStore files;

    public DayRollback(JdbcTemplate jdbc, RunningTotals totals, CdrLedger cdrs, ChargeLedger charges,
                          PaymentLedger payments, InputFileStore files) {
        this.jdbc = jdbc;
        this.totals = totals;
        this.cdrs = cdrs;
        this.charges = charges;
        this.payments = payments;
        this.files = files;
    }

    public void rollBackTo(LocalDate endOfDay, long rerunId) {
        totals.rollBackTo(endOfDay); // first: it reads what the rest takes away
        cdrs.rollBackTo(endOfDay);
        charges.rollBackTo(endOfDay);
        payments.rollBackTo(endOfDay);
        files.rollBackTo(endOfDay);
        jdbc.update("DELETE FROM allocation WHERE business_date > ?", endOfDay);
        jdbc.update("INSERT INTO rerun_invoice (rerun_id, invoice_no, old_revision) "
                + "SELECT ?, invoice_no, revision FROM invoice WHERE issue_date > ? AND " + CURRENT, rerunId, endOfDay);
        jdbc.update("UPDATE invoice SET status = ? WHERE issue_date > ? AND " + CURRENT,
                InvoiceStatus.SUPERSEDED.name(), endOfDay);
        restorePaid();
        restoreCredit();
    }

    /** What is paid of an invoice is what was applied to it, as the remaining applications say. */
    private void restorePaid() {
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

    /** Unapplied credit is what was received and not owed: payments − invoiced + still open. */
    private void restoreCredit() {
        jdbc.update("""
                UPDATE account a SET credit = coalesce(p.received, 0) - coalesce(i.invoiced, 0) + coalesce(i.open, 0)
                FROM account acc
                LEFT JOIN (SELECT account_id, sum(amount) AS received FROM payment GROUP BY account_id) p
                       ON p.account_id = acc.account_id
                LEFT JOIN (SELECT account_id, sum(total) AS invoiced,
                                  sum(total - paid) FILTER (WHERE status IN ('%2$s', '%3$s')) AS open
                           FROM invoice WHERE %1$s GROUP BY account_id) i
                       ON i.account_id = acc.account_id
                WHERE a.account_id = acc.account_id""".formatted(CURRENT, InvoiceStatus.OPEN,
                InvoiceStatus.PARTIALLY_PAID));
    }
}
