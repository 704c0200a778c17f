package com.billingrecon.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Report;
import com.billingrecon.support.Run;
import com.billingrecon.support.Slow;
import com.billingrecon.support.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §4–5 through the whole nightly job on a real PostgreSQL: each test writes a few input files,
 * runs the job as the command line would, and checks the day folders against figures worked out by hand
 * in the comments. Unless a test says otherwise the billing zone is UTC.
 */
@Slow
class BillingFunctionalTests {

    /** The invoices.csv columns a test checks, in this order. */
    private static final String[] INVOICE = {"kind", "period", "charge_id", "issue_date", "subtotal", "tax", "total",
            "paid", "open", "status"};
    /** The balances.csv columns a test checks, in this order. */
    private static final String[] BALANCE = {"reserved_credits", "usable_credits", "expecting_invoice", "amount_due",
            "amount_due_side", "current_balance", "current_balance_side", "status"};

    @TempDir
    Path input;
    @TempDir
    Path output;

    private final String db = TestDatabase.freshDatabaseUrl();

    private InputFiles given() {
        return InputFiles.in(input);
    }

    private void runNightly(String runDate, String... options) {
        assertThat(Run.nightly(db, input, output, runDate, options)).isEqualTo(ExitCode.DONE);
    }

    private List<String> invoice(String day, String invoiceNo) {
        return Report.values(Report.invoices(output, day).invoice(invoiceNo), INVOICE);
    }

    private List<String> balance(String day, String accountId) {
        return Report.values(Report.balances(output, day).account(accountId), BALANCE);
    }

    private List<String> invoiceNumbers(String day) {
        return Report.invoices(output, day).column("invoice_no");
    }

    // --- which invoices a day issues, per mode -------------------------------------------------------

    @Test
    void individualAndMonthlyIssuesOneIndividualInvoicePerChargeOnTheDayItsFileArrives() {
        given().accounts("A1,Alpha,SGD,INDIVIDUAL_AND_MONTHLY,100,0.09")
                .charges("2026-10-10",
                        "CH-1,A1,SUBSCRIPTION,2026-10-10,20.00,SGD,plan",
                        "CH-2,A1,HARDWARE,2026-10-09,150.5,SGD,handset")
                .cdrs("2026-10-10", "U-1,A1,CALL,2026-10-10T08:00:00Z,60,1.25,SGD,COMPLETED")
                .charges("2026-10-12", "CH-3,A1,ADDON,2026-10-12,5,SGD,roaming pack");

        runNightly("2026-10-12");

        // 10-10: one invoice per charge in that day's file, none for usage (it waits for C(2026-10)).
        // CH-1: 20 × 0.09 = 1.8 -> total 21.8. CH-2: 150.5 × 0.09 = 13.545 -> 13.55 (HALF_UP) -> 164.05.
        assertThat(invoiceNumbers("2026-10-10")).containsExactly("INV-A1-CH-1", "INV-A1-CH-2");
        assertThat(invoice("2026-10-10", "INV-A1-CH-1")).containsExactly(
                "INDIVIDUAL", "2026-10", "CH-1", "2026-10-10", "20", "1.8", "21.8", "0", "21.8", "OPEN");
        assertThat(invoice("2026-10-10", "INV-A1-CH-2")).containsExactly(
                "INDIVIDUAL", "2026-10", "CH-2", "2026-10-10", "150.5", "13.55", "164.05", "0", "164.05", "OPEN");
        // 10-11 has no file: nothing new. 10-12: CH-3, 5 + 0.45 = 5.45.
        assertThat(invoiceNumbers("2026-10-11")).containsExactly("INV-A1-CH-1", "INV-A1-CH-2");
        assertThat(invoice("2026-10-12", "INV-A1-CH-3")).containsExactly(
                "INDIVIDUAL", "2026-10", "CH-3", "2026-10-12", "5", "0.45", "5.45", "0", "5.45", "OPEN");
        // Only usage is unbilled: expecting −1.25; due −(21.8 + 164.05 + 5.45) = −191.3;
        // balance −192.55; the charges do not use the limit: usable 100 − 1.25 = 98.75.
        assertThat(balance("2026-10-12", "A1")).containsExactly(
                "0", "98.75", "-1.25", "-191.3", "DR", "-192.55", "DR", "OK");
    }

