package com.billingrecon.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.domain.FileKind;
import com.billingrecon.ingest.rows.SourceRow;
import com.billingrecon.job.ExitCode;
import com.billingrecon.support.GeneratedInput;
import com.billingrecon.support.Run;
import com.billingrecon.support.TestDatabase;
import com.billingrecon.support.Verify;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class LedgerMigrationTests {

    private static final List<String> CDR = List.of("U1", "A1", "CALL", "2026-10-05T10:15:30+08:00", "60", "0.204",
            "SGD", "COMPLETED");

    /** A ledger written before fingerprints were digests keeps recognising identical re-sent rows after the upgrade. */
    @Test
    void fingerprintsStoredAsJoinedTextBecomeTheDigestsNewRowsAreComparedWith() {
        String url = TestDatabase.freshDatabaseUrl();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url));
        migrate(url, "2");
        jdbc.update("""
                INSERT INTO cdr_history (cdr_id, account_id, type, start_time, event_date, duration_s, amount, currency,
                    status, billing_period, file_name, line, business_date, fingerprint, order_key)
                VALUES ('U1', 'A1', 'CALL', '2026-10-05T10:15:30+08:00', '2026-10-05', 60, 0.204, 'SGD', 'COMPLETED',
                    '2026-10-01', 'cdr-2026-10-05.csv', 2, '2026-10-05', ?, 'cdr-2026-10-05')""", joined(CDR));

        migrate(url, "latest");

        SourceRow resent = new SourceRow(FileKind.CDR, "cdr-2026-10-06.csv", LocalDate.of(2026, 10, 6), 2,
                String.join(",", CDR), CDR, null);
        assertThat(jdbc.queryForObject("SELECT fingerprint FROM cdr WHERE cdr_id = 'U1'", String.class))
                .isEqualTo(resent.fingerprint());
    }

    /** An external database need not be UTF-8: the digest is still taken over the UTF-8 bytes, as Java takes it. */
    @Test
    void nonAsciiTextIsConvertedToTheSameDigestInADatabaseThatIsNotUtf8() {
        String url = TestDatabase.freshDatabaseUrl("ENCODING 'LATIN1' LOCALE 'C' TEMPLATE template0");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url));
        List<String> account = List.of("A9", "Zürich Überweisung AG", "CHF", "CONSOLIDATED_MONTHLY", "100", "0.081");
        migrate(url, "2");
        jdbc.update("""
                INSERT INTO account (account_id, name, currency, invoicing_mode, credit_limit, tax_rate, minor_units,
                                     fingerprint)
                VALUES ('A9', 'Zürich Überweisung AG', 'CHF', 'CONSOLIDATED_MONTHLY', 100, 0.081, 2, ?)""",
                joined(account));

        migrate(url, "latest");

        SourceRow resent = new SourceRow(FileKind.ACCOUNTS, "accounts.csv", null, 2, String.join(",", account),
                account, null);
        assertThat(jdbc.queryForObject("SELECT fingerprint FROM account", String.class))
                .isEqualTo(resent.fingerprint());
    }

    /**
     * A ledger written by the release before the running totals is this ledger without V10's objects (V10 adds
     * tables, indexes and a view and changes no row of the others). Upgraded between two nights, it gets its
     * totals from its history, the later nights' folders are byte for byte those of a ledger that always had
     * them, and verify finds nothing.
     */
    @Test
    void aLedgerWithoutRunningTotalsIsUpgradedInPlaceAndGivesTheSameReports(@TempDir Path work) throws IOException {
        Path input = work.resolve("in");
        GeneratedInput.write(input, LocalDate.of(2026, 10, 30), 4, 200);
        String upgraded = TestDatabase.freshDatabaseUrl();
        String always = TestDatabase.freshDatabaseUrl();
        assertThat(Run.nightly(upgraded, input, work.resolve("before"), "2026-10-31")).isEqualTo(ExitCode.DONE);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(upgraded));
        // the schema of the release before the running totals: V4, without what V10 and the later migrations add
        jdbc.execute("DROP VIEW totalled_item; DROP TABLE account_total, period_total, totalled_day, rerun_journal_basis; "
                + "DROP INDEX cdr_history_day_idx, cdr_history_superseded_idx; "
                + "ALTER TABLE account DROP COLUMN billing_address, DROP COLUMN billing_postal_code, "
                + "DROP COLUMN billing_country, DROP COLUMN tax_id, DROP COLUMN peppol_id, DROP COLUMN email, "
                + "DROP COLUMN payment_terms_days; "
                + "DELETE FROM flyway_schema_history WHERE version::int >= 10");

        assertThat(Run.nightly(upgraded, input, work.resolve("upgraded"), "2026-11-02")).isEqualTo(ExitCode.DONE);
        assertThat(Run.nightly(always, input, work.resolve("always"), "2026-11-02")).isEqualTo(ExitCode.DONE);

        assertThat(Verify.differences(upgraded)).isEmpty();
        for (String day : List.of("2026-11-01", "2026-11-02")) {
            for (String report : List.of("balances.csv", "invoices.csv", "reconciliation.csv", "rejects.csv")) {
                assertThat(work.resolve("upgraded/nightly-" + day).resolve(report)).as(day + " " + report)
                        .hasSameBinaryContentAs(work.resolve("always/nightly-" + day).resolve(report));
            }
        }
    }

    /** A fingerprint as stored before the digest: each required value followed by U+001F. */
    private static String joined(List<String> values) {
        return String.join("\u001F", values) + "\u001F";
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration").target(target)
                .load().migrate();
    }
}
