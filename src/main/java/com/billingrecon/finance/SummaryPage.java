package com.billingrecon.finance;

import static com.billingrecon.finance.Html.amount;
import static com.billingrecon.finance.Html.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The day's {@code summary.html}: one static page with its styles and charts inline, so it opens from
 * {@code file://}, needs no network or script, and prints. It holds no clock time or host name, only figures
 * of the day, so catch-up and day-by-day runs write the same bytes.
 */
final class SummaryPage {

    static final int MAX_LISTED = 100;

    private static final String STYLE = """
            body{font-family:sans-serif;margin:24px;color:#222;max-width:980px}
            h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .ok{color:#176a2c;font-weight:bold}.fail{color:#b00020;font-weight:bold}
            .axis{font-size:11px;fill:#333}
            @media print{body{margin:0}h2{break-after:avoid}svg{break-inside:avoid}}
            """;

    private final StringBuilder html = new StringBuilder();

    private SummaryPage() {
    }

    static String render(SummaryData data) {
        return new SummaryPage().page(data);
    }

    private String page(SummaryData d) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Nightly close ")
                .append(d.day()).append("</title>\n<style>\n").append(STYLE).append("</style></head>\n<body>\n")
                .append("<h1>Nightly close ").append(d.day()).append("</h1>\n");
        status(d);
        controls(d);
        filesToCheck(d);
        billing(d);
        cash(d);
        aging(d);
        overLimit(d);
        rejects(d);
        trends(d);
        return html.append("</body></html>\n").toString();
    }

    private void status(SummaryData d) {
        int exit = d.exitCode();
        String meaning = exit == 0 ? "done" : "done, but a file was rejected whole or held: see reconciliation.csv";
        html.append("<p>Status: <span data-exit-code=\"").append(exit).append("\" class=\"")
                .append(exit == 0 ? "ok" : "fail").append("\">exit code ").append(exit).append("</span> — ")
                .append(text(meaning)).append(".</p>\n");
    }

    private void controls(SummaryData d) {
        html.append("<h2>Controls</h2>\n<table><tr><th>control</th><th>currency</th><th>figures</th><th>result</th></tr>\n");
        List<String> off = d.unreconciled();
        control("files", "every file reconciles", "", "rows read = accepted + duplicates + rejected"
                + (off.isEmpty() ? "" : "; not: " + String.join(", ", off)), d.everyFileReconciles());
        // every currency of the ledger gets its line, a day without postings too (0 = 0)
        SortedSet<String> currencies = new TreeSet<>(d.journal().totals().keySet());
        d.arControls().forEach(ar -> currencies.add(ar.currency()));
        for (String currency : currencies) {
            BigDecimal[] sums = d.journal().totals().getOrDefault(currency,
                    new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            control("journal", "journal balanced", currency, "debits " + amount(sums[0]) + ", credits "
                    + amount(sums[1]), sums[0].compareTo(sums[1]) == 0 && d.journal().unbalancedEntries().isEmpty());
        }
        if (!d.journal().unbalancedEntries().isEmpty()) {
            control("journal", "entries balanced", "", String.join(", ", d.journal().unbalancedEntries()), false);
        }
        for (ArControl ar : d.arControls()) {
            control("ar", "AR = register", ar.currency(), "AR control balance " + amount(ar.controlBalance())
                    + "; open invoices " + amount(ar.registerOpen()) + " − unapplied credit "
                    + amount(ar.unappliedCredit()) + " = " + amount(ar.registerBalance()), ar.agrees());
        }
        html.append("</table>\n");
    }

    private void control(String id, String name, String currency, String figures, boolean ok) {
        html.append("<tr data-control=\"").append(id).append("\" data-currency=\"").append(text(currency))
                .append("\" data-ok=\"").append(ok).append("\"><td>").append(text(name)).append("</td><td>")
                .append(text(currency)).append("</td><td>").append(text(figures)).append("</td><td class=\"")
                .append(ok ? "ok\">OK" : "fail\">FAILED").append("</td></tr>\n");
    }

    private void filesToCheck(SummaryData d) {
        html.append("<h2>Files held or rejected whole</h2>\n");
        List<List<String>> rows = d.filesToCheck().stream()
                .map(r -> List.of(r.get(0), r.get(SummaryData.RECONCILIATION_STATUS), r.get(9))).toList();
        table(List.of("file", "status", "detail"), rows, 3, "none");
    }

    private void billing(SummaryData d) {
        html.append("<h2>Billing of the day</h2>\n");
        table(List.of("currency", "kind", "invoices", "subtotal", "GST", "total"), d.billing().stream()
                .map(k -> List.of(k.currency(), k.kind(), String.valueOf(k.count()), amount(k.subtotal()),
                        amount(k.tax()), amount(k.total()))).toList(), 2, "no invoices issued");
    }

    private void cash(SummaryData d) {
        html.append("<h2>Cash received and applied</h2>\n");
        table(List.of("currency", "received", "applied to invoices", "left as credit", "credit applied to invoices"),
                d.cash().stream().map(c -> List.of(c.currency(), amount(c.received()), amount(c.appliedFromPayments()),
                        amount(c.received().subtract(c.appliedFromPayments())), amount(c.appliedFromCredit())))
                        .toList(), 1, "no accounts");
    }

    private void aging(SummaryData d) {
        html.append("<h2>AR aging (days past due)</h2>\n");
        if (d.agingByCurrency().isEmpty()) {
            html.append("<p>No open invoices.</p>\n");
        }
        d.agingByCurrency().forEach((currency, buckets) -> {
            html.append("<p>").append(text(currency)).append(": open ")
                    .append(amount(buckets.stream().reduce(BigDecimal.ZERO, BigDecimal::add))).append("</p>\n")
                    .append(SvgCharts.chart("AR aging " + currency, AgingBuckets.LABELS,
                            List.of(new SvgCharts.Series("open " + currency, "#3b6fb6", buckets, false)), 1))
                    .append('\n');
        });
    }

    private void overLimit(SummaryData d) {
        html.append("<h2>Accounts over their credit limit: <span data-over-limit=\"").append(d.overLimitCount())
                .append("\">").append(d.overLimitCount()).append("</span></h2>\n");
        table(List.of("account", "currency", "credit limit", "reserved", "usable credits"), d.overLimit(), 2, "none");
        if (d.overLimitCount() > d.overLimit().size()) {
            html.append("<p>… and ").append(d.overLimitCount() - d.overLimit().size())
                    .append(" more: see balances.csv.</p>\n");
        }
    }

    private void rejects(SummaryData d) {
        Map<String, Long> byReason = d.rejectsByReason();
        html.append("<h2>Rejected rows by reason: ").append(byReason.values().stream().mapToLong(Long::longValue).sum())
                .append("</h2>\n");
        if (byReason.isEmpty()) {
            html.append("<p>None.</p>\n");
            return;
        }
        List<BigDecimal> counts = byReason.values().stream().map(BigDecimal::valueOf).toList();
        html.append(SvgCharts.chart("Rejected rows by reason", List.copyOf(byReason.keySet()),
                List.of(new SvgCharts.Series("rows", "#b5533c", counts, false)), 1)).append('\n');
    }

    private void trends(SummaryData d) {
        html.append("<h2>Last ").append(SummaryQueries.TREND_DAYS).append(" days</h2>\n");
        for (Trend trend : d.trends()) {
            List<String> labels = new ArrayList<>();
            List<BigDecimal> billed = new ArrayList<>();
            List<BigDecimal> collected = new ArrayList<>();
            List<BigDecimal> open = new ArrayList<>();
            for (Trend.Day day : trend.days()) {
                labels.add(day.date().toString().substring(5));
                billed.add(day.billed());
                collected.add(day.collected());
                open.add(day.openAr());
            }
            html.append("<p>").append(text(trend.currency())).append("</p>\n")
                    .append(SvgCharts.chart("Billed, collected and open AR, " + trend.currency(), labels, List.of(
                            new SvgCharts.Series("billed", "#3b6fb6", billed, false),
                            new SvgCharts.Series("collected", "#4f9a5b", collected, false),
                            new SvgCharts.Series("open AR", "#c47f17", open, true)), 5)).append('\n');
        }
    }

    /** A table; the first {@code textColumns} columns are text, the others numbers (right-aligned). */
    private void table(List<String> header, List<List<String>> rows, int textColumns, String whenEmpty) {
        if (rows.isEmpty()) {
            html.append("<p>").append(text(whenEmpty)).append(".</p>\n");
            return;
        }
        html.append("<table><tr>");
        header.forEach(h -> html.append("<th>").append(text(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                html.append(c < textColumns ? "<td>" : "<td class=\"n\">").append(text(row.get(c))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }
}
