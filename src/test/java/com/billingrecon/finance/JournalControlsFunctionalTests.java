package com.billingrecon.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.FinanceFiles;
import com.billingrecon.support.GeneratedInput;
import com.billingrecon.support.Report;
import com.billingrecon.support.Run;
import com.billingrecon.support.Slow;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The night's two controls and the rerun's adjusting journal, on one scenario of generated data over three
 * billing periods (September to November, two month closes), run once for the class: nightly to 2026-11-05,
 * late files of October (a hardware charge, a service credit, an overpayment) held by the night of 2026-11-06,
 * taken in by a rerun of October, then the night of 2026-11-07. Every day's journal is balanced and the AR
 * control balance equals the open invoice amounts less unapplied credit; with the rerun folder's journal every
 * journal written (nightly and rerun) adds up to the ledger the rerun left, while the nightly journals alone no
 * longer do, and the rerun's journal posts exactly what the late files changed.
 */
@Slow
class JournalControlsFunctionalTests {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 24);
    private static final int DAYS = 45;
    private static final int CDRS_PER_DAY = 40;
    /** The rerun's last run date: the date of its journal's entries. */
    private static final String RERUN_DATE = "2026-11-06";
    private static final String LAST_DAY = "2026-11-07";
    private static final String RECEIVABLES = "1100";
    private static final String CUSTOMER_CREDIT = "2100";

    @TempDir
    static Path work;

    private static Path output;
    /** The output as the night of 2026-11-06 left it, before the rerun. */
    private static Path beforeRerun;
    private static ExitCode heldNight;
    private static ExitCode rerun;
    private static ExitCode lastNight;

    @BeforeAll
    static void runTheScenario() throws IOException {
        Path input = work.resolve("in");
        output = work.resolve("out");
        beforeRerun = work.resolve("before-rerun");
        String db = TestDatabase.freshDatabaseUrl();
        GeneratedInput.write(input, FIRST_DAY, DAYS, CDRS_PER_DAY);

        assertThat(Run.nightly(db, input, output, "2026-11-05")).isEqualTo(ExitCode.DONE);
        Files.writeString(input.resolve("charges-2026-10-15-late.csv"), """
                charge_id,account_id,type,charge_date,amount,currency,description
                LATE-1,A02,HARDWARE,2026-10-15,199.99,SGD,handset
                LATE-2,A01,SERVICE,2026-10-14,-12.5,SGD,goodwill credit
                """, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("payments-2026-10-20-late.csv"), """
                payment_id,account_id,payment_date,amount,currency,method,invoice_ref
                LATE-P,A04,2026-10-20,5000,SGD,GIRO,
                """, StandardCharsets.UTF_8);
        heldNight = Run.nightly(db, input, output, RERUN_DATE);
        copy(output, beforeRerun);
        rerun = Run.rerun(db, input, output, "2026-10");
        lastNight = Run.nightly(db, input, output, LAST_DAY);
    }

    @Test
    void journalsBalanceAndArEqualsTheRegisterEveryDayBeforeAndAfterARerunOfOctober() throws IOException {
        assertThat(heldNight).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        FinanceFiles.assertPostingsUpToEachDayAddUpToItsRegister(beforeRerun);

        assertThat(rerun).isEqualTo(ExitCode.DONE);
        assertThat(Report.read(output.resolve("rerun-2026-10/revisions.csv")).rows()).as("the rerun revised invoices")
                .isNotEmpty();
        assertThat(lastNight).isEqualTo(ExitCode.DONE);

        assertThat(FinanceFiles.days(output)).hasSize(DAYS);
        for (String day : FinanceFiles.days(output)) {
            Path folder = output.resolve("nightly-" + day);
            FinanceFiles.assertBalancedEntries(folder.resolve("journal.csv"));
            assertThat(FinanceFiles.controls(folder.resolve("summary.html"))).as(day)
                    .containsKeys("journal SGD", "ar SGD").doesNotContainValue(false);
        }
        // after the rerun: open invoices − unapplied credit = what the accounts owe on invoices, −Σ amount_due
        Map<String, String> currencies = FinanceFiles.currencies(output, LAST_DAY);
        Report balances = Report.balances(output, LAST_DAY);
        BigDecimal open = FinanceFiles.openByCurrency(Report.invoices(output, LAST_DAY), currencies).get("SGD");
        BigDecimal credit = FinanceFiles.sumByCurrency(Report.of(output, LAST_DAY, "aging.csv"),
                "unapplied_credit", "currency").get("SGD");
        BigDecimal owed = balances.rows().stream().map(r -> new BigDecimal(r.get("amount_due")))
                .reduce(BigDecimal.ZERO, BigDecimal::add).negate();
        assertThat(credit).as("the late overpayment left credit").isPositive();
        assertThat(open.subtract(credit)).isEqualByComparingTo(owed);
    }

    @Test
    void nightlyAndRerunJournalsTogetherAddUpToTheRegisterAndTheRerunPostsOnlyWhatTheLateFilesChanged() {
        assertThat(rerun).isEqualTo(ExitCode.DONE);
        assertThat(lastNight).isEqualTo(ExitCode.DONE);
        List<Report> nightly = new ArrayList<>();
        FinanceFiles.days(output).forEach(day -> nightly.add(Report.of(output, day, "journal.csv")));
        Path rerunJournalFile = output.resolve("rerun-2026-10/journal.csv");
        Report rerunJournal = Report.read(rerunJournalFile, FinanceFiles.JOURNAL_HEADER);
        List<Report> all = new ArrayList<>(nightly);
        all.add(rerunJournal);

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
        for (Map<String, String> line : rerunJournal.rows()) {
            assertThat(line.get("date")).isEqualTo(RERUN_DATE);
            assertThat(line.get("entry")).startsWith("R" + RERUN_DATE.replace("-", "") + "-");
            byGl.merge(line.get("gl_account"), FinanceFiles.amount(line.get("debit"))
                    .subtract(FinanceFiles.amount(line.get("credit"))), BigDecimal::add);
        }
        assertThat(byGl.get("4130")).as("the late handset's revenue, credited").isEqualByComparingTo("-199.99");
        assertThat(byGl.get("4120")).as("the goodwill credit, debited to service revenue")
                .isEqualByComparingTo("12.5");
        assertThat(byGl.get("1000")).as("the late payment reaches the bank").isEqualByComparingTo("5000");
        assertThat(byGl.keySet()).as("no usage or other charge revenue moves")
                .doesNotContain("4010", "4020", "4030", "4040", "4100", "4110");
    }

    private static BigDecimal netDebit(List<Report> journals, String glAccount) {
        return journals.stream().map(j -> FinanceFiles.netDebit(j, glAccount).getOrDefault("SGD", BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
