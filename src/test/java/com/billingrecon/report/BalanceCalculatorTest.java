package com.billingrecon.report;

import com.billingrecon.domain.InvoicingMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class BalanceCalculatorTest {

    private static BigDecimal dec(String text) {
        return new BigDecimal(text);
    }

    private static AccountFigures figures(InvoicingMode mode, String creditLimit, String reserved,
                                          String unbilledCurrentPeriod, String unbilledTotal,
                                          String payments, String invoiced) {
        return new AccountFigures("ACC-1", "SGD", mode, dec(creditLimit), dec(reserved),
                dec(unbilledCurrentPeriod), dec(unbilledTotal), dec(payments), dec(invoiced));
    }

    @Test
    void seedExampleOneOwesOnBothTheUnbilledAndTheBilledAmount() {
        // 1610.61 of usage unbilled; 500.20544 invoiced against 500 paid.
        // expecting −1610.61, amount due 500 − 500.20544 = −0.20544, current −1610.81544
        // usable 2000 − 1610.61 − 0 = 389.39
        BalanceLine line = BalanceCalculator.balance(figures(InvoicingMode.INDIVIDUAL_AND_MONTHLY,
                "2000", "0", "1610.61", "1610.61", "500", "500.20544"));

        assertThat(line.expectingInvoice()).isEqualByComparingTo("-1610.61");
        assertThat(line.amountDue()).isEqualByComparingTo("-0.20544");
        assertThat(line.currentBalance()).isEqualByComparingTo("-1610.81544");
        assertThat(line.currentBalanceSide()).isEqualTo(BalanceSide.DR);
        assertThat(line.csvValues()).containsExactly("ACC-1", "SGD", "INDIVIDUAL_AND_MONTHLY", "2000", "0",
                "389.39", "-1610.61", "-0.20544", "DR", "-1610.81544", "DR", "OK");
    }

    @Test
    void seedExampleTwoIsInCreditBecauseACreditOutweighsTheMonthsUsage() {
        // unbilled −100 (a credit) + 34.02 (usage) = −65.98, so expecting +65.98;
        // 120.000009 invoiced against 120 paid: amount due −0.000009; current 65.979991
        // usable 500 − (−65.98) − 10 = 555.98
        BalanceLine line = BalanceCalculator.balance(figures(InvoicingMode.CONSOLIDATED_MONTHLY,
                "500", "10", "-65.98", "-65.98", "120", "120.000009"));

        assertThat(line.expectingInvoice()).isEqualByComparingTo("65.98");
        assertThat(line.amountDue()).isEqualByComparingTo("-0.000009");
        assertThat(line.amountDueSide()).isEqualTo(BalanceSide.DR);
        assertThat(line.currentBalance()).isEqualByComparingTo("65.979991");
        assertThat(line.currentBalanceSide()).isEqualTo(BalanceSide.CR);
        assertThat(line.csvValues()).containsExactly("ACC-1", "SGD", "CONSOLIDATED_MONTHLY", "500", "10",
                "555.98", "65.98", "-0.000009", "DR", "65.979991", "CR", "OK");
    }

    @Test
    void anAccountThatIsNeverInvoicedHasThePaymentsAloneAsAmountDue() {
        // all periods unbilled: 150, of which 40 this month; paid 25
        // expecting −150, amount due 25, current −125; usable 100 − 40 − 5 = 55
        BalanceLine line = BalanceCalculator.balance(figures(InvoicingMode.NO_INVOICE,
                "100", "5", "40", "150", "25", "0"));

        assertThat(line.expectingInvoice()).isEqualByComparingTo("-150");
        assertThat(line.amountDue()).isEqualByComparingTo("25");
        assertThat(line.amountDueSide()).isEqualTo(BalanceSide.CR);
        assertThat(line.currentBalance()).isEqualByComparingTo("-125");
        assertThat(line.usableCredits()).isEqualByComparingTo("55");
    }

    @Test
    void unbilledSpendAndReservationsBeyondTheLimitAreOverLimit() {
        // 100 − 80 − 30.000001 = −10.000001
        BalanceLine line = BalanceCalculator.balance(figures(InvoicingMode.INDIVIDUAL_AND_MONTHLY,
                "100", "30.000001", "80", "80", "0", "0"));

        assertThat(line.usableCredits()).isEqualByComparingTo("-10.000001");
        assertThat(line.status()).isEqualTo(CreditStatus.OVER_LIMIT);
        assertThat(line.csvValues().get(11)).isEqualTo("OVER_LIMIT");
    }

    @Test
    void spendingExactlyTheLimitIsStillWithinIt() {
        // 100 − 70 − 30 = 0
        BalanceLine line = BalanceCalculator.balance(figures(InvoicingMode.CONSOLIDATED_MONTHLY,
                "100", "30", "70", "70", "0", "0"));

        assertThat(line.usableCredits()).isEqualByComparingTo("0");
        assertThat(line.status()).isEqualTo(CreditStatus.OK);
    }

    @Test
    void aSettledAccountHasNoSideAndZeroIsWrittenPlainly() {
        // paid 45.50 against 45.5 invoiced, nothing unbilled
        BalanceLine line = BalanceCalculator.balance(figures(InvoicingMode.INDIVIDUAL_AND_MONTHLY,
                "0", "0", "0.000", "0.000", "45.50", "45.5"));

        assertThat(line.amountDueSide()).isEqualTo(BalanceSide.NONE);
        assertThat(line.currentBalanceSide()).isEqualTo(BalanceSide.NONE);
        assertThat(line.csvValues()).containsExactly("ACC-1", "SGD", "INDIVIDUAL_AND_MONTHLY", "0", "0",
                "0", "0", "0", "", "0", "", "OK");
    }

    @Test
    void csvValuesFollowTheBalancesHeader() {
        assertThat(String.join(",", BalanceLine.CSV_COLUMNS)).isEqualTo("account_id,currency,invoicing_mode,"
                + "credit_limit,reserved_credits,usable_credits,expecting_invoice,amount_due,amount_due_side,"
                + "current_balance,current_balance_side,status");
    }
}
