package com.billingrecon.finance;

import com.billingrecon.domain.InputFileName;
import com.billingrecon.billing.InvoiceStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The figures of a day's summary page that are not in the day's other files, read from the ledger. */
@Repository
public class SummaryQueries {

    static final int TREND_DAYS = 30;
    private static final String CURRENT = InvoiceStatus.CURRENT_REVISION;

    private final JdbcTemplate jdbc;

    public SummaryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<KindTotals> billingByKind(LocalDate day) {
        return jdbc.query("""
                SELECT a.currency, i.kind, count(*), sum(i.subtotal), sum(i.tax), sum(i.total)
                FROM invoice i JOIN account a USING (account_id)
                WHERE i.issue_date = ? AND i.%s
                GROUP BY a.currency, i.kind ORDER BY a.currency, i.kind
                """.formatted(CURRENT),
                (rs, n) -> new KindTotals(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)), day);
    }

    public List<Cash> cash(LocalDate day) {
        return jdbc.query("""
                SELECT c.currency, coalesce(p.received, 0), coalesce(x.from_payments, 0), coalesce(x.from_credit, 0)
                FROM (SELECT DISTINCT currency FROM account) c
                LEFT JOIN (SELECT a.currency, sum(p.amount) AS received FROM payment p JOIN account a USING (account_id)
                           WHERE p.business_date = ? GROUP BY a.currency) p USING (currency)
                LEFT JOIN (SELECT a.currency,
                                  sum(x.amount) FILTER (WHERE p.payment_id IS NOT NULL) AS from_payments,
                                  sum(x.amount) FILTER (WHERE p.payment_id IS NULL) AS from_credit
                           FROM allocation x JOIN account a USING (account_id)
                           LEFT JOIN payment p ON p.payment_id = x.source AND p.account_id = x.account_id
                                              AND p.business_date = x.business_date
                           WHERE x.business_date = ? GROUP BY a.currency) x USING (currency)
                ORDER BY c.currency
                """, (rs, n) -> new Cash(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)),
                day, day);
    }

    /** The day's rejected rows by reason, as its rejects.csv holds them (accounts.csv's included). */
    public Map<String, Long> rejectsByReason(LocalDate day) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("""
                SELECT r.reason, count(*) FROM reject r JOIN input_file f USING (file_name)
                WHERE f.file_name = ? OR f.business_date = ?
                GROUP BY r.reason ORDER BY count(*) DESC, r.reason
                """, (ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, InputFileName.ACCOUNTS, day);
        return counts;
    }

    /**
     * Billed (invoice totals, credit notes negative), collected (payments) and open AR (open invoice amounts
     * at the end of each day) for the 30 days up to {@code day}. Open AR at the start of the window is summed
     * once; each day then adds what it invoiced and takes off what was applied.
     */
    public List<Trend> trends(LocalDate day) {
        LocalDate first = day.minusDays(TREND_DAYS - 1);
        Map<String, BigDecimal> openBefore = new TreeMap<>();
        jdbc.query("""
                SELECT c.currency, coalesce(i.debits, 0) - coalesce(x.applied, 0)
                FROM (SELECT DISTINCT currency FROM account) c
                LEFT JOIN (SELECT a.currency, sum(i.total) AS debits FROM invoice i JOIN account a USING (account_id)
                           WHERE i.issue_date < ? AND i.total > 0 AND i.%1$s GROUP BY a.currency) i USING (currency)
                LEFT JOIN (SELECT a.currency, sum(x.amount) AS applied FROM allocation x JOIN account a USING (account_id)
                           WHERE x.business_date < ? GROUP BY a.currency) x USING (currency)
                """.formatted(CURRENT), (ResultSet rs) -> {
                    openBefore.put(rs.getString(1), rs.getBigDecimal(2));
                }, first, first);
        Map<String, Map<LocalDate, BigDecimal[]>> perDay = new TreeMap<>();
        // {billed, collected, invoiced into AR, applied}
        daily("""
                SELECT a.currency, i.issue_date, sum(i.total), sum(i.total) FILTER (WHERE i.total > 0)
                FROM invoice i JOIN account a USING (account_id)
                WHERE i.issue_date BETWEEN ? AND ? AND i.%s GROUP BY 1, 2""".formatted(CURRENT), first, day, perDay, 0, 2);
        daily("""
                SELECT a.currency, p.business_date, sum(p.amount), NULL
                FROM payment p JOIN account a USING (account_id)
                WHERE p.business_date BETWEEN ? AND ? GROUP BY 1, 2""", first, day, perDay, 1, -1);
        daily("""
                SELECT a.currency, x.business_date, sum(x.amount), NULL
                FROM allocation x JOIN account a USING (account_id)
                WHERE x.business_date BETWEEN ? AND ? GROUP BY 1, 2""", first, day, perDay, 3, -1);
        List<Trend> trends = new ArrayList<>();
        openBefore.forEach((currency, open) -> {
            Map<LocalDate, BigDecimal[]> days = perDay.getOrDefault(currency, Map.of());
            List<Trend.Day> points = new ArrayList<>();
            BigDecimal running = open;
            for (LocalDate d = first; !d.isAfter(day); d = d.plusDays(1)) {
                BigDecimal[] f = days.getOrDefault(d, zeros());
                running = running.add(f[2]).subtract(f[3]);
                points.add(new Trend.Day(d, f[0], f[1], running));
            }
            trends.add(new Trend(currency, points));
        });
        return trends;
    }

    private void daily(String sql, LocalDate first, LocalDate last, Map<String, Map<LocalDate, BigDecimal[]>> into,
                       int column, int secondColumn) {
        jdbc.query(sql, (ResultSet rs) -> {
            BigDecimal[] figures = into.computeIfAbsent(rs.getString(1), c -> new TreeMap<>())
                    .computeIfAbsent(rs.getDate(2).toLocalDate(), d -> zeros());
            figures[column] = rs.getBigDecimal(3);
            if (secondColumn >= 0 && rs.getBigDecimal(4) != null) {
                figures[secondColumn] = rs.getBigDecimal(4);
            }
        }, first, last);
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }
}
