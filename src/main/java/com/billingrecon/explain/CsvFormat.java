package com.billingrecon.explain;

import static com.billingrecon.domain.Amounts.format;

import com.billingrecon.explain.Explanation.Applied;
import com.billingrecon.report.BalanceLine;
import com.billingrecon.report.CsvReport;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** An explanation as one CSV table, a row per line of the trail, then one per figure with its check. */
final class CsvFormat {

    static final List<String> COLUMNS = List.of("section", "item", "period", "type", "date", "count", "amount",
            "balance_row", "agrees", "detail");

    private final List<List<String>> rows = new ArrayList<>();

    private CsvFormat() {
    }

    static void write(Explanation e, Writer out) throws IOException {
        CsvFormat csv = new CsvFormat();
        csv.rows(e);
        CsvReport.write(out, COLUMNS, csv.rows);
    }

    private void rows(Explanation e) {
        e.unbilled().forEach(g -> row("unbilled", g.kind(), g.period().toString(), g.type(), "",
                String.valueOf(g.count()), format(g.sum()), ""));
        e.lateUsage().forEach(l -> row("late_usage", l.cdrId(), l.billingPeriod().toString(), "", "", "",
                format(l.amount()), "event period " + l.eventPeriod() + ", file " + l.file()));
        e.reserved().forEach(r -> row("reserved", r.cdrId(), "", "", "", "", format(r.amount()), "file " + r.file()));
        for (Explanation.Invoice i : e.invoices()) {
            row("invoice", i.invoiceNo(), i.period().toString(), i.kind(), i.issueDate().toString(), "",
                    format(i.total()), "subtotal " + format(i.subtotal()) + ", tax " + format(i.tax()) + ", paid "
                            + format(i.paid()) + ", open " + format(i.open()) + ", revision " + i.revision());
            i.lines().forEach(l -> row("invoice_line", i.invoiceNo(), i.period().toString(), l.kind() + " " + l.type(),
                    "", String.valueOf(l.count()), format(l.sum()), ""));
        }
        for (Explanation.Payment p : e.payments()) {
            row("payment", p.paymentId(), "", "", p.businessDate().toString(), "", format(p.amount()),
                    "payment date " + p.paymentDate() + ", file " + p.file() + ", credit left " + format(p.creditLeft()));
            applied("payment_applied", p.paymentId(), p.applied());
        }
        for (Explanation.CreditNote c : e.creditNotes()) {
            row("credit_note", c.invoiceNo(), "", "", c.issueDate().toString(), "", format(c.credit()),
                    "credit left " + format(c.creditLeft()));
            applied("credit_note_applied", c.invoiceNo(), c.applied());
        }
        applied("carried_credit_applied", "CREDIT", e.carriedCredit());
        row("unapplied_credit", "", "", "", "", "", format(e.unappliedCredit()), "");
        figures(e.fromTrail(), e.balanceRow(), e.balanceRowSource());
    }

    private void applied(String section, String source, List<Applied> applied) {
        applied.forEach(a -> row(section, a.invoiceNo(), "", "", a.date().toString(), "", format(a.amount()),
                "from " + source));
    }

    private void figures(BalanceLine trail, List<String> fromRow, String source) {
        List<String> names = BalanceLine.CSV_COLUMNS;
        List<String> fromTrail = trail.csvValues();
        for (int i = 0; i < names.size(); i++) {
            rows.add(List.of("figure", names.get(i), "", "", "", "", fromTrail.get(i), fromRow.get(i),
                    String.valueOf(fromTrail.get(i).equals(fromRow.get(i))), source));
        }
    }

    private void row(String section, String item, String period, String type, String date, String count,
                     String amount, String detail) {
        rows.add(List.of(section, item, period, type, date, count, amount, "", "", detail));
    }
}
