package com.billingrecon.explain;

import com.billingrecon.domain.InvoicingMode;
import com.billingrecon.explain.Explanation.Account;
import com.billingrecon.explain.Explanation.Applied;
import com.billingrecon.explain.Explanation.LateUsage;
import com.billingrecon.explain.Explanation.Line;
import com.billingrecon.explain.Explanation.Reserved;
import com.billingrecon.explain.Explanation.UnbilledGroup;
import com.billingrecon.billing.InvoiceStatus;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one account's trail from the ledger as it stood at the end of a business day D: a CDR's state is its
 * record taken in by D and not yet superseded by then; payments, charges and money applied count up to D.
 * Read only.
 */
final class TrailQueries {

    /** A CDR record that was the CDR's latest at the end of day ?. */
    private static final String CDR_AS_OF = "h.business_date <= ? AND (h.superseded_on IS NULL OR h.superseded_on > ?)";
    /**
     * An archived month's completed usage, as archive kept it, counts once the day is on or after the month's
     * close date (every record of the month was taken in by then); for an earlier day its CDRs must be restored.
     */
    private static final String ARCHIVED_BY = "(billing_period + interval '1 month')::date <= ?";
    private static final String CURRENT = InvoiceStatus.CURRENT_REVISION;

    private final JdbcTemplate jdbc;
    private final String accountId;
    private final LocalDate asOf;

    TrailQueries(JdbcTemplate jdbc, String accountId, LocalDate asOf) {
        this.jdbc = jdbc;
        this.accountId = accountId;
        this.asOf = asOf;
    }

    boolean isClosedDay() {
        return !jdbc.queryForList("SELECT 1 FROM business_day WHERE business_date = ?", Integer.class, asOf).isEmpty();
    }

