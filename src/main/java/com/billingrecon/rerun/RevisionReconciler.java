package com.billingrecon.rerun;

import com.billingrecon.billing.InvoiceRegister;
import com.billingrecon.billing.InvoiceStatus;
import com.billingrecon.domain.Amounts;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * After a replay, decides each invoice's revision (SPEC §6): an invoice whose content is unchanged
 * keeps its revision (with the replay's paid and status); a changed one gets the replay's new
 * revision and the old one stays SUPERSEDED; one that no longer arises becomes VOID. Returns the
 * rows of revisions.csv. Runs inside the caller's transaction.
 */
@Component
public class RevisionReconciler {

    private static final String CURRENT = InvoiceStatus.CURRENT_REVISION;
    private static final String COLUMNS = "invoice_no, revision, account_id, kind, period, charge_id, issue_date, "
            + "subtotal, tax, total, paid, status, item_count, items_digest";

    private final JdbcTemplate jdbc;
    private final InvoiceRegister invoices;

    public RevisionReconciler(JdbcTemplate jdbc, InvoiceRegister invoices) {
        this.jdbc = jdbc;
        this.invoices = invoices;
    }

    public List<List<String>> settle(long rerunId, LocalDate endOfDay) {
        List<Revision> revisions = new ArrayList<>();
        Set<String> setAside = new HashSet<>();
        for (Invoice old : jdbc.query("SELECT " + prefixed("i") + " FROM invoice i JOIN rerun_invoice r "
                        + "ON r.invoice_no = i.invoice_no AND r.old_revision = i.revision WHERE r.rerun_id = ?",
                this::invoice, rerunId)) {
            setAside.add(old.invoiceNo());
            Invoice replayed = current(old.invoiceNo());
            if (replayed == null) {
                invoices.voidRevision(old.invoiceNo(), old.revision());
                revisions.add(new Revision(old.invoiceNo(), old.revision(), null, old.total(), null));
            } else if (old.sameContent(replayed)) {
                keepOldRevision(old, replayed);
            } else {
                revisions.add(new Revision(old.invoiceNo(), old.revision(), replayed.revision(), old.total(),
                        replayed.total()));
            }
        }
        for (Invoice issued : jdbc.query("SELECT " + COLUMNS + " FROM invoice WHERE issue_date > ? AND " + CURRENT,
                this::invoice, endOfDay)) {
            if (!setAside.contains(issued.invoiceNo())) {
                revisions.add(new Revision(issued.invoiceNo(), null, issued.revision(), null, issued.total()));
            }
        }
        revisions.sort(Comparator.comparing(Revision::invoiceNo));
        return revisions.stream().map(Revision::csvValues).toList();
    }

    /** The invoiced running total is unchanged: the same content is the same total. */
    private void keepOldRevision(Invoice old, Invoice replayed) {
        invoices.keepOldRevision(old.invoiceNo(), old.revision(), replayed.revision(), replayed.paid(),
                replayed.status());
    }

    private Invoice current(String invoiceNo) {
        return jdbc.query("SELECT " + COLUMNS + " FROM invoice WHERE invoice_no = ? AND " + CURRENT, this::invoice,
                invoiceNo).stream().findFirst().orElse(null);
    }

    private Invoice invoice(ResultSet rs, int n) throws SQLException {
        return new Invoice(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getDate(5).toLocalDate(), rs.getString(6), rs.getDate(7).toLocalDate(), rs.getBigDecimal(8),
                rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getString(12), rs.getLong(13),
                rs.getLong(14));
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private record Invoice(String invoiceNo, int revision, String accountId, String kind, LocalDate period,
                           String chargeId, LocalDate issueDate, BigDecimal subtotal, BigDecimal tax,
                           BigDecimal total, BigDecimal paid, String status, long itemCount, long itemsDigest) {

        /** Same items (by count and digest of ids and amounts) and same amounts, dates and period. */
        boolean sameContent(Invoice other) {
            return accountId.equals(other.accountId) && kind.equals(other.kind) && period.equals(other.period)
                    && chargeId.equals(other.chargeId) && issueDate.equals(other.issueDate)
                    && subtotal.compareTo(other.subtotal) == 0 && tax.compareTo(other.tax) == 0
                    && total.compareTo(other.total) == 0
                    && itemCount == other.itemCount && itemsDigest == other.itemsDigest;
        }
    }

    private record Revision(String invoiceNo, Integer oldRevision, Integer newRevision, BigDecimal oldTotal,
                            BigDecimal newTotal) {

        List<String> csvValues() {
            return List.of(invoiceNo, text(oldRevision), text(newRevision),
                    oldTotal == null ? "" : Amounts.format(oldTotal), newTotal == null ? "" : Amounts.format(newTotal));
        }

        private static String text(Integer revision) {
            return Objects.toString(revision, "");
        }
    }
}
