package com.billingrecon.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Report;
import com.billingrecon.support.Run;
import com.billingrecon.support.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's two worked examples ("Current balance = Expecting Invoice + Amount Due", SPEC §5), each
 * reproduced by a whole nightly run from input files built so that the balances row shows the seed's
 * figures exactly. The comments carry the arithmetic, tax included.
 */
class SeedExamplesFunctionalTests {

    private static final String[] BALANCE = {"invoicing_mode", "credit_limit", "reserved_credits", "usable_credits",
            "expecting_invoice", "amount_due", "amount_due_side", "current_balance", "current_balance_side", "status"};
    private static final String[] SETTLEMENT = {"subtotal", "tax", "total", "paid", "open", "status"};

    @TempDir
    Path input;
    @TempDir
    Path output;

    @Test
    void exampleOneIndividualAndMonthlyOwesUnbilledUsageAndTheRestOfLastMonthsInvoice() {
        // given: September usage 60.10544 + 39.9 = 100.00544; 9 % tax = 9.0004896 -> 9.00; total 109.00544.
        // The customer pays 108.80 of it, leaving 0.20544. October's usage 1200 + 50 + 360.61 = 1610.61 is
        // not invoiced until 11-01. A subscription charge (45 + 4.05 tax) is invoiced at once and paid in full.
        InputFiles.in(input)
                .accounts("SEED-1,Harbourline Logistics Pte Ltd,SGD,INDIVIDUAL_AND_MONTHLY,2000,0.09")
                .cdrs("2026-09-30",
                        "S-1,SEED-1,CALL,2026-09-29T10:00:00Z,3600,60.10544,SGD,COMPLETED",
                        "S-2,SEED-1,FAX,2026-09-30 08:00:00,300,39.9,SGD,COMPLETED")
                .charges("2026-10-03", "CH-1,SEED-1,SUBSCRIPTION,2026-10-01,45,SGD,October plan")
                .payments("2026-10-05",
                        "P-1,SEED-1,2026-10-04,108.80,SGD,BANK_TRANSFER,INV-SEED-1-202609-U",
                        "P-2,SEED-1,2026-10-05,49.05,SGD,CARD,INV-SEED-1-CH-1")
                .cdrs("2026-10-15",
                        "O-1,SEED-1,CALL,2026-10-14T09:00:00+08:00,7200,1200.00,SGD,COMPLETED",
                        "O-2,SEED-1,NUMBER_ACTIVATION,2026-10-15T01:00:00Z,,50,SGD,COMPLETED")
                .cdrs("2026-10-31", "O-3,SEED-1,CALL,2026-10-31T12:00:00Z,1800,360.61,SGD,COMPLETED");

        // when
        ExitCode code = Run.nightly(TestDatabase.freshDatabaseUrl(), input, output, "2026-10-31");

        // then: (−1610.61) + (−0.20544) = (−1610.81544) SGD, DR; the limit has 2000 − 1610.61 left.
        assertThat(code).isEqualTo(ExitCode.DONE);
        assertThat(Report.values(Report.balances(output, "2026-10-31").account("SEED-1"), BALANCE)).containsExactly(
                "INDIVIDUAL_AND_MONTHLY", "2000", "0", "389.39",
                "-1610.61", "-0.20544", "DR", "-1610.81544", "DR", "OK");
        Report invoices = Report.invoices(output, "2026-10-31");
        assertThat(Report.values(invoices.invoice("INV-SEED-1-202609-U"), SETTLEMENT)).containsExactly(
                "100.00544", "9", "109.00544", "108.8", "0.20544", "PARTIALLY_PAID");
        assertThat(Report.values(invoices.invoice("INV-SEED-1-CH-1"), SETTLEMENT)).containsExactly(
                "45", "4.05", "49.05", "49.05", "0", "PAID");
        assertThat(invoices.column("invoice_no")).containsExactly("INV-SEED-1-202609-U", "INV-SEED-1-CH-1");
    }

    @Test
    void exampleTwoConsolidatedMonthlyWithACreditLargerThanItsUsageIsInCredit() {
        // given: September usage 10.000009; 9 % tax = 0.90000081 -> 0.90; total 10.900009, of which 10.90 is
        // paid, leaving 0.000009. In October a −100 credit charge and usage of 30 + 4.02 = 34.02.
        InputFiles.in(input)
                .accounts("SEED-2,Kestrel Analytics Pte Ltd,SGD,CONSOLIDATED_MONTHLY,100,0.09")
                .cdrs("2026-09-30", "E-1,SEED-2,CALL,2026-09-30T03:00:00Z,600,10.000009,SGD,COMPLETED")
                .payments("2026-10-02", "P-1,SEED-2,2026-10-02,10.90,SGD,BANK_TRANSFER,")
                .charges("2026-10-03", "CR-1,SEED-2,SERVICE,2026-10-03,-100,SGD,outage credit")
                .cdrs("2026-10-20",
                        "E-2,SEED-2,CALL,2026-10-20T10:00:00Z,3000,30.00,SGD,COMPLETED",
                        "E-3,SEED-2,SMS,2026-10-20T11:00:00Z,0,4.02,SGD,COMPLETED");

        // when: through October and its close date
        ExitCode code = Run.nightly(TestDatabase.freshDatabaseUrl(), input, output, "2026-11-01");

        // then, on 10-31: expecting −(−100 + 34.02) = 65.98; 65.98 + (−0.000009) = 65.979991 SGD, CR.
        // The unbilled credit is not applied to the open 0.000009, and it raises the usable credits:
        // 100 − (34.02 − 100) = 165.98.
        assertThat(code).isEqualTo(ExitCode.DONE);
        assertThat(Report.values(Report.balances(output, "2026-10-31").account("SEED-2"), BALANCE)).containsExactly(
                "CONSOLIDATED_MONTHLY", "100", "0", "165.98",
                "65.98", "-0.000009", "DR", "65.979991", "CR", "OK");
        assertThat(Report.values(Report.invoices(output, "2026-10-31").invoice("INV-SEED-2-202609-C"), SETTLEMENT))
                .containsExactly("10.000009", "0.9", "10.900009", "10.9", "0.000009", "PARTIALLY_PAID");

        // and on 11-01 October is invoiced: −65.98, tax −5.9382 -> −5.94, total −71.92, a credit note whose
        // 71.92 first settles September's 0.000009; 71.919991 stays as credit, so the amount due is CR.
        Report invoices = Report.invoices(output, "2026-11-01");
        assertThat(Report.values(invoices.invoice("INV-SEED-2-202610-C"), SETTLEMENT))
                .containsExactly("-65.98", "-5.94", "-71.92", "0", "0", "CREDIT");
        assertThat(Report.values(invoices.invoice("INV-SEED-2-202609-C"), SETTLEMENT))
                .containsExactly("10.000009", "0.9", "10.900009", "10.900009", "0", "PAID");
        assertThat(Report.values(Report.balances(output, "2026-11-01").account("SEED-2"), BALANCE)).containsExactly(
                "CONSOLIDATED_MONTHLY", "100", "0", "100",
                "0", "71.919991", "CR", "71.919991", "CR", "OK");
    }
}