    @Test
    void individualAndMonthlyIssuesAMonthlyUsageInvoiceOnTheCloseDateHoldingOnlyUsage() {
        given().accounts("A1,Alpha,SGD,INDIVIDUAL_AND_MONTHLY,100,0.09")
                .cdrs("2026-10-30",
                        "U-1,A1,CALL,2026-10-30T10:00:00Z,120,2.5,SGD,COMPLETED",
                        "U-2,A1,SMS,2026-10-29 09:00:00,,1.5,SGD,COMPLETED",
                        "U-3,A1,CALL,2026-10-30T11:00:00Z,0,9.99,SGD,FAILED")
                .charges("2026-10-30", "CH-1,A1,SERVICE,2026-10-30,10,SGD,support")
                .cdrs("2026-11-01", "U-4,A1,SMS,2026-11-01T00:10:00Z,0,0.7,SGD,COMPLETED");

        runNightly("2026-11-01");

        // Before the close date only the charge is invoiced; usage 2.5 + 1.5 = 4 waits (U-3 failed: no charge).
        assertThat(invoiceNumbers("2026-10-31")).containsExactly("INV-A1-CH-1");
        assertThat(balance("2026-10-31", "A1")).containsExactly(
                "0", "96", "-4", "-10.9", "DR", "-14.9", "DR", "OK");
        // C(2026-10) = 11-01: INV-A1-202610-U holds the October usage only: 4, tax 0.36, total 4.36.
        assertThat(invoiceNumbers("2026-11-01")).containsExactly("INV-A1-202610-U", "INV-A1-CH-1");
        assertThat(invoice("2026-11-01", "INV-A1-202610-U")).containsExactly(
                "MONTHLY_USAGE", "2026-10", "", "2026-11-01", "4", "0.36", "4.36", "0", "4.36", "OPEN");
        // November's 0.7 is unbilled; due −(10.9 + 4.36) = −15.26; balance −15.96; usable 100 − 0.7.
        assertThat(balance("2026-11-01", "A1")).containsExactly(
                "0", "99.3", "-0.7", "-15.26", "DR", "-15.96", "DR", "OK");
    }

    @Test
    void consolidatedMonthlyIssuesOneInvoiceOnTheCloseDateHoldingUsageAndCharges() {
        given().accounts("C1,Gamma,SGD,CONSOLIDATED_MONTHLY,50,0.09")
                .cdrs("2026-10-30", "V-1,C1,CALL,2026-10-30T10:00:00Z,300,3.2,SGD,COMPLETED")
                .charges("2026-10-30",
                        "CH-1,C1,SUBSCRIPTION,2026-10-01,30,SGD,plan",
                        "CH-2,C1,ADDON,2026-10-15,-5,SGD,goodwill credit");

        runNightly("2026-11-01");

        // No invoice before the close date: every item is unbilled, 3.2 + 30 − 5 = 28.2; usable 50 − 28.2.
        assertThat(invoiceNumbers("2026-10-31")).isEmpty();
        assertThat(balance("2026-10-31", "C1")).containsExactly(
                "0", "21.8", "-28.2", "0", "", "-28.2", "DR", "OK");
        // 11-01: one CONSOLIDATED invoice, 28.2 × 0.09 = 2.538 -> 2.54, total 30.74; the limit resets.
        assertThat(invoiceNumbers("2026-11-01")).containsExactly("INV-C1-202610-C");
        assertThat(invoice("2026-11-01", "INV-C1-202610-C")).containsExactly(
                "CONSOLIDATED", "2026-10", "", "2026-11-01", "28.2", "2.54", "30.74", "0", "30.74", "OPEN");
        assertThat(balance("2026-11-01", "C1")).containsExactly(
                "0", "50", "0", "-30.74", "DR", "-30.74", "DR", "OK");
    }

