package com.billingrecon.totals;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.GeneratedInput;
import com.billingrecon.support.Run;
import com.billingrecon.support.Sql;
import com.billingrecon.support.TestDatabase;
import com.billingrecon.support.Verify;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The verify command: the running totals and invoices, recomputed from the history. Given four generated
 * days across October's close (ONGOING CDRs completed the next day, charges, payments, invoices of every
 * kind), closed by one nightly run; each test starts from a copy of that database.
 */
class VerifyFunctionalTests {

    /** The four days closed once; each test works on a copy of that database. */
    private static String closed;

    private String db;

    @BeforeAll
    static void fourDaysAcrossAMonthClose(@TempDir Path work) throws IOException {
        Path input = work.resolve("in");
        GeneratedInput.write(input, LocalDate.of(2026, 10, 30), 4, 300);
        closed = TestDatabase.freshDatabaseUrl();
        assertThat(Run.nightly(closed, input, work.resolve("out"), "2026-11-02")).isEqualTo(ExitCode.DONE);
        assertThat(Sql.value(closed, "SELECT count(*) FROM invoice")).as("invoices to check").isNotEqualTo("0");
    }

    @BeforeEach
    void aCopyOfTheClosedDays() {
        db = TestDatabase.copyOf(closed);
    }

    @Test
    void aLedgerWrittenByTheJobAgreesWithItsHistoryAndVerifyExitsZero() {
        assertThat(Verify.differences(db)).isEmpty();
        assertThat(Run.verify(db)).isEqualTo(ExitCode.DONE);
    }

    /** A step whose commit went through but whose status was lost (the process killed) runs again on restart. */
    @Test
    void aDayAddedToTheTotalsAgainIsNotCountedTwice() {
        new RunningTotals(new JdbcTemplate(new DriverManagerDataSource(db))).addDay(LocalDate.of(2026, 11, 1));

        assertThat(Verify.differences(db)).isEmpty();
    }

    @Test
    void aTotalThatNoLongerMatchesTheHistoryIsNamedWithItsAccountAndVerifyExitsThree() {
        Sql.rows(db, "UPDATE account_total SET reserved = reserved + 1.5 WHERE account_id = 'A02' RETURNING 1");
        Sql.rows(db, "UPDATE period_total SET usage_items = usage_items - 1 WHERE account_id = 'A04' "
                + "AND billing_period = '2026-10-01' RETURNING 1");
        String reserved = Sql.value(db, "SELECT reserved FROM account_total WHERE account_id = 'A02'");

        assertThat(Verify.differences(db)).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("A02 reserved: kept " + trimmed(reserved)))
                .anySatisfy(line -> assertThat(line).startsWith("A04 2026-10 usage_items: kept"));
        assertThat(Run.verify(db)).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
    }

    /** The journal's revenue per product is read from the usage by CDR type: a wrong one is named with its type. */
    @Test
    void aUsageTotalByCdrTypeThatNoLongerMatchesTheHistoryIsNamedWithItsPeriodAndType() {
        List<List<String>> kept = Sql.rows(db, "UPDATE period_usage_total SET usage = usage + 0.25 WHERE account_id = 'A03' "
                + "AND billing_period = '2026-10-01' AND type = (SELECT min(type) FROM period_usage_total "
                + "WHERE account_id = 'A03' AND billing_period = '2026-10-01') RETURNING type::text");

        assertThat(kept).hasSize(1);
        assertThat(Verify.differences(db)).singleElement().satisfies(line -> assertThat(line)
                .startsWith("A03 2026-10 " + kept.get(0).get(0) + " usage: kept "));
    }

    @Test
    void anInvoiceWhoseSubtotalIsNotTheSumOfItsItemsIsNamed() {
        String invoice = Sql.value(db, "SELECT min(invoice_no) FROM invoice WHERE kind = 'CONSOLIDATED'");
        Sql.rows(db, "UPDATE invoice SET subtotal = subtotal + 0.01 WHERE invoice_no = ? RETURNING 1", invoice);

        assertThat(Verify.differences(db)).singleElement().satisfies(line -> assertThat(line)
                .startsWith(Sql.value(db, "SELECT account_id FROM invoice WHERE invoice_no = ?", invoice) + " "
                        + invoice + " subtotal: kept "));
    }

    private static String trimmed(String amount) {
        return new java.math.BigDecimal(amount).stripTrailingZeros().toPlainString();
    }
}
