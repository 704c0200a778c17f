package com.billingrecon.finance;

import static com.billingrecon.support.FinanceFiles.amount;
import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.FinanceFiles;
import com.billingrecon.support.Report;
import com.billingrecon.support.ReportFolders;
import com.billingrecon.support.Run;
import com.billingrecon.support.SampleRun;
import com.billingrecon.support.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * aging.csv, journal.csv and the controls of summary.html in every day's folder of the sample data, checked
 * against the register and balances of the same folders.
 */
class FinanceReportsFunctionalTests {

    private static final int DEFAULT_TERMS = 30;
    private static final List<String> BUCKETS = List.of("current", "1-30", "31-60", "61-90", "90+");

    private final SampleRun samples = SampleRun.get();

    @TempDir
    Path work;

    @Test
    void agingTotalOpenPerCurrencyEqualsTheOpenAmountsOfTheRegisterEveryDay() {
        for (String day : FinanceFiles.days(samples.output())) {
            Report aging = Report.of(samples.output(), day, "aging.csv");
            Map<String, BigDecimal> open = FinanceFiles.openByCurrency(Report.invoices(samples.output(), day),
                    currencies(day));
            assertThat(FinanceFiles.sumByCurrency(aging, "total_open", "currency")).as(day).isEqualTo(open);
        }
    }

    @Test
    void agingPutsEachOpenInvoiceInTheBucketOfItsDaysPastTheIssueDatePlusTheDefaultTerms() {
        for (String day : FinanceFiles.days(samples.output())) {
            Map<String, String> currencies = currencies(day);
            Map<String, List<String>> expected = new TreeMap<>();
            for (Map<String, String> invoice : Report.invoices(samples.output(), day).rows()) {
                BigDecimal open = new BigDecimal(invoice.get("open"));
                if (open.signum() == 0) {
                    continue;
                }
                long pastDue = ChronoUnit.DAYS.between(LocalDate.parse(invoice.get("issue_date")).plusDays(DEFAULT_TERMS),
                        LocalDate.parse(day));
                int bucket = pastDue <= 0 ? 0 : pastDue <= 30 ? 1 : pastDue <= 60 ? 2 : pastDue <= 90 ? 3 : 4;
                List<String> row = expected.computeIfAbsent(invoice.get("account_id"), a -> zeros());
                row.set(bucket, new BigDecimal(row.get(bucket)).add(open).toPlainString());
            }
            Report aging = ReportRows.aging(samples.output(), day);
            for (Map<String, String> row : aging.rows()) {
                List<String> actual = BUCKETS.stream().map(b -> new BigDecimal(row.get(b)).stripTrailingZeros().toPlainString()).toList();
                List<String> want = expected.getOrDefault(row.get("account_id"), zeros()).stream()
                        .map(v -> new BigDecimal(v).stripTrailingZeros().toPlainString()).toList();
                assertThat(actual).as("%s %s buckets", day, row.get("account_id")).isEqualTo(want);
                assertThat(row.get("currency")).isEqualTo(currencies.get(row.get("account_id")));
                assertThat(amount(row.get("total_open"))).isEqualByComparingTo(
                        BUCKETS.stream().map(b -> amount(row.get(b))).reduce(BigDecimal.ZERO, BigDecimal::add));
            }
            assertThat(aging.column("account_id")).as("%s: one row per account with open items, sorted", day)
                    .isSorted().doesNotHaveDuplicates().containsAll(expected.keySet());
        }
    }

    @Test
    void everyJournalEntryBalancesAndTheSummaryShowsBothControlsPassing() {
        for (String day : FinanceFiles.days(samples.output())) {
            Path folder = samples.output().resolve("nightly-" + day);
            Report.lines(folder.resolve("journal.csv"), FinanceFiles.JOURNAL_HEADER);
            FinanceFiles.assertBalancedEntries(folder.resolve("journal.csv"));
            Map<String, Boolean> controls = FinanceFiles.controls(folder.resolve("summary.html"));
            assertThat(controls).as(day).containsKeys("files ", "journal SGD", "journal JPY", "ar SGD", "ar JPY").doesNotContainValue(false);
        }
    }

    @Test
    void theSummaryPageIsStaticWithInlineChartsAndNothingFetchedSoItOpensFromFile() {
        for (String day : FinanceFiles.days(samples.output())) {
            String page = FinanceFiles.text(samples.output().resolve("nightly-" + day).resolve("summary.html"));
            assertThat(page).as(day).startsWith("<!DOCTYPE html>").contains("<svg", "Nightly close " + day)
                    .doesNotContain("<script", "src=", "href=", "@import", "url(");
            // the SVG namespace is a name, not something fetched; nothing else refers to the network
            assertThat(page.replace("http://www.w3.org/2000/svg", "")).as(day).doesNotContain("http:", "https:");
        }
    }