    @Test
    void noInvoiceIssuesNoInvoiceAndItsExpectingInvoiceHoldsEveryPeriod() {
        given().accounts("N1,Nu,SGD,NO_INVOICE,10,0.09")
                .cdrs("2026-09-30", "W-1,N1,CALL,2026-09-30T10:00:00Z,60,4,SGD,COMPLETED")
                .charges("2026-09-30", "CH-1,N1,SERVICE,2026-09-30,6,SGD,install")
                .cdrs("2026-10-01", "W-2,N1,CALL,2026-10-01T10:00:00Z,60,1.5,SGD,COMPLETED")
                .payments("2026-10-01", "P-1,N1,2026-10-01,3,SGD,CARD,");

        runNightly("2026-10-01");

        // 09-30: 4 + 6 unbilled, using the whole limit: usable 0 is still OK.
        assertThat(invoiceNumbers("2026-09-30")).isEmpty();
        assertThat(balance("2026-09-30", "N1")).containsExactly(
                "0", "0", "-10", "0", "", "-10", "DR", "OK");
        // The close date issues nothing; expecting holds both periods: −(4 + 6 + 1.5) = −11.5; due = payments
        // alone = 3; balance −8.5. The limit counts only October's 1.5: usable 8.5.
        assertThat(invoiceNumbers("2026-10-01")).isEmpty();
        assertThat(balance("2026-10-01", "N1")).containsExactly(
                "0", "8.5", "-11.5", "3", "CR", "-8.5", "DR", "OK");
    }

    // --- tax ------------------------------------------------------------------------------------------

    @Test
    void taxIsRoundedHalfUpAwayFromZeroOncePerInvoice() {
        given().accounts("T1,Tau,SGD,INDIVIDUAL_AND_MONTHLY,100,0.1")
                .charges("2026-10-10",
                        "CH-1,T1,SERVICE,2026-10-10,0.25,SGD,exactly half a cent of tax",
                        "CH-2,T1,SERVICE,2026-10-10,0.0449,SGD,just under half a cent",
                        "CH-3,T1,SERVICE,2026-10-10,-0.25,SGD,negative tie",
                        "CH-4,T1,SERVICE,2026-10-10,0.35,SGD,another tie");

        runNightly("2026-10-10");

        Map<String, Map<String, String>> invoices = Report.invoices(output, "2026-10-10").by("invoice_no");
        // 0.25 × 0.1 = 0.025 -> 0.03 (HALF_EVEN would give 0.02).
        assertThat(Report.values(invoices.get("INV-T1-CH-1"), "subtotal", "tax", "total"))
                .containsExactly("0.25", "0.03", "0.28");
        // 0.00449 -> 0.00; the total keeps the item's 4 decimals.
        assertThat(Report.values(invoices.get("INV-T1-CH-2"), "subtotal", "tax", "total"))
                .containsExactly("0.0449", "0", "0.0449");
        // −0.025 -> −0.03: away from zero, not towards +∞ (which would give −0.02).
        assertThat(Report.values(invoices.get("INV-T1-CH-3"), "subtotal", "tax", "total", "status"))
                .containsExactly("-0.25", "-0.03", "-0.28", "CREDIT");
        // 0.035 -> 0.04 (HALF_EVEN would also give 0.04; HALF_DOWN 0.03).
        assertThat(Report.values(invoices.get("INV-T1-CH-4"), "subtotal", "tax", "total"))
                .containsExactly("0.35", "0.04", "0.39");
    }

