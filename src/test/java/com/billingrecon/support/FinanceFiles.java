package com.billingrecon.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sums over a day's aging.csv, journal.csv, invoices.csv and the controls of summary.html, for the checks. */
public final class FinanceFiles {

    public static final String AGING_HEADER =
            "account_id,currency,current,1-30,31-60,61-90,90+,total_open,unapplied_credit";
    public static final String JOURNAL_HEADER =
            "entry,date,gl_account,debit,credit,currency,account_id,document,description";
    private static final Pattern CONTROL = Pattern.compile(
            "<tr data-control=\"([a-z]+)\" data-currency=\"([A-Z]*)\" data-ok=\"(true|false)\">");

    private FinanceFiles() {
    }

    /** Per currency, the sum of {@code column} over the rows of a report. */
    public static Map<String, BigDecimal> sumByCurrency(Report report, String column, String currencyColumn) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Map<String, String> row : report.rows()) {
            String value = row.get(column);
            sums.merge(row.get(currencyColumn), value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value),
                    BigDecimal::add);
        }
        sums.values().removeIf(v -> v.signum() == 0);
        return sums;
    }

    /** Per currency, the open amounts of invoices.csv (its rows carry the account, aging.csv's the currency). */
    public static Map<String, BigDecimal> openByCurrency(Report invoices, Map<String, String> currencyOfAccount) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Map<String, String> row : invoices.rows()) {
            sums.merge(currencyOfAccount.get(row.get("account_id")), new BigDecimal(row.get("open")), BigDecimal::add);
        }
        sums.values().removeIf(v -> v.signum() == 0);
        return sums;
    }

    /** Per currency, the net debit (debits − credits) of one general-ledger account in a journal. */
    public static Map<String, BigDecimal> netDebit(Report journal, String glAccount) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Map<String, String> line : journal.rows()) {
            if (line.get("gl_account").equals(glAccount)) {
                sums.merge(line.get("currency"), amount(line.get("debit")).subtract(amount(line.get("credit"))),
                        BigDecimal::add);
            }
        }
        return sums;
    }

    /** The controls of a summary page: "journal SGD" → true, "ar JPY" → false, "files " → ... */
    public static Map<String, Boolean> controls(Path summaryHtml) {
        Map<String, Boolean> controls = new TreeMap<>();
        Matcher m = CONTROL.matcher(text(summaryHtml));
        while (m.find()) {
            controls.put(m.group(1) + " " + m.group(2), Boolean.parseBoolean(m.group(3)));
        }
        return controls;
    }

    public static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BigDecimal amount(String text) {
        return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }

    /** Every journal line has exactly one of debit and credit, and each entry adds up to zero. */
    public static void assertBalancedEntries(Path journalCsv) {
        Report journal = Report.read(journalCsv);
        Map<String, BigDecimal> byEntry = new TreeMap<>();
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        for (Map<String, String> line : journal.rows()) {
            assertThat(line.get("debit").isEmpty()).as("%s: one of debit and credit is empty: %s", journalCsv, line)
                    .isNotEqualTo(line.get("credit").isEmpty());
            BigDecimal net = amount(line.get("debit")).subtract(amount(line.get("credit")));
            byEntry.merge(line.get("entry"), net, BigDecimal::add);
            BigDecimal[] sums = byCurrency.computeIfAbsent(line.get("currency"),
                    c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(amount(line.get("debit")));
            sums[1] = sums[1].add(amount(line.get("credit")));
        }
        byEntry.forEach((entry, net) -> assertThat(net).as("%s entry %s balances", journalCsv, entry)
                .isEqualByComparingTo("0"));
        byCurrency.forEach((currency, sums) -> assertThat(sums[0]).as("%s %s debits = credits", journalCsv, currency)
                .isEqualByComparingTo(sums[1]));
    }

    public static List<String> days(Path output) {
        return ReportFolders.names(output).stream().filter(n -> n.startsWith("nightly-"))
                .map(n -> n.substring("nightly-".length())).toList();
    }

    /**
     * Adding up every day's postings: receivables end at the open amounts of that day's register, and customer
     * credit at the unapplied credit of that day's aging, so the journals miss nothing and count nothing twice.
     */
    public static void assertPostingsUpToEachDayAddUpToItsRegister(Path output) {
        Map<String, BigDecimal> receivables = new TreeMap<>();
        Map<String, BigDecimal> customerCredit = new TreeMap<>();
        for (String day : days(output)) {
            Report journal = Report.of(output, day, "journal.csv");
            netDebit(journal, "1100").forEach((c, v) -> receivables.merge(c, v, BigDecimal::add));
            netDebit(journal, "2100").forEach((c, v) -> customerCredit.merge(c, v.negate(), BigDecimal::add));
            assertThat(plain(receivables)).as("AR postings up to %s", day)
                    .isEqualTo(plain(openByCurrency(Report.invoices(output, day), currencies(output, day))));
            assertThat(plain(customerCredit)).as("customer credit postings up to %s", day).isEqualTo(plain(
                    sumByCurrency(Report.of(output, day, "aging.csv"), "unapplied_credit", "currency")));
        }
    }

    /** The currency of each account, from that day's balances.csv. */
    public static Map<String, String> currencies(Path output, String day) {
        Map<String, String> currencies = new TreeMap<>();
        Report.balances(output, day).rows().forEach(r -> currencies.put(r.get("account_id"), r.get("currency")));
        return currencies;
    }

    /** Non-zero sums in their plain form, so that 1.50 and 1.5 compare equal. */
    private static Map<String, String> plain(Map<String, BigDecimal> sums) {
        Map<String, String> out = new TreeMap<>();
        sums.forEach((k, v) -> {
            if (v.signum() != 0) {
                out.put(k, v.stripTrailingZeros().toPlainString());
            }
        });
        return out;
    }
}
