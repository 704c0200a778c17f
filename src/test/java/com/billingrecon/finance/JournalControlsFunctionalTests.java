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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The night's two controls on generated data over three billing periods (September to November, two month
 * closes) with late files and a rerun of October in between: every day's journal is balanced, and the AR
 * control balance equals the open invoice amounts less unapplied credit.
 */
class JournalControlsFunctionalTests {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 24);
    private static final int DAYS = 45;
    private static final int CDRS_PER_DAY = 40;

    @TempDir
    Path work;

    @Test
    void journalsBalanceAndArEqualsTheRegisterEveryDayBeforeAndAfterARerunOfOctober() throws IOException {
        Path input = work.resolve("in");
        Path output = work.resolve("out");
        String db = TestDatabase.freshDatabaseUrl();
        GeneratedInput.write(input, FIRST_DAY, DAYS, CDRS_PER_DAY);

        assertThat(Run.nightly(db, input, output, "2026-11-05")).isEqualTo(ExitCode.DONE);
        // late files of October: an individual charge, a consolidated charge and an overpayment
        Files.writeString(input.resolve("charges-2026-10-15-late.csv"), """
                charge_id,account_id,type,charge_date,amount,currency,description
                LATE-1,A02,HARDWARE,2026-10-15,199.99,SGD,handset
                LATE-2,A01,SERVICE,2026-10-14,-12.5,SGD,goodwill credit
                """, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("payments-2026-10-20-late.csv"), """
                payment_id,account_id,payment_date,amount,currency,method,invoice_ref
                LATE-P,A04,2026-10-20,5000,SGD,GIRO,
                """, StandardCharsets.UTF_8);
        assertThat(Run.nightly(db, input, output, "2026-11-06")).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        FinanceFiles.assertPostingsUpToEachDayAddUpToItsRegister(output);

        assertThat(Run.rerun(db, input, output, "2026-10")).isEqualTo(ExitCode.DONE);
        assertThat(Report.read(output.resolve("rerun-2026-10/revisions.csv")).rows()).as("the rerun revised invoices")
                .isNotEmpty();
        assertThat(Run.nightly(db, input, output, "2026-11-07")).isEqualTo(ExitCode.DONE);

        assertThat(FinanceFiles.days(output)).hasSize(DAYS);
        for (String day : FinanceFiles.days(output)) {
            Path folder = output.resolve("nightly-" + day);
            FinanceFiles.assertBalancedEntries(folder.resolve("journal.csv"));
            assertThat(FinanceFiles.controls(folder.resolve("summary.html"))).as(day)
                    .containsKeys("journal SGD", "ar SGD").doesNotContainValue(false);
        }
        // after the rerun: open invoices − unapplied credit = what the accounts owe on invoices, −Σ amount_due
        Map<String, String> currencies = FinanceFiles.currencies(output, "2026-11-07");
        Report balances = Report.balances(output, "2026-11-07");
        BigDecimal open = FinanceFiles.openByCurrency(Report.invoices(output, "2026-11-07"), currencies).get("SGD");
        BigDecimal credit = FinanceFiles.sumByCurrency(Report.of(output, "2026-11-07", "aging.csv"),
                "unapplied_credit", "currency").get("SGD");
        BigDecimal owed = balances.rows().stream().map(r -> new BigDecimal(r.get("amount_due")))
                .reduce(BigDecimal.ZERO, BigDecimal::add).negate();
        assertThat(credit).as("the late overpayment left credit").isPositive();
        assertThat(open.subtract(credit)).isEqualByComparingTo(owed);
    }
}