    @Test
    void yenTaxIsRoundedToWholeYen() {
        given().accounts("J1,Jay,JPY,INDIVIDUAL_AND_MONTHLY,10000,0.1")
                .charges("2026-10-20",
                        "CH-1,J1,HARDWARE,2026-10-20,1005,JPY,router",
                        "CH-2,J1,SERVICE,2026-10-20,1004,JPY,setup")
                .cdrs("2026-10-20",
                        "J-1,J1,SMS,2026-10-20T01:00:00Z,0,3,JPY,COMPLETED",
                        "J-2,J1,CALL,2026-10-20T02:00:00Z,300,12,JPY,COMPLETED");

        runNightly("2026-11-01");

        // 1005 × 0.1 = 100.5 -> 101; 1004 × 0.1 = 100.4 -> 100; usage 15 × 0.1 = 1.5 -> 2. JPY has no minor unit.
        assertThat(invoice("2026-11-01", "INV-J1-CH-1")).containsExactly(
                "INDIVIDUAL", "2026-10", "CH-1", "2026-10-20", "1005", "101", "1106", "0", "1106", "OPEN");
        assertThat(invoice("2026-11-01", "INV-J1-CH-2")).containsExactly(
                "INDIVIDUAL", "2026-10", "CH-2", "2026-10-20", "1004", "100", "1104", "0", "1104", "OPEN");
        assertThat(invoice("2026-11-01", "INV-J1-202610-U")).containsExactly(
                "MONTHLY_USAGE", "2026-10", "", "2026-11-01", "15", "2", "17", "0", "17", "OPEN");
        // Due −(1106 + 1104 + 17) = −2227.
        assertThat(balance("2026-11-01", "J1")).containsExactly(
                "0", "10000", "0", "-2227", "DR", "-2227", "DR", "OK");
    }

    // --- credit notes, overpayments, invoice_ref -----------------------------------------------------

    @Test
    void aNegativeChargeIsACreditNoteWhoseCreditPaysOlderOpenInvoices() {
        given().accounts("A1,Alpha,SGD,INDIVIDUAL_AND_MONTHLY,100,0.09")
                .charges("2026-10-05", "CH-1,A1,SERVICE,2026-10-05,40,SGD,installation")
                .charges("2026-10-06", "CH-2,A1,SERVICE,2026-10-06,-15,SGD,installation refund")
                .charges("2026-10-07", "CH-3,A1,HARDWARE,2026-10-07,-50,SGD,handset returned");

        runNightly("2026-10-07");

        // 10-05: 40 + 3.6 = 43.6 open.
        assertThat(invoice("2026-10-05", "INV-A1-CH-1")).containsExactly(
                "INDIVIDUAL", "2026-10", "CH-1", "2026-10-05", "40", "3.6", "43.6", "0", "43.6", "OPEN");
        // 10-06: −15 − 1.35 = −16.35, a credit note (paid 0, open 0); its 16.35 goes to INV-A1-CH-1:
        // paid 16.35, open 43.6 − 16.35 = 27.25. Due 0 − (43.6 − 16.35) = −27.25.
        assertThat(invoice("2026-10-06", "INV-A1-CH-2")).containsExactly(
                "INDIVIDUAL", "2026-10", "CH-2", "2026-10-06", "-15", "-1.35", "-16.35", "0", "0", "CREDIT");
        assertThat(invoice("2026-10-06", "INV-A1-CH-1")).containsExactly(
                "INDIVIDUAL", "2026-10", "CH-1", "2026-10-05", "40", "3.6", "43.6", "16.35", "27.25",
                "PARTIALLY_PAID");
        assertThat(balance("2026-10-06", "A1")).containsExactly(
                "0", "100", "0", "-27.25", "DR", "-27.25", "DR", "OK");
        // 10-07: −50 − 4.5 = −54.5; 27.25 settles INV-A1-CH-1, 27.25 stays as credit: due
        // 0 − (43.6 − 16.35 − 54.5) = +27.25 CR.
        assertThat(invoice("2026-10-07", "INV-A1-CH-3")).containsExactly(
                "INDIVIDUAL", "2026-10", "CH-3", "2026-10-07", "-50", "-4.5", "-54.5", "0", "0", "CREDIT");
        assertThat(invoice("2026-10-07", "INV-A1-CH-1")).containsExactly(
                "INDIVIDUAL", "2026-10", "CH-1", "2026-10-05", "40", "3.6", "43.6", "43.6", "0", "PAID");
        assertThat(balance("2026-10-07", "A1")).containsExactly(
                "0", "100", "0", "27.25", "CR", "27.25", "CR", "OK");
    }

