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
 * Recomputes every running total and every current invoice's content from the history and lists what
 * differs, per account. Read only; the differences are expected to be none, so they are kept in memory.
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
        String history = "WITH g AS MATERIALIZED (" + RunningTotals.grouped("SELECT " + RunningTotals.ITEM_COLUMNS
                + " FROM totalled_item") + "), ";
        found.addAll(compare(history + "r (billing_period, account_id, " + String.join(", ", PERIOD_FIGURES)
                        + ") AS (" + RunningTotals.periodSums(1) + ")",
                "period_total", "billing_period, account_id", "account_id", "to_char(billing_period, 'YYYY-MM')",
                PERIOD_FIGURES));
        found.addAll(compare(history + "r (account_id, " + String.join(", ", ACCOUNT_FIGURES) + ") AS ("
                + RunningTotals.accountSums(1) + ")", "account_total", "account_id", "account_id", "''", ACCOUNT_FIGURES));
        found.addAll(compare("""
                WITH r (invoice_no, revision, subtotal, item_count, items_digest) AS (
                    SELECT invoice_no, revision, sum(amount), count(*), sum(%s)
                    FROM invoice_item GROUP BY invoice_no, revision),
                k AS (SELECT * FROM invoice WHERE %s)""".formatted(RunningTotals.DIGEST,
                        InvoiceStatus.CURRENT_REVISION),
                "k", "invoice_no, revision", "k.account_id", "invoice_no", INVOICE_FIGURES));
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
