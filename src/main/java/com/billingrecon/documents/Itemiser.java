package com.billingrecon.documents;

import com.billingrecon.domain.Amounts;
import com.billingrecon.billing.InvoiceStatus;
import com.billingrecon.job.UsageException;
import com.billingrecon.report.CsvReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The itemised bill of an invoice: every CDR and charge behind its current revision, streamed from a cursor
 * straight to the output, so a million-CDR invoice takes no more memory than a small one.
 */
@Component
public class Itemiser {

    public static final List<String> COLUMNS = List.of("invoice_no", "item_kind", "item_id", "type", "time",
            "duration_s", "amount", "currency", "description");
    private static final int FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public Itemiser(DataSource dataSource, TransactionTemplate transaction) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.transaction = transaction;
    }

    /** Writes the items as CSV; empty when there is no such invoice in the register. */
    public Optional<Long> itemise(String invoiceNo, OutputStream out) {
        // PostgreSQL streams a result with a cursor only inside a transaction
        return transaction.execute(status -> {
            List<String> found = jdbc.queryForList("SELECT kind FROM invoice WHERE invoice_no = ? AND "
                    + InvoiceStatus.CURRENT_REVISION, String.class, invoiceNo);
            if (found.isEmpty()) {
                return Optional.<Long>empty();
            }
            jdbc.queryForList("SELECT to_char(a.billing_period, 'YYYY-MM') FROM invoice i JOIN cdr_archive a "
                    + "ON a.billing_period = i.period WHERE i.invoice_no = ? AND i.kind IN ('MONTHLY_USAGE', 'CONSOLIDATED')",
                    String.class, invoiceNo).stream().findFirst().ifPresent(period -> {
                        throw new UsageException("the CDRs of " + period + " behind invoice " + invoiceNo
                                + " are archived; restore them first (restore --period=" + period + " --archive-dir=DIR)");
                    });
            try (CsvReport.RowWriter rows = CsvReport.open(out, COLUMNS)) {
                long[] count = {0};
                jdbc.query("""
                        SELECT * FROM (
                        SELECT 'CDR', u.cdr_id, u.type::text, u.start_time::text, u.duration_s::text, u.amount, u.currency, ''
                        FROM invoice i JOIN cdr_history u ON u.account_id = i.account_id AND u.billing_period = i.period
                        WHERE i.invoice_no = ? AND i.%1$s AND u.status = 'COMPLETED'
                              AND i.kind IN ('MONTHLY_USAGE', 'CONSOLIDATED')
                        UNION ALL
                        SELECT 'CHARGE', c.charge_id, c.type, c.charge_date::text, '', c.amount, c.currency, c.description
                        FROM invoice i JOIN charge c ON c.account_id = i.account_id
                             AND (i.kind = 'INDIVIDUAL' AND c.charge_id = i.charge_id
                                  OR i.kind = 'CONSOLIDATED' AND c.billing_period = i.period)
                        WHERE i.invoice_no = ? AND i.%1$s
                        ) x (item_kind, item_id, type, time, duration_s, amount, currency, description)
                        ORDER BY item_kind DESC, time COLLATE "C", item_id COLLATE "C"
                        """.formatted(InvoiceStatus.CURRENT_REVISION),
                        rs -> {
                            try {
                                rows.add(List.of(invoiceNo, rs.getString(1), rs.getString(2), rs.getString(3),
                                        rs.getString(4), rs.getString(5), Amounts.format(rs.getBigDecimal(6)),
                                        rs.getString(7), rs.getString(8)));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            count[0]++;
                        }, invoiceNo, invoiceNo);
                return Optional.of(count[0]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