    @Test
    void anOverpaymentBecomesCreditThatPaysTheNextInvoiceWhenItIsIssued() {
        given().accounts("C1,Gamma,SGD,CONSOLIDATED_MONTHLY,100,0")
                .cdrs("2026-09-30", "U-1,C1,CALL,2026-09-15T10:00:00Z,60,20,SGD,COMPLETED")
                .payments("2026-10-02", "P-1,C1,2026-10-02,50,SGD,BANK_TRANSFER,")
                .cdrs("2026-10-20", "U-2,C1,CALL,2026-10-20T10:00:00Z,600,42.5,SGD,COMPLETED");

        runNightly("2026-11-01");

        // 10-01: the September invoice, 20, tax 0.
        assertThat(invoice("2026-10-01", "INV-C1-202609-C")).containsExactly(
                "CONSOLIDATED", "2026-09", "", "2026-10-01", "20", "0", "20", "0", "20", "OPEN");
        // 10-02: 50 paid: 20 settles it, 30 is credit: due 50 − 20 = 30 CR.
        assertThat(invoice("2026-10-02", "INV-C1-202609-C")).containsExactly(
                "CONSOLIDATED", "2026-09", "", "2026-10-01", "20", "0", "20", "20", "0", "PAID");
        assertThat(balance("2026-10-02", "C1")).containsExactly(
                "0", "100", "0", "30", "CR", "30", "CR", "OK");
        // 10-31: credit is not applied to unbilled usage: expecting −42.5, due 30, balance −12.5.
        assertThat(balance("2026-10-31", "C1")).containsExactly(
                "0", "57.5", "-42.5", "30", "CR", "-12.5", "DR", "OK");
        // 11-01: the October invoice (42.5) takes the 30 of credit at issue: paid 30, open 12.5.
        assertThat(invoice("2026-11-01", "INV-C1-202610-C")).containsExactly(
                "CONSOLIDATED", "2026-10", "", "2026-11-01", "42.5", "0", "42.5", "30", "12.5", "PARTIALLY_PAID");
        assertThat(balance("2026-11-01", "C1")).containsExactly(
                "0", "100", "0", "-12.5", "DR", "-12.5", "DR", "OK");
    }

    @Test
    void aDayWithMoreAccountsThanOneSettlementPageSettlesEveryAccountOnItsOwn() {
        // 2,500 accounts settle in three pages of 1,000. Account i: a charge of 10 + i mod 7 (tax 0) and, the
        // same day, a payment of 5 (part paid), of the total (paid) or of 30 (paid, the rest credit).
        int accounts = 2_500;
        String[] accountRows = new String[accounts];
        String[] charges = new String[accounts];
        String[] payments = new String[accounts];
        for (int i = 0; i < accounts; i++) {
            accountRows[i] = "A%04d,Account %d,SGD,INDIVIDUAL_AND_MONTHLY,100,0".formatted(i, i);
            charges[i] = "CH-%d,A%04d,SUBSCRIPTION,2026-10-10,%d,SGD,plan".formatted(i, i, 10 + i % 7);
            payments[i] = "P-%d,A%04d,2026-10-10,%d,SGD,BANK_TRANSFER,".formatted(i, i, payment(i));
        }
        given().accounts(accountRows).charges("2026-10-10", charges).payments("2026-10-10", payments);

        runNightly("2026-10-10");

        Map<String, Map<String, String>> invoices = Report.invoices(output, "2026-10-10").by("account_id");
        Map<String, Map<String, String>> balances = Report.balances(output, "2026-10-10").by("account_id");
        assertThat(invoices).hasSize(accounts);
        for (int i = 0; i < accounts; i++) {
            String account = "A%04d".formatted(i);
            int total = 10 + i % 7;
            int paid = Math.min(payment(i), total);
            assertThat(Report.values(invoices.get(account), "total", "paid", "open", "status")).as(account)
                    .containsExactly(String.valueOf(total), String.valueOf(paid), String.valueOf(total - paid),
                            paid == total ? "PAID" : "PARTIALLY_PAID");
            int due = payment(i) - total;
            assertThat(Report.values(balances.get(account), "amount_due", "amount_due_side")).as(account)
                    .containsExactly(String.valueOf(due), due > 0 ? "CR" : due < 0 ? "DR" : "");
        }
    }

