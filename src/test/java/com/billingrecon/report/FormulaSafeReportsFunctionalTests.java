package com.billingrecon.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Report;
import com.billingrecon.support.Run;
import com.billingrecon.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §7, CSV injection: ids, file names and raw records that begin like a formula reach every report of the
 * night with a {@code '} before them, while the amounts beside them (negative ones too) are written as they are.
 */
class FormulaSafeReportsFunctionalTests {

    private static final String DAY = "2026-10-01";

    @TempDir
    Path work;

    @Test
    void formulaLikeTextIsWrittenWithAQuoteBeforeItInEveryReportAndAmountsAreNot() throws Exception {
        // given
        Path input = Files.createDirectory(work.resolve("in"));
        InputFiles.in(input)
                .accounts("=1+2,Formula,SGD,INDIVIDUAL_AND_MONTHLY,100,0", "-A2,Minus,SGD,CONSOLIDATED_MONTHLY,0,0")
                .charges(DAY, "+CH1,=1+2,SUBSCRIPTION,2026-10-01,10,SGD,monthly")
                .cdrs(DAY, "@C1,-A2,CALL,2026-10-01T10:00:00Z,60,2.5,SGD,COMPLETED",
                        "=C2,=9,CALL,2026-10-01T10:00:00Z,60,1,SGD,COMPLETED",
                        "\tC3,nobody,SMS,2026-10-01T10:00:00Z,,0.1,SGD,COMPLETED");
        Files.writeString(input.resolve("=HYPERLINK.csv"), "x\n");
        Files.writeString(input.resolve("@SUM(A1).txt"), "x\n");
        Path output = work.resolve("out");

        // when
        ExitCode exit = Run.nightly(TestDatabase.freshDatabaseUrl(), input, output, DAY);

        // then
        assertThat(exit).isEqualTo(ExitCode.DONE);
        Report balances = Report.balances(output, DAY);
        assertThat(balances.column("account_id")).containsExactly("'-A2", "'=1+2");
        assertThat(Report.values(balances.account("'-A2"), "expecting_invoice", "current_balance"))
                .as("amounts are never prefixed").containsExactly("-2.5", "-2.5");

        Report invoices = Report.invoices(output, DAY);
        assertThat(Report.values(invoices.invoice("INV-=1+2-+CH1"), "account_id", "charge_id", "total"))
                .containsExactly("'=1+2", "'+CH1", "10");

        Report rejects = Report.of(output, DAY, "rejects.csv");
        assertThat(rejects.column("record")).containsExactly("'=C2,=9,CALL,2026-10-01T10:00:00Z,60,1,SGD,COMPLETED",
                "'\tC3,nobody,SMS,2026-10-01T10:00:00Z,,0.1,SGD,COMPLETED");
        assertThat(rejects.column("reason")).containsOnly("UNKNOWN_ACCOUNT");

        Report reconciliation = Report.of(output, DAY, "reconciliation.csv");
        assertThat(reconciliation.column("file")).containsExactly("accounts.csv", "cdr-2026-10-01.csv",
                "charges-2026-10-01.csv", "'=HYPERLINK.csv", "'@SUM(A1).txt");
    }
}
