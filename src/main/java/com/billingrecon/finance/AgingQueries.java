package com.billingrecon.finance;

import com.billingrecon.billing.InvoiceStatus;
import com.billingrecon.db.Cursor;
import com.billingrecon.domain.PaymentTerms;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * AR aging as of a business day: every open invoice's open amount in the bucket of its days past due (due
 * date by {@link PaymentTerms}), per account with open items or credit, sorted by account. The invoices come
 * from a cursor in account order, so only one account's sums are held at a time while reading.
 */
@Repository
public class AgingQueries {

    private final JdbcTemplate jdbc;
    private final PaymentTerms terms;

    public AgingQueries(JdbcTemplate jdbc, PaymentTerms terms) {
        this.jdbc = jdbc;
        this.terms = terms;
    }

    /** The aging lines as of {@code asOf}, handed to {@code line} one at a time. */
    public void aging(LocalDate asOf, Consumer<AgingLine> line) {
        Accumulator current = new Accumulator(line);
        Cursor.query(jdbc, """
                SELECT a.account_id, a.currency, a.credit, a.payment_terms_days, i.issue_date, i.total - i.paid
                FROM account a
                LEFT JOIN invoice i ON i.account_id = a.account_id AND i.status IN %s
                                   AND i.issue_date <= ?
                WHERE a.credit <> 0 OR i.invoice_no IS NOT NULL
                ORDER BY a.account_id COLLATE "C"
                """.formatted(InvoiceStatus.PAYABLE), rs -> {
                    String account = rs.getString(1);
                    if (!account.equals(current.accountId)) {
                        current.flush();
                        current.start(account, rs.getString(2), rs.getBigDecimal(3));
                    }
                    if (rs.getDate(5) != null) {
                        current.add(bucket(rs, asOf), rs.getBigDecimal(6));
                    }
                }, asOf);
        current.flush();
    }

    private int bucket(ResultSet rs, LocalDate asOf) throws SQLException {
        Integer accountTerms = rs.getObject(4) == null ? null : rs.getInt(4);
        return AgingBuckets.of(terms.dueDate(rs.getDate(5).toLocalDate(), accountTerms), asOf);
    }

    /** The sums of the account being read. */
    private static final class Accumulator {
        private final Consumer<AgingLine> sink;
        private String accountId;
        private String currency;
        private BigDecimal credit;
        private BigDecimal[] buckets;

        Accumulator(Consumer<AgingLine> sink) {
            this.sink = sink;
        }

        void start(String accountId, String currency, BigDecimal credit) {
            this.accountId = accountId;
            this.currency = currency;
            this.credit = credit;
            this.buckets = AgingBuckets.zeros();
        }

        void add(int bucket, BigDecimal open) {
            buckets[bucket] = buckets[bucket].add(open);
        }

        void flush() {
            if (accountId != null) {
                sink.accept(new AgingLine(accountId, currency, Arrays.asList(buckets), credit));
            }
            accountId = null;
        }
    }
}