    private static int payment(int account) {
        return switch (account % 3) {
            case 0 -> 5;
            case 1 -> 10 + account % 7;
            default -> 30;
        };
    }

    @Test
    void anInvoiceRefNamingAnotherAccountsInvoiceIsIgnored() {
        given().accounts(
                        "A1,Alpha,SGD,INDIVIDUAL_AND_MONTHLY,100,0",
                        "B1,Beta,SGD,INDIVIDUAL_AND_MONTHLY,100,0")
                .charges("2026-10-05",
                        "CH-A1,A1,SERVICE,2026-10-05,30,SGD,a",
                        "CH-B1,B1,SERVICE,2026-10-05,70,SGD,b")
                .charges("2026-10-06", "CH-A2,A1,SERVICE,2026-10-06,25,SGD,a")
                .payments("2026-10-07",
                        "P-1,A1,2026-10-07,20,SGD,CARD,INV-B1-CH-B1",
                        "P-2,A1,2026-10-07,5,SGD,CARD,INV-A1-CH-A2");

        runNightly("2026-10-07");

        // P-1 names B1's invoice: ignored, so the 20 goes to A1's oldest open invoice, INV-A1-CH-A1 (10-05).
        // P-2 names A1's own INV-A1-CH-A2: honoured even though CH-A1 is older.
        Report invoices = Report.invoices(output, "2026-10-07");
        assertThat(Report.values(invoices.invoice("INV-A1-CH-A1"), "total", "paid", "open", "status"))
                .containsExactly("30", "20", "10", "PARTIALLY_PAID");
        assertThat(Report.values(invoices.invoice("INV-A1-CH-A2"), "total", "paid", "open", "status"))
                .containsExactly("25", "5", "20", "PARTIALLY_PAID");
        assertThat(Report.values(invoices.invoice("INV-B1-CH-B1"), "total", "paid", "open", "status"))
                .containsExactly("70", "0", "70", "OPEN");
        // A1: 25 − 55 = −30; B1: −70.
        assertThat(balance("2026-10-07", "A1")).containsExactly(
                "0", "100", "0", "-30", "DR", "-30", "DR", "OK");
        assertThat(balance("2026-10-07", "B1")).containsExactly(
                "0", "100", "0", "-70", "DR", "-70", "DR", "OK");
    }

    // --- late usage and the billing zone -------------------------------------------------------------

    @Test
    void anOngoingCdrCompletedInTheCloseDatesFileIsBilledInTheClosedMonthButFromTheSecondInTheNewMonth() {
        given().accounts(
                        "O1,Omicron,SGD,INDIVIDUAL_AND_MONTHLY,10,0",
                        "O2,Omega,SGD,INDIVIDUAL_AND_MONTHLY,10,0")
                .cdrs("2026-10-31",
                        "Y-1,O1,SMS,2026-10-31T09:00:00Z,0,1,SGD,COMPLETED",
                        "Y-2,O2,SMS,2026-10-31T09:00:00Z,0,1,SGD,COMPLETED",
                        "X-1,O1,CALL,2026-10-31T23:50:00Z,0,3,SGD,ONGOING",
                        "X-2,O2,CALL,2026-10-31T23:50:00Z,0,4,SGD,ONGOING")
                .cdrs("2026-11-01", "X-1,O1,CALL,2026-10-31T23:50:00Z,900,3.5,SGD,COMPLETED")
                .cdrs("2026-11-02", "X-2,O2,CALL,2026-10-31T23:50:00Z,1200,4.25,SGD,COMPLETED");

        runNightly("2026-11-02");

        // 10-31: the calls are in progress, their amounts reserved: usable 10 − 1 − 3 = 6 and 10 − 1 − 4 = 5.
        assertThat(balance("2026-10-31", "O1")).containsExactly(
                "3", "6", "-1", "0", "", "-1", "DR", "OK");
        assertThat(balance("2026-10-31", "O2")).containsExactly(
                "4", "5", "-1", "0", "", "-1", "DR", "OK");
        // X-1 completes in the file dated C(2026-10) = 11-01: B = 2026-10, on October's invoice: 1 + 3.5.
        assertThat(invoice("2026-11-01", "INV-O1-202610-U")).containsExactly(
                "MONTHLY_USAGE", "2026-10", "", "2026-11-01", "4.5", "0", "4.5", "0", "4.5", "OPEN");
        assertThat(invoice("2026-11-01", "INV-O2-202610-U")).containsExactly(
                "MONTHLY_USAGE", "2026-10", "", "2026-11-01", "1", "0", "1", "0", "1", "OPEN");
        assertThat(balance("2026-11-01", "O2")).containsExactly(
                "4", "6", "0", "-1", "DR", "-1", "DR", "OK");
        // X-2 completes in the file dated 11-02, after the close: billed in November, October's invoice unchanged.
        assertThat(invoice("2026-11-02", "INV-O2-202610-U")).containsExactly(
                "MONTHLY_USAGE", "2026-10", "", "2026-11-01", "1", "0", "1", "0", "1", "OPEN");
        assertThat(balance("2026-11-02", "O2")).containsExactly(
                "0", "5.75", "-4.25", "-1", "DR", "-5.25", "DR", "OK");
        assertThat(balance("2026-11-02", "O1")).containsExactly(
                "0", "10", "0", "-4.5", "DR", "-4.5", "DR", "OK");
        assertThat(invoiceNumbers("2026-11-02")).containsExactly("INV-O1-202610-U", "INV-O2-202610-U");
    }

