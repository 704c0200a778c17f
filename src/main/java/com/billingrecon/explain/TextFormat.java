package com.billingrecon.explain;

import static com.billingrecon.domain.Amounts.format;

import com.billingrecon.explain.Explanation.Applied;
import com.billingrecon.report.BalanceLine;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** An explanation for a person: each section of the trail, then each figure recomputed and checked. */
final class TextFormat {

    private final StringBuilder out = new StringBuilder();

    private TextFormat() {
    }

    static String write(Explanation e) {
        return new TextFormat().text(e);
    }

    private String text(Explanation e) {
        Explanation.Account a = e.account();
        line("Account %s (%s), %s, %s, credit limit %s", a.accountId(), a.name(), a.currency(), a.mode(),
                format(a.creditLimit()));
        line("As of the end of %s; current period %s", e.asOf(), e.currentPeriod());
        section("Unbilled items (the expecting invoice holds them)");
        e.unbilled().forEach(g -> line("  %s  %-6s %-17s %6d items  %s", g.period(), g.kind(), g.type(), g.count(),
                format(g.sum())));
        none(e.unbilled());
        e.lateUsage().forEach(l -> line("  late usage: %s (%s) of %s, billed in %s, came in %s", l.cdrId(),
                format(l.amount()), l.eventPeriod(), l.billingPeriod(), l.file()));
        section("Reserved (ONGOING CDRs)");
        e.reserved().forEach(r -> line("  %s  %s  (%s)", r.cdrId(), format(r.amount()), r.file()));
        none(e.reserved());
        section("Invoices issued");
        for (Explanation.Invoice i : e.invoices()) {
            line("  %s  %s %s issued %s rev %d: subtotal %s + tax %s = total %s; paid %s, open %s", i.invoiceNo(),
                    i.kind(), i.period(), i.issueDate(), i.revision(), format(i.subtotal()), format(i.tax()),
                    format(i.total()), format(i.paid()), format(i.open()));
            line("      lines: %s", i.lines().stream().map(l -> l.type() + " " + l.count() + " = " + format(l.sum()))
                    .collect(Collectors.joining(", ")));
        }
        none(e.invoices());
        section("Payments received");
        for (Explanation.Payment p : e.payments()) {
            line("  %s  %s on %s (paid %s, %s): %s; credit left %s", p.paymentId(), format(p.amount()),
                    p.businessDate(), p.paymentDate(), p.file(), applied(p.applied()), format(p.creditLeft()));
        }
        none(e.payments());
        section("Credit notes");
        e.creditNotes().forEach(c -> line("  %s  credit %s issued %s: %s; credit left %s", c.invoiceNo(),
                format(c.credit()), c.issueDate(), applied(c.applied()), format(c.creditLeft())));
        none(e.creditNotes());
        section("Credit carried to later invoices");
        line("  %s", applied(e.carriedCredit()));
        line("  unapplied credit as of %s: %s", e.asOf(), format(e.unappliedCredit()));
        figures(e.fromTrail(), e.balanceRow(), e.balanceRowSource());
        line("%s", e.agrees() ? "Every figure recomputed from the trail equals the balance row."
                : "DIFFERENCE: a figure recomputed from the trail is not the balance row's.");
        return out.toString();
    }

    private void figures(BalanceLine trail, List<String> row, String source) {
        section("Figures: recomputed from the trail | balance row (" + source + ")");
        List<String> names = BalanceLine.CSV_COLUMNS;
        for (int i = 3; i < names.size(); i++) {
            String t = trail.csvValues().get(i);
            String r = row.get(i);
            line("  %-21s %18s | %-18s %s", names.get(i), t, r, t.equals(r) ? "ok" : "DIFFERS");
        }
    }

    private static String applied(List<Applied> applied) {
        if (applied.isEmpty()) {
            return "nothing applied";
        }
        return applied.stream().map(a -> format(a.amount()) + " to " + a.invoiceNo() + " on " + a.date())
                .collect(Collectors.joining(", "));
    }

    private void section(String title) {
        out.append('\n').append(title).append('\n');
    }

    private void none(List<?> items) {
        if (items.isEmpty()) {
            out.append("  none\n");
        }
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
