package com.billingrecon.totals;

import com.billingrecon.domain.Amounts;
import com.billingrecon.billing.InvoiceStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes every running total and every current invoice's content from the history, and each CDR's state
 * row from its latest record, and lists what differs, per account (a state row unlike its CDR's latest record
 * shows as a difference in the count of {@code cdr_states} that match). Read only; the differences are expected to be none, so they are kept in memory.
 */
@Component
public class TotalsCheck {

    private static final List<String> PERIOD_FIGURES = List.of("usage", "usage_items", "usage_digest", "charges",
            "charge_items", "charge_digest");
    private static final List<String> ACCOUNT_FIGURES = List.of("reserved", "usage", "charges", "payments",
            "invoiced");
    private static final List<String> INVOICE_FIGURES = List.of("subtotal", "item_count", "items_digest");

    private final JdbcTemplate jdbc;

    public TotalsCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A figure kept in the ledger that is not what the history gives. {@code scope}: a period or an invoice. */
    public record Difference(String accountId, String scope, String figure, BigDecimal kept, BigDecimal recomputed) {

        public String line() {
            return accountId + (scope.isEmpty() ? "" : " " + scope) + " " + figure + ": kept "
                    + Amounts.format(kept) + ", from history " + Amounts.format(recomputed);
        }
    }

    public List<Difference> differences() {
        List<Difference> found = new ArrayList<>();
        // an archived month's completed usage is kept per account as the history had it
        String history = "WITH g AS MATERIALIZED (" + RunningTotals.grouped("SELECT " + RunningTotals.ITEM_COLUMNS
                + " FROM totalled_item") + " UNION ALL SELECT account_id, billing_period, 'CDR', 'COMPLETED', usage, "
                + "usage_items, usage_digest, NULL FROM cdr_archived_total), ";
        found.addAll(compare(history + "r (billing_period, account_id, " + String.join(", ", PERIOD_FIGURES)
                        + ") AS (" + RunningTotals.periodSums(1) + ")",
                "period_total", "billing_period, account_id", "account_id", "to_char(billing_period, 'YYYY-MM')",
                PERIOD_FIGURES));
        // by CDR type, for the months still in the ledger (an archived month's types are in its archive file only)
        found.addAll(compare(history + """
                k AS (SELECT * FROM period_usage_total WHERE billing_period NOT IN (SELECT billing_period FROM cdr_archive)),
                r AS (SELECT * FROM (%s) s (billing_period, account_id, type, usage)
                      WHERE billing_period NOT IN (SELECT billing_period FROM cdr_archive))""".formatted(
                        RunningTotals.usageSums(1)),
                "k", "billing_period, account_id, type", "account_id", "to_char(billing_period, 'YYYY-MM') || ' ' || type",
                List.of("usage")));
        found.addAll(compare(history + "r (account_id, " + String.join(", ", ACCOUNT_FIGURES) + ") AS ("
                + RunningTotals.accountSums(1) + ")", "account_total", "account_id", "account_id", "''", ACCOUNT_FIGURES));
        // the items of an invoice of an archived month are in its archive file, not in the ledger
        found.addAll(compare("""
                WITH k AS (SELECT * FROM invoice WHERE %2$s
                           AND period NOT IN (SELECT billing_period FROM cdr_archive)),
                r (invoice_no, revision, subtotal, item_count, items_digest) AS (
                    SELECT invoice_no, revision, sum(amount), count(*), sum(%1$s)
                    FROM invoice_item WHERE (invoice_no, revision) IN (SELECT invoice_no, revision FROM k)
                    GROUP BY invoice_no, revision)""".formatted(RunningTotals.DIGEST,
                        InvoiceStatus.CURRENT_REVISION),
                "k", "invoice_no, revision", "k.account_id", "invoice_no", INVOICE_FIGURES));
        found.addAll(compare("""
                WITH k (account_id, cdr_states) AS (SELECT account_id, count(*) FROM cdr_state GROUP BY account_id),
                r (account_id, cdr_states) AS (
                    SELECT account_id, sum(n) FROM (
                        SELECT s.account_id, count(*) AS n
                        FROM cdr_history h
                        JOIN cdr_state s ON s.cdr_id = h.cdr_id AND s.account_id = h.account_id
                             AND s.status = h.status AND s.business_date = h.business_date
                             AND (h.status <> 'ONGOING'
                                  OR (s.file_id = h.file_id AND s.line = h.line AND s.amount = h.amount))
                        WHERE NOT EXISTS (SELECT 1 FROM cdr_superseded x WHERE x.file_id = h.file_id AND x.line = h.line)
                        GROUP BY s.account_id
                        UNION ALL
                        SELECT account_id, latest_records FROM cdr_archived_total) n
                    GROUP BY account_id)""",
                "k", "account_id", "account_id", "''", List.of("cdr_states")));
        found.sort(Comparator.comparing(Difference::accountId).thenComparing(Difference::scope));
        return found;
    }

    /**
     * The rows of {@code kept} and of the recomputed {@code r} (defined by {@code with}) joined on
     * {@code keys}, where a figure differs; a row missing on one side counts as zeros.
     */
    private List<Difference> compare(String with, String kept, String keys, String accountId, String scope,
                                     List<String> figures) {
        String pairs = figures.stream().map(f -> "coalesce(k." + f + ", 0), coalesce(r." + f + ", 0)")
                .collect(Collectors.joining(", "));
        String differ = figures.stream().map(f -> "coalesce(k." + f + ", 0) <> coalesce(r." + f + ", 0)")
                .collect(Collectors.joining(" OR "));
        String sql = with + " SELECT " + accountId + ", " + scope + ", " + pairs + " FROM " + kept
                + " k FULL JOIN r USING (" + keys + ") WHERE " + differ;
        List<Difference> found = new ArrayList<>();
        jdbc.query(sql, (ResultSet rs) -> {
            for (int f = 0; f < figures.size(); f++) {
                BigDecimal k = rs.getBigDecimal(3 + 2 * f);
                BigDecimal r = rs.getBigDecimal(4 + 2 * f);
                if (k.compareTo(r) != 0) {
                    found.add(new Difference(rs.getString(1), rs.getString(2), figures.get(f), k, r));
                }
            }
        });
        return found;
    }
}
