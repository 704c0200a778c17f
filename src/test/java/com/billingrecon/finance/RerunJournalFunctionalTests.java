package com.billingrecon.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.FinanceFiles;
import com.billingrecon.support.GeneratedInput;
import com.billingrecon.support.Report;
import com.billingrecon.support.Run;
import com.billingrecon.support.TestDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rerun folder's journal of adjusting entries: with it, every journal written (nightly and rerun) adds up to
 * the ledger the rerun left, while the nightly journals alone no longer do. Generated data over two month closes;
 * late files of October (a hardware charge, a service credit, a payment) taken in by a rerun of October,
 * whose journal posts exactly what they changed.
 */
class RerunJournalFunctionalTests {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 24);
    private static final int DAYS = 42;
    private static final int CDRS_PER_DAY = 10;
    private static final String RERUN_DATE = "2026-11-03";
    private static final String LAST_DAY = "2026-11-04";
    private static final String RECEIVABLES = "1100";
    private static final String CUSTOMER_CREDIT = "2100";

    @TempDir
    Path work;

    @Test
    void nightlyAndRerunJournalsTogetherAddUpToTheRegisterAndTheRerunPostsOnlyWhatTheLateFilesChanged() throws IOException {
        Path input = work.resolve("in");
        Path output = work.resolve("out");
        String db = TestDatabase.freshDatabaseUrl();
        GeneratedInput.write(input, FIRST_DAY, DAYS, CDRS_PER_DAY);
        assertThat(Run.nightly(db, input, output, RERUN_DATE)).isEqualTo(ExitCode.DONE);
        late(input, "charges-2026-10-12-late.csv", "charge_id,account_id,type,charge_date,amount,currency,description",
                "LATE-H,A02,HARDWARE,2026-10-12,349.00,SGD,router", "LATE-S,A01,SERVICE,2026-10-09,-20,SGD,outage credit");
        late(input, "payments-2026-10-22-late.csv", "payment_id,account_id,payment_date,amount,currency,method,invoice_ref",
                "LATE-G,A05,2026-10-22,750,SGD,GIRO,");
        assertThat(Run.rerun(db, input, output, "2026-10")).isEqualTo(ExitCode.DONE);
        assertThat(Run.nightly(db, input, output, LAST_DAY)).isEqualTo(ExitCode.DONE);

        List<Report> nightly = new ArrayList<>();
        FinanceFiles.days(output).forEach(day -> nightly.add(Report.of(output, day, "journal.csv")));
        Path rerunJournalFile = output.resolve("rerun-2026-10/journal.csv");
        Report rerun = Report.read(rerunJournalFile, FinanceFiles.JOURNAL_HEADER);
        List<Report> all = new ArrayList<>(nightly);
        all.add(rerun);

        BigDecimal open = FinanceFiles.openByCurrency(Report.invoices(output, LAST_DAY),
                FinanceFiles.currencies(output, LAST_DAY)).get("SGD");
        BigDecimal credit = FinanceFiles.sumByCurrency(Report.of(output, LAST_DAY, "aging.csv"), "unapplied_credit",
                "currency").get("SGD");
        assertThat(netDebit(all, RECEIVABLES)).as("AR postings, nightly and rerun").isEqualByComparingTo(open);
        assertThat(netDebit(all, CUSTOMER_CREDIT).negate()).as("customer credit postings, nightly and rerun")
                .isEqualByComparingTo(credit);
        assertThat(netDebit(nightly, RECEIVABLES).subtract(netDebit(nightly, CUSTOMER_CREDIT)))
                .as("the nightly journals alone miss what the rerun changed")
                .isNotEqualByComparingTo(open.subtract(credit));
        FinanceFiles.assertBalancedEntries(rerunJournalFile);

        // what the late files changed, and nothing else, dated the rerun's last run date
        Map<String, BigDecimal> byGl = new TreeMap<>();
        for (Map<String, String> line : rerun.rows()) {
            assertThat(line.get("date")).isEqualTo(RERUN_DATE);
            assertThat(line.get("entry")).startsWith("R20261103-");
            byGl.merge(line.get("gl_account"), FinanceFiles.amount(line.get("debit"))
                    .subtract(FinanceFiles.amount(line.get("credit"))), BigDecimal::add);
        }
        assertThat(byGl.get("4130")).as("the late router's revenue, credited").isEqualByComparingTo("-349.00");
        assertThat(byGl.get("4120")).as("the outage credit, debited to service revenue")
                .isEqualByComparingTo("20");
        assertThat(byGl.get("1000")).as("the late payment reaches the bank").isEqualByComparingTo("750");
        assertThat(byGl.keySet()).as("no usage or other charge revenue moves")
                .doesNotContain("4010", "4020", "4030", "4040", "4100", "4110");
    }

    private static void late(Path input, String name, String... lines) throws IOException {
        Files.write(input.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }

    private static BigDecimal netDebit(List<Report> journals, String glAccount) {
        return journals.stream().map(j -> FinanceFiles.netDebit(j, glAccount).getOrDefault("SGD", BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