    Optional<Account> account() {
        return jdbc.query("SELECT account_id, name, currency, invoicing_mode, credit_limit FROM account WHERE account_id = ?",
                (rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3),
                        InvoicingMode.valueOf(rs.getString(4)), rs.getBigDecimal(5)), accountId).stream().findFirst();
    }

    /** Completed usage and charges not invoiced, per SPEC §5: {@code period} null means every period. */
    List<UnbilledGroup> unbilled(YearMonth period, boolean withCharges) {
        Date from = period == null ? null : Date.valueOf(period.atDay(1));
        String samePeriod = "(?::date IS NULL OR billing_period = ?::date)";
        return jdbc.query("""
                SELECT billing_period, 'CDR', type, count(*), sum(amount) FROM cdr_record h
                WHERE account_id = ? AND status = 'COMPLETED' AND %1$s AND %2$s
                GROUP BY billing_period, type
                UNION ALL
                SELECT billing_period, 'CHARGE', type, count(*), sum(amount) FROM charge
                WHERE account_id = ? AND business_date <= ? AND ? AND %2$s
                GROUP BY billing_period, type
                UNION ALL
                SELECT billing_period, 'CDR', 'archived', usage_items, usage FROM cdr_archived_total
                WHERE account_id = ? AND %3$s AND %2$s
                ORDER BY 1, 2, 3
                """.formatted(CDR_AS_OF, samePeriod, ARCHIVED_BY),
                (rs, n) -> new UnbilledGroup(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getBigDecimal(5)),
                accountId, asOf, asOf, from, from, accountId, asOf, withCharges, from, from, accountId, asOf, from, from);
    }

    /** Unbilled usage whose event month is not its billing period: it came in after its month closed. */
    List<LateUsage> lateUsage(YearMonth period) {
        Date from = period == null ? null : Date.valueOf(period.atDay(1));
        return jdbc.query("""
                SELECT cdr_id, date_trunc('month', event_date)::date, billing_period, file_name, amount FROM cdr_record h
                WHERE account_id = ? AND status = 'COMPLETED' AND %s AND (?::date IS NULL OR billing_period = ?::date)
                  AND date_trunc('month', event_date)::date <> billing_period
                ORDER BY billing_period, cdr_id COLLATE "C"
                """.formatted(CDR_AS_OF),
                (rs, n) -> new LateUsage(rs.getString(1), YearMonth.from(rs.getDate(2).toLocalDate()),
                        YearMonth.from(rs.getDate(3).toLocalDate()), rs.getString(4), rs.getBigDecimal(5)),
                accountId, asOf, asOf, from, from);
    }

    List<Reserved> reserved() {
        return jdbc.query("""
                SELECT cdr_id, amount, file_name FROM cdr_record h
                WHERE account_id = ? AND status = 'ONGOING' AND %s ORDER BY cdr_id COLLATE "C"
                """.formatted(CDR_AS_OF),
                (rs, n) -> new Reserved(rs.getString(1), rs.getBigDecimal(2), rs.getString(3)), accountId, asOf, asOf);
    }

    /** The invoices issued up to D in their current revisions, oldest first (the order money is applied in). */
    List<InvoiceRow> invoices() {
        return jdbc.query("""
                SELECT invoice_no, kind, period, issue_date, revision, subtotal, tax, total
                FROM invoice WHERE account_id = ? AND issue_date <= ? AND %s
                ORDER BY issue_date, invoice_no COLLATE "C"
                """.formatted(CURRENT),
                (rs, n) -> new InvoiceRow(rs.getString(1), rs.getString(2), YearMonth.from(rs.getDate(3).toLocalDate()),
                        rs.getDate(4).toLocalDate(), rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8)), accountId, asOf);
    }

    record InvoiceRow(String invoiceNo, String kind, YearMonth period, LocalDate issueDate, int revision,
                      BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
    }

    /** What an invoice holds, per item kind and type (completed CDRs and charges never change once invoiced). */
    List<Line> lines(InvoiceRow invoice) {
        Date period = Date.valueOf(invoice.period().atDay(1));
        return jdbc.query("""
                SELECT 'CDR', type, count(*), sum(amount) FROM cdr
                WHERE account_id = ? AND status = 'COMPLETED' AND billing_period = ? AND ? IN ('MONTHLY_USAGE', 'CONSOLIDATED')
                GROUP BY type
                UNION ALL
                SELECT 'CHARGE', c.type, count(*), sum(c.amount) FROM charge c
                WHERE c.account_id = ? AND ((? = 'CONSOLIDATED' AND c.billing_period = ?)
                       OR (? = 'INDIVIDUAL' AND c.charge_id = (SELECT charge_id FROM invoice
                                                              WHERE invoice_no = ? AND revision = ?)))
                GROUP BY c.type
                ORDER BY 1, 2
                """, (rs, n) -> new Line(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)),
                accountId, period, invoice.kind(), accountId, invoice.kind(), period, invoice.kind(),
                invoice.invoiceNo(), invoice.revision());
    }

    /** Money applied up to D, from one source ({@code null}: any) or to one invoice ({@code null}: any). */
    List<Applied> applied(String source, String invoiceNo) {
        return jdbc.query("""
                SELECT invoice_no, business_date, amount, source FROM allocation
                WHERE account_id = ? AND business_date <= ? AND (?::text IS NULL OR source = ?::text)
                  AND (?::text IS NULL OR invoice_no = ?::text)
                ORDER BY business_date, seq
                """, (rs, n) -> new Applied(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3),
                        rs.getString(4)), accountId, asOf, source, source, invoiceNo, invoiceNo);
    }

    List<PaymentRow> payments() {
        return jdbc.query("""
                SELECT payment_id, business_date, payment_date, amount, file_name FROM payment
                WHERE account_id = ? AND business_date <= ? ORDER BY business_date, order_key COLLATE "C", line
                """, (rs, n) -> new PaymentRow(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(),
                        rs.getBigDecimal(4), rs.getString(5)), accountId, asOf);
    }

    record PaymentRow(String paymentId, LocalDate businessDate, LocalDate paymentDate, BigDecimal amount, String file) {
    }

    /**
     * The balance row as the report's sums make it, as of D: reserved, usage and charges of the current period and
     * of all periods, payments, invoiced; summed by the database, not from the trail's lines.
     */
    BigDecimal[] balanceSums(YearMonth currentPeriod) {
        Date current = Date.valueOf(currentPeriod.atDay(1));
        return jdbc.queryForObject("""
                SELECT (SELECT coalesce(sum(amount) FILTER (WHERE status = 'ONGOING'), 0) FROM cdr_record h
                        WHERE account_id = ? AND %1$s),
                       (SELECT coalesce(sum(amount) FILTER (WHERE status = 'COMPLETED' AND billing_period = ?), 0)
                        FROM cdr_record h WHERE account_id = ? AND %1$s),
                       (SELECT coalesce(sum(amount) FILTER (WHERE billing_period = ?), 0) FROM charge
                        WHERE account_id = ? AND business_date <= ?),
                       (SELECT coalesce(sum(amount) FILTER (WHERE status = 'COMPLETED'), 0) FROM cdr_record h
                        WHERE account_id = ? AND %1$s)
                       + (SELECT coalesce(sum(usage), 0) FROM cdr_archived_total WHERE account_id = ? AND %3$s),
                       (SELECT coalesce(sum(amount), 0) FROM charge WHERE account_id = ? AND business_date <= ?),
                       (SELECT coalesce(sum(amount), 0) FROM payment WHERE account_id = ? AND business_date <= ?),
                       (SELECT coalesce(sum(total), 0) FROM invoice WHERE account_id = ? AND issue_date <= ? AND %2$s)
                """.formatted(CDR_AS_OF, CURRENT, ARCHIVED_BY),
                (rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)},
                accountId, asOf, asOf, current, accountId, asOf, asOf, current, accountId, asOf, accountId, asOf, asOf,
                accountId, asOf, accountId, asOf, accountId, asOf, accountId, asOf);
    }
}