    @Test
    void anEventAt2330UtcOnTheLastDayOfAMonthBelongsToTheNextMonthInSingapore() {
        given().accounts("S1,Sigma,SGD,CONSOLIDATED_MONTHLY,100,0")
                .cdrs("2026-11-01",
                        "Z-0,S1,CALL,2026-10-31T10:00:00Z,60,1,SGD,COMPLETED",
                        "Z-1,S1,CALL,2026-10-31T23:30:00Z,60,2,SGD,COMPLETED");
        Path utcOutput = output.resolve("utc");
        Path singaporeOutput = output.resolve("singapore");

        assertThat(Run.nightly(TestDatabase.freshDatabaseUrl(), input, utcOutput, "2026-11-01")).isEqualTo(ExitCode.DONE);
        assertThat(Run.nightly(db, input, singaporeOutput, "2026-11-01", "--billing-zone=Asia/Singapore"))
                .isEqualTo(ExitCode.DONE);

        // UTC: both calls are October's, on October's invoice issued 11-01: 1 + 2 = 3.
        assertThat(Report.values(Report.invoices(utcOutput, "2026-11-01").invoice("INV-S1-202610-C"),
                "subtotal", "total")).containsExactly("3", "3");
        assertThat(Report.values(Report.balances(utcOutput, "2026-11-01").account("S1"),
                "expecting_invoice", "amount_due", "current_balance")).containsExactly("0", "-3", "-3");
        // Singapore (+08:00): Z-1 is 2026-11-01 07:30, a November call, so October's invoice holds only Z-0.
        assertThat(Report.values(Report.invoices(singaporeOutput, "2026-11-01").invoice("INV-S1-202610-C"),
                "subtotal", "total")).containsExactly("1", "1");
        assertThat(Report.values(Report.balances(singaporeOutput, "2026-11-01").account("S1"),
                "usable_credits", "expecting_invoice", "amount_due", "current_balance"))
                .containsExactly("98", "-2", "-1", "-3");
    }

    // --- reserved credits, the credit limit, the sides -----------------------------------------------