    @Test
    void theJournalsPostingsUpToADayAddUpToTheOpenInvoicesAndTheUnappliedCreditOfThatDay() {
        FinanceFiles.assertPostingsUpToEachDayAddUpToItsRegister(samples.output());
    }

    @Test
    void theJournalOfACloseDayPostsEachInvoicesRevenueByProductAndItsGst() {
        Report journal = Report.of(samples.output(), "2026-10-01", "journal.csv");
        Map<String, Map<String, String>> invoices = Report.invoices(samples.output(), "2026-10-01").by("invoice_no");
        Map<String, BigDecimal> gst = new HashMap<>();
        Map<String, BigDecimal> revenue = new HashMap<>();
        for (Map<String, String> line : journal.rows()) {
            String gl = line.get("gl_account");
            BigDecimal credit = amount(line.get("credit")).subtract(amount(line.get("debit")));
            if (gl.equals("2200")) {
                gst.merge(line.get("document"), credit, BigDecimal::add);
            } else if (gl.startsWith("4")) {
                revenue.merge(line.get("document"), credit, BigDecimal::add);
            }
        }
        List<Map<String, String>> issued = invoices.values().stream()
                .filter(i -> i.get("issue_date").equals("2026-10-01")).toList();
        assertThat(issued).isNotEmpty();
        for (Map<String, String> invoice : issued) {
            String no = invoice.get("invoice_no");
            assertThat(revenue.getOrDefault(no, BigDecimal.ZERO)).as("revenue of %s", no)
                    .isEqualByComparingTo(invoice.get("subtotal"));
            assertThat(gst.getOrDefault(no, BigDecimal.ZERO)).as("GST of %s", no).isEqualByComparingTo(invoice.get("tax"));
        }
    }

    @Test
    void paymentTermsOfAnAccountOverrideTheDefaultAndAnEmptyValueKeepsIt() throws IOException {
        Path input = Files.createDirectory(work.resolve("in"));
        Path output = work.resolve("out");
        Files.writeString(input.resolve("accounts.csv"), """
                account_id,name,currency,invoicing_mode,credit_limit,tax_rate,payment_terms_days
                T0,Pays at once,SGD,INDIVIDUAL_AND_MONTHLY,100,0,0
                T14,Two weeks,SGD,INDIVIDUAL_AND_MONTHLY,100,0,14
                TD,Default,SGD,INDIVIDUAL_AND_MONTHLY,100,0,
                TX,Bad terms,SGD,INDIVIDUAL_AND_MONTHLY,100,0,30 days
                """, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("charges-2026-10-01.csv"), """
                charge_id,account_id,type,charge_date,amount,currency,description
                S0,T0,SUBSCRIPTION,2026-10-01,10,SGD,plan
                S14,T14,SUBSCRIPTION,2026-10-01,20,SGD,plan
                SD,TD,SUBSCRIPTION,2026-10-01,30,SGD,plan
                """, StandardCharsets.UTF_8);
        ExitCode exit = Run.nightly(TestDatabase.freshDatabaseUrl(), input, output, "2026-11-01");

        assertThat(exit).isEqualTo(ExitCode.DONE);
        assertThat(Report.of(output, "2026-10-01", "rejects.csv").column("reason")).containsExactly("INVALID_PAYMENT_TERMS");
        assertThat(agingRow(output, "2026-10-01", "T0")).containsExactly("10", "0", "0", "0", "0");
        assertThat(agingRow(output, "2026-10-02", "T0")).containsExactly("0", "10", "0", "0", "0");
        assertThat(agingRow(output, "2026-10-15", "T14")).containsExactly("20", "0", "0", "0", "0");
        assertThat(agingRow(output, "2026-10-16", "T14")).containsExactly("0", "20", "0", "0", "0");
        assertThat(agingRow(output, "2026-10-31", "TD")).containsExactly("30", "0", "0", "0", "0");
        assertThat(agingRow(output, "2026-11-01", "TD")).containsExactly("0", "30", "0", "0", "0");
        assertThat(agingRow(output, "2026-10-31", "T0")).containsExactly("0", "10", "0", "0", "0");
        assertThat(agingRow(output, "2026-11-01", "T0")).containsExactly("0", "0", "10", "0", "0");
    }

    private static List<String> agingRow(Path output, String day, String account) {
        return Report.values(Report.of(output, day, "aging.csv").row("account_id", account),
                BUCKETS.toArray(String[]::new));
    }

    private Map<String, String> currencies(String day) {
        return FinanceFiles.currencies(samples.output(), day);
    }

    private static List<String> zeros() {
        return new java.util.ArrayList<>(List.of("0", "0", "0", "0", "0"));
    }

    /** aging.csv after checking its exact header. */
    private static final class ReportRows {
        static Report aging(Path output, String day) {
            Report.lines(output.resolve("nightly-" + day).resolve("aging.csv"), FinanceFiles.AGING_HEADER);
            return Report.of(output, day, "aging.csv");
        }
    }
}
