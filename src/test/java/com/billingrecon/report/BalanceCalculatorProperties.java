package com.billingrecon.report;

import com.billingrecon.domain.InvoicingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class BalanceCalculatorProperties {

    @Property
    void currentBalanceIsExpectingInvoicePlusAmountDue(@ForAll("figures") AccountFigures figures) {
        BalanceLine line = BalanceCalculator.balance(figures);

        assertThat(line.currentBalance()).isEqualByComparingTo(line.expectingInvoice().add(line.amountDue()));
    }

    @Property
    void sidesAndStatusFollowTheSigns(@ForAll("figures") AccountFigures figures) {
        BalanceLine line = BalanceCalculator.balance(figures);

        assertThat(line.amountDueSide()).isEqualTo(expectedSide(line.amountDue()));
        assertThat(line.currentBalanceSide()).isEqualTo(expectedSide(line.currentBalance()));
        assertThat(line.status()).isEqualTo(line.usableCredits().signum() < 0 ? CreditStatus.OVER_LIMIT : CreditStatus.OK);
        assertThat(line.csvValues()).hasSameSizeAs(BalanceLine.CSV_COLUMNS);
    }

    @Property
    void usableCreditsAreTheLimitLessThisMonthsUnbilledLessReservations(@ForAll("figures") AccountFigures figures) {
        BalanceLine line = BalanceCalculator.balance(figures);

        assertThat(line.usableCredits().add(figures.unbilledCurrentPeriod()).add(figures.reserved()))
                .isEqualByComparingTo(figures.creditLimit());
    }

    private static BalanceSide expectedSide(BigDecimal amount) {
        return amount.signum() < 0 ? BalanceSide.DR : amount.signum() > 0 ? BalanceSide.CR : BalanceSide.NONE;
    }

    @Provide
    Arbitrary<AccountFigures> figures() {
        return Combinators.combine(
                        Arbitraries.of(InvoicingMode.class),
                        amounts(0, 10_000_000_000L),
                        amounts(0, 1_000_000_000L),
                        amounts(-1_000_000_000L, 5_000_000_000L),
                        amounts(-1_000_000_000L, 9_000_000_000L),
                        amounts(0, 9_000_000_000L),
                        amounts(-1_000_000_000L, 9_000_000_000L))
                .as((mode, limit, reserved, unbilledNow, unbilledAll, payments, invoiced) ->
                        new AccountFigures("ACC-1", "SGD", mode, limit, reserved, unbilledNow, unbilledAll,
                                payments, invoiced));
    }

    /** Exact decimals of 0 to 6 fractional digits, unscaled value in the given range. */
    private static Arbitrary<BigDecimal> amounts(long minUnscaled, long maxUnscaled) {
        return Combinators.combine(Arbitraries.longs().between(minUnscaled, maxUnscaled),
                Arbitraries.integers().between(0, 6)).as(BigDecimal::valueOf);
    }
}