    @Test
    void ongoingCdrsReserveCreditsThatFailureReleasesAndTheLimitFlagsOverLimit() {
        given().accounts("R1,Rho,SGD,INDIVIDUAL_AND_MONTHLY,10,0")
                .cdrs("2026-10-10",
                        "R-1,R1,CALL,2026-10-10T10:00:00Z,0,4,SGD,ONGOING",
                        "R-2,R1,CALL,2026-10-10T09:00:00Z,120,5,SGD,COMPLETED")
                .charges("2026-10-10", "CH-1,R1,HARDWARE,2026-10-10,100,SGD,handset")
                .cdrs("2026-10-11", "R-3,R1,CALL,2026-10-11T10:00:00Z,0,2.5,SGD,ONGOING")
                .cdrs("2026-10-12", "R-1,R1,CALL,2026-10-10T10:00:00Z,30,4,SGD,FAILED")
                .cdrs("2026-10-13", "R-3,R1,CALL,2026-10-11T10:00:00Z,300,2.5,SGD,COMPLETED");

        runNightly("2026-10-13");

        // 10-10: reserved 4; usable 10 − 5 − 4 = 1 (the 100 charge is invoiced at once, outside the limit).
        assertThat(balance("2026-10-10", "R1")).containsExactly(
                "4", "1", "-5", "-100", "DR", "-105", "DR", "OK");
        // 10-11: another 2.5 reserved: usable 10 − 5 − 6.5 = −1.5: over the limit.
        assertThat(balance("2026-10-11", "R1")).containsExactly(
                "6.5", "-1.5", "-5", "-100", "DR", "-105", "DR", "OVER_LIMIT");
        // 10-12: R-1 failed: its 4 is released and nothing is charged.
        assertThat(balance("2026-10-12", "R1")).containsExactly(
                "2.5", "2.5", "-5", "-100", "DR", "-105", "DR", "OK");
        // 10-13: R-3 completed: the reservation becomes unbilled usage.
        assertThat(balance("2026-10-13", "R1")).containsExactly(
                "0", "2.5", "-7.5", "-100", "DR", "-107.5", "DR", "OK");
    }

    @Test
    void amountDueAndCurrentBalanceSidesAreDrBelowZeroCrAboveAndEmptyAtZero() {
        given().accounts(
                        "D1,Owes,SGD,INDIVIDUAL_AND_MONTHLY,100,0",
                        "D2,Settled,SGD,INDIVIDUAL_AND_MONTHLY,100,0",
                        "D3,Overpaid,SGD,INDIVIDUAL_AND_MONTHLY,100,0",
                        "D4,PaidButUsing,SGD,INDIVIDUAL_AND_MONTHLY,100,0",
                        "D5,Even,SGD,INDIVIDUAL_AND_MONTHLY,100,0")
                .charges("2026-10-10",
                        "CH-1,D1,SERVICE,2026-10-10,10,SGD,x",
                        "CH-2,D2,SERVICE,2026-10-10,10,SGD,x",
                        "CH-3,D3,SERVICE,2026-10-10,10,SGD,x",
                        "CH-4,D4,SERVICE,2026-10-10,10,SGD,x",
                        "CH-5,D5,SERVICE,2026-10-10,10,SGD,x")
                .cdrs("2026-10-10",
                        "U-3,D3,SMS,2026-10-10T10:00:00Z,0,2,SGD,COMPLETED",
                        "U-4,D4,SMS,2026-10-10T10:00:00Z,0,2.5,SGD,COMPLETED",
                        "U-5,D5,SMS,2026-10-10T10:00:00Z,0,2,SGD,COMPLETED")
                .payments("2026-10-10",
                        "P-2,D2,2026-10-10,10,SGD,CARD,",
                        "P-3,D3,2026-10-10,15,SGD,CARD,",
                        "P-4,D4,2026-10-10,10,SGD,CARD,",
                        "P-5,D5,2026-10-10,12,SGD,CARD,");

        runNightly("2026-10-10");

        String[] sides = {"amount_due", "amount_due_side", "current_balance", "current_balance_side"};
        Report balances = Report.balances(output, "2026-10-10");
        assertThat(Report.values(balances.account("D1"), sides)).containsExactly("-10", "DR", "-10", "DR");
        assertThat(Report.values(balances.account("D2"), sides)).containsExactly("0", "", "0", "");
        assertThat(Report.values(balances.account("D3"), sides)).containsExactly("5", "CR", "3", "CR");
        assertThat(Report.values(balances.account("D4"), sides)).containsExactly("0", "", "-2.5", "DR");
        assertThat(Report.values(balances.account("D5"), sides)).containsExactly("2", "CR", "0", "");
    }
}
