package com.billingrecon.documents;

import com.billingrecon.documents.InvoiceDocument.Customer;
import com.billingrecon.documents.InvoiceDocument.DocumentLine;
import com.billingrecon.billing.InvoiceStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.stereotype.Repository;

/**
 * Reads what documents show: each invoice with its customer and its lines, in invoice-number order. The lines
 * are summed by PostgreSQL in one pass over the usage (calls, SMS, fax, number activations: count, seconds and
 * amount per type) and the rows are streamed with a cursor, so the memory of a month close does not grow with
 * the number of invoices or CDRs.
 */
@Repository
public class DocumentQueries {

    private static final int FETCH_SIZE = 2_000;

    private final JdbcTemplate jdbc;

    public DocumentQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /** An invoice's register figures and customer, before its document is numbered and dated. */
    public record IssuedInvoice(String invoiceNo, int revision, String kind, YearMonth period, LocalDate issueDate,
                                BigDecimal subtotal, BigDecimal tax, BigDecimal total, BigDecimal paid,
                                BigDecimal open, Customer customer, String currency, BigDecimal taxRate,
                                List<DocumentLine> lines, Integer termsDays) {
    }

    /** The currencies of the accounts that are sent invoices, in the database. */
    public List<String> invoicedCurrencies() {
        return jdbc.queryForList("SELECT DISTINCT currency FROM account WHERE invoicing_mode <> 'NO_INVOICE' "
                + "ORDER BY currency", String.class);
    }

    /** The current revisions of the invoices issued on {@code day}. */
    public void issuedOn(LocalDate day, Consumer<IssuedInvoice> sink) {
        stream("i.issue_date = ? AND i." + InvoiceStatus.CURRENT_REVISION, ps -> ps.setObject(1, day), sink);
    }

    /** The current revisions of these invoices (the new revisions a rerun issued). */
    public void current(List<String> invoiceNos, Consumer<IssuedInvoice> sink) {
        if (!invoiceNos.isEmpty()) {
            stream("i.invoice_no = ANY(?) AND i." + InvoiceStatus.CURRENT_REVISION,
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", invoiceNos.toArray())), sink);
        }
    }

    /** One revision, whatever its status now (a SUPERSEDED or VOID one that a credit note cancels); no lines. */
    public IssuedInvoice revision(String invoiceNo, int revision) {
        return jdbc.query("SELECT " + HEADER + ", NULL, NULL, NULL, NULL, NULL, NULL FROM invoice i "
                        + "JOIN account a USING (account_id) WHERE i.invoice_no = ? AND i.revision = ?",
                (rs, n) -> header(rs, new ArrayList<>()), invoiceNo, revision).get(0);
    }

    private static final String HEADER = """
            i.invoice_no, i.revision, i.kind, i.period, i.issue_date, i.subtotal, i.tax, i.total, i.paid,
            CASE WHEN i.status IN %s THEN i.total - i.paid ELSE 0 END,
            a.account_id, a.name, a.billing_address, a.billing_postal_code, a.billing_country, a.tax_id,
            a.peppol_id, a.email, a.currency, a.tax_rate, a.payment_terms_days""".formatted(InvoiceStatus.PAYABLE);

    private void stream(String condition, PreparedStatementSetter arguments, Consumer<IssuedInvoice> sink) {
        String sql = """
                WITH d AS (SELECT i.* FROM invoice i WHERE %s),
                l AS (SELECT d.invoice_no, 1 AS grp, CASE u.type WHEN 'CALL' THEN 1 WHEN 'SMS' THEN 2 WHEN 'FAX' THEN 3
                             ELSE 4 END::text AS sort, u.type::text, count(*) AS quantity, sum(u.duration_s) AS seconds,
                             sum(u.amount) AS amount, '' AS description
                      FROM d JOIN cdr_history u ON u.account_id = d.account_id AND u.billing_period = d.period
                      WHERE u.status = 'COMPLETED' AND d.kind IN ('MONTHLY_USAGE', 'CONSOLIDATED')
                      GROUP BY d.invoice_no, u.type
                      UNION ALL
                      SELECT d.invoice_no, 2, c.charge_id, c.type, 1, 0, c.amount, c.description
                      FROM d JOIN charge c ON c.account_id = d.account_id
                           AND (d.kind = 'INDIVIDUAL' AND c.charge_id = d.charge_id
                                OR d.kind = 'CONSOLIDATED' AND c.billing_period = d.period))
                SELECT %s, l.grp, l.type, l.quantity, l.seconds, l.amount, l.description
                FROM d i JOIN account a USING (account_id) LEFT JOIN l USING (invoice_no)
                ORDER BY i.invoice_no COLLATE "C", l.grp, l.sort COLLATE "C"
                """.formatted(condition, HEADER);
        Grouper grouper = new Grouper(sink);
        jdbc.query(sql, arguments, grouper::row);
        grouper.flush();
    }

    /** Gathers the consecutive rows of one invoice (its header repeated, one line each) into one value. */
    private static final class Grouper {
        private final Consumer<IssuedInvoice> sink;
        private IssuedInvoice current;

        Grouper(Consumer<IssuedInvoice> sink) {
            this.sink = sink;
        }

        void row(ResultSet rs) throws SQLException {
            String invoiceNo = rs.getString(1);
            if (current == null || !current.invoiceNo().equals(invoiceNo)) {
                flush();
                current = header(rs, new ArrayList<>());
            }
            if (rs.getString(23) != null) {
                current.lines().add(UsageLines.line(current.lines().size() + 1, rs.getInt(22), rs.getString(23),
                        rs.getLong(24), rs.getLong(25), rs.getBigDecimal(26), rs.getString(27)));
            }
        }

        void flush() {
            if (current != null) {
                sink.accept(current);
                current = null;
            }
        }
    }

    private static IssuedInvoice header(ResultSet rs, List<DocumentLine> lines) throws SQLException {
        Customer customer = new Customer(rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18));
        return new IssuedInvoice(rs.getString(1), rs.getInt(2), rs.getString(3),
                YearMonth.from(rs.getDate(4).toLocalDate()), rs.getDate(5).toLocalDate(), rs.getBigDecimal(6),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), customer,
                rs.getString(19), rs.getBigDecimal(20), lines, rs.getObject(21, Integer.class));
    }
}
