package com.billingrecon.finance;

import com.billingrecon.domain.PaymentTerms;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * AR aging as of a business day: every open invoice's open amount in the bucket of its days past due (due
 * date by {@link PaymentTerms}), per account with open items or credit, sorted by account. The invoices are
 * streamed in account order, so only one account's sums are held at a time while reading.
 */
@Repository
public class AgingQueries {

    private final JdbcTemplate jdbc;
    private final PaymentTerms terms;

    public AgingQueries(JdbcTemplate jdbc, PaymentTerms terms) {
        this.jdbc = jdbc;
        this.terms = terms;
    }

    public List<AgingLine> aging(LocalDate asOf) {
        List<AgingLine> lines = new ArrayList<>();
        Accumulator current = new Accumulator();
        jdbc.query("""
                SELECT a.account_id, a.currency, a.credit, a.payment_terms_days, i.issue_date, i.total - i.paid
                FROM account a
                LEFT JOIN invoice i ON i.account_id = a.account_id AND i.status IN ('OPEN', 'PARTIALLY_PAID')
                                   AND i.issue_date <= ?
                WHERE a.credit <> 0 OR i.invoice_no IS NOT NULL
                ORDER BY a.account_id COLLATE "C"
                """, (ResultSet rs) -> {
                    String account = rs.getString(1);
                    if (!account.equals(current.accountId)) {
                        current.flushInto(lines);
                        current.start(account, rs.getString(2), rs.getBigDecimal(3));
                    }
                    if (rs.getDate(5) != null) {
                        current.add(bucket(rs, asOf), rs.getBigDecimal(6));
                    }
                }, asOf);
        current.flushInto(lines);
        return lines;
    }

    private int bucket(ResultSet rs, LocalDate asOf) throws SQLException {
        Integer accountTerms = rs.getObject(4) == null ? null : rs.getInt(4);
        return AgingBuckets.of(terms.dueDate(rs.getDate(5).toLocalDate(), accountTerms), asOf);
    }

    /** The sums of the account being read. */
    private static final class Accumulator {
        private String accountId;
        private String currency;
        private BigDecimal credit;
        private BigDecimal[] buckets;

        void start(String accountId, String currency, BigDecimal credit) {
            this.accountId = accountId;
            this.currency = currency;
            this.credit = credit;
            this.buckets = AgingBuckets.zeros();
        }

        void add(int bucket, BigDecimal open) {
            buckets[bucket] = buckets[bucket].add(open);
        }

        void flushInto(List<AgingLine> lines) {
            if (accountId != null) {
                lines.add(new AgingLine(accountId, currency, Arrays.asList(buckets), credit));
            }
        }
    }
}
