package com.billingrecon.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.billingrecon.domain.FileKind;
import com.billingrecon.ingest.rows.SourceRow;
import com.billingrecon.job.ExitCode;
import com.billingrecon.support.GeneratedInput;
import com.billingrecon.support.Run;
import com.billingrecon.support.Slow;
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

@Slow
class LedgerMigrationTests {

    private static final List<String> CDR = List.of("U1", "A1", "CALL", "2026-10-05T10:15:30+08:00", "60", "0.204",
            "SGD", "COMPLETED");

    /** A ledger written before fingerprints were digests keeps recognising identical re-sent rows after the upgrade. */
    @Test
    void fingerprintsStoredAsJoinedTextBecomeTheDigestsNewRowsAreComparedWith() {
        String url = TestDatabase.freshDatabaseUrl();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url));
        migrate(url, "2");
        jdbc.update("INSERT INTO input_file (file_name, kind, business_date, order_key, status) "
                + "VALUES ('cdr-2026-10-05.csv', 'CDR', '2026-10-05', 'cdr-2026-10-05', 'PROCESSED')");
        jdbc.update("""
                INSERT INTO cdr_history (cdr_id, account_id, type, start_time, event_date, duration_s, amount, currency,
                    status, billing_period, file_name, line, business_date, fingerprint, order_key)
                VALUES ('U1', 'A1', 'CALL', '2026-10-05T10:15:30+08:00', '2026-10-05', 60, 0.204, 'SGD', 'COMPLETED',
                    '2026-10-01', 'cdr-2026-10-05.csv', 2, '2026-10-05', ?, 'cdr-2026-10-05')""", joined(CDR));

        migrate(url, "latest");

        SourceRow resent = new SourceRow(FileKind.CDR, "cdr-2026-10-06.csv", LocalDate.of(2026, 10, 6), 2,
                String.join(",", CDR), CDR, null);
        assertThat(jdbc.queryForObject("SELECT encode(fingerprint, 'hex') FROM cdr_state WHERE cdr_id = 'U1'",
                String.class)).isEqualTo(resent.fingerprint());
        // and the start time, given with an offset, is kept as the billing zone's (here UTC's) wall clock
        assertThat(jdbc.queryForObject("SELECT start_time::text || ' ' || file_name FROM cdr WHERE cdr_id = 'U1'",
                String.class)).isEqualTo("2026-10-05 02:15:30 cdr-2026-10-05.csv");
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
     * A ledger written by the release before the CDR state and the partitioned history (V50) is migrated in
     * place between two nights: its state, superseded records and history are rebuilt from the one table it had,
     * the later nights' folders are byte for byte those of a ledger that always had them, and verify finds nothing.
     * The old ledger is made from a new one by the inverse of V50 ({@link #asBeforeV50}), with ONGOING records
     * completed on a later day among its CDRs.
     */
    @Test
    void aLedgerWithOneCdrTableIsUpgradedInPlaceAndGivesTheSameReports(@TempDir Path work) throws IOException {
        assertUpgradedInPlaceGivesTheSameReports(work, jdbc -> {
            asBeforeV60(jdbc);
            asBeforeV50(jdbc, true);
        });
    }

    /**
     * A ledger written by the release before the usage totals by CDR type (V82) gets them from its history: the
     * month-close journal that reads them posts the same revenue per product as a ledger that always had them.
     */
    @Test
    void aLedgerWithoutUsageByTypeGetsItFromItsHistoryAndPostsTheSameJournal(@TempDir Path work) throws IOException {
        assertUpgradedInPlaceGivesTheSameReports(work, jdbc -> {
        });
    }

    /**
     * An unfinished rerun that keeps the CDRs of unchanged files has them in the totals but not their days among the
     * totalled days, which V82 counts the usage by type from: the upgrade is refused, the ledger left as it was.
     */
    @Test
    void aLedgerWithAnUnfinishedRerunIsNotUpgradedToUsageByType(@TempDir Path work) throws IOException {
        Path input = work.resolve("in");
        GeneratedInput.write(input, LocalDate.of(2026, 10, 30), 2, 50);
        String url = TestDatabase.freshDatabaseUrl();
        assertThat(Run.nightly(url, input, work.resolve("out"), "2026-10-31")).isEqualTo(ExitCode.DONE);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url));
        jdbc.execute(V81_ITEMS);
        jdbc.update("INSERT INTO rerun (rerun_id, period, restart_from, last_day, status) "
                + "VALUES (1, '2026-10-01', '2026-10-31', '2026-10-31', 'IN_PROGRESS')");

        assertThatThrownBy(() -> migrate(url, "82")).hasStackTraceContaining("an unfinished rerun");
        assertThat(jdbc.queryForObject("SELECT to_regclass('period_usage_total') IS NULL", Boolean.class)).isTrue();
    }

    /**
     * A ledger written by the release before the running totals is the ledger before V50 without V10's objects
     * (V10 adds tables, indexes and a view and changes no row of the others): it gets its totals from its history.
     */
    @Test
    void aLedgerWithoutRunningTotalsIsUpgradedInPlaceAndGivesTheSameReports(@TempDir Path work) throws IOException {
        assertUpgradedInPlaceGivesTheSameReports(work, jdbc -> {
            asBeforeV60(jdbc);
            asBeforeV50(jdbc, false);
            jdbc.execute("DROP TABLE account_total, period_total, totalled_day, "
                    + "rerun_journal_basis; "
                    + "ALTER TABLE account DROP COLUMN billing_address, DROP COLUMN billing_postal_code, "
                    + "DROP COLUMN billing_country, DROP COLUMN tax_id, DROP COLUMN peppol_id, DROP COLUMN email, "
                    + "DROP COLUMN payment_terms_days; "
                    + "DELETE FROM flyway_schema_history WHERE version::int >= 10");
        });
    }

    private static void assertUpgradedInPlaceGivesTheSameReports(Path work, java.util.function.Consumer<JdbcTemplate> toOld)
            throws IOException {
        Path input = work.resolve("in");
        GeneratedInput.write(input, LocalDate.of(2026, 10, 30), 4, 200);
        String upgraded = TestDatabase.freshDatabaseUrl();
        String always = TestDatabase.freshDatabaseUrl();
        assertThat(Run.nightly(upgraded, input, work.resolve("before"), "2026-10-31")).isEqualTo(ExitCode.DONE);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(upgraded));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM cdr_superseded", Long.class))
                .as("ONGOING records replaced on a later day").isPositive();
        jdbc.execute(V81_ITEMS);
        toOld.accept(jdbc);

        assertThat(Run.nightly(upgraded, input, work.resolve("upgraded"), "2026-11-02")).isEqualTo(ExitCode.DONE);
        assertThat(Run.nightly(always, input, work.resolve("always"), "2026-11-02")).isEqualTo(ExitCode.DONE);

        assertThat(Verify.differences(upgraded)).isEmpty();
        for (String day : List.of("2026-11-01", "2026-11-02")) {
            for (String report : List.of("balances.csv", "invoices.csv", "reconciliation.csv", "rejects.csv",
                    "journal.csv")) {
                assertThat(work.resolve("upgraded/nightly-" + day).resolve(report)).as(day + " " + report)
                        .hasSameBinaryContentAs(work.resolve("always/nightly-" + day).resolve(report));
            }
        }
        assertThat(Verify.differences(upgraded)).isEmpty();
    }

    /** Without what V60, V80 and V81 add: the migrations after the old release's are made again as well. */
    private static void asBeforeV60(JdbcTemplate jdbc) {
        jdbc.execute("DROP TABLE int_channel_message, cdr_partition_count; DROP SEQUENCE int_message_seq");
        jdbc.execute("DROP TABLE cdr_duplicate, cdr_rerun_scope, cdr_rerun_row; ALTER TABLE reject DROP COLUMN item_id; "
                + "ALTER TABLE input_file DROP COLUMN ids_recorded, DROP COLUMN kept_by_rerun; "
                + "ALTER TABLE business_day DROP COLUMN account_currencies");
    }

    /**
     * The CDR tables as V40 had them, from V50's: one history table whose records carry their file's name, the
     * start time as text, the fingerprint as hex and the day a later record superseded them.
     *
     * @param withRunningTotals whether V10's indexes on the history are there too
     */
    private static void asBeforeV50(JdbcTemplate jdbc, boolean withRunningTotals) {
        jdbc.execute("""
                CREATE TABLE old_history AS
                SELECT r.cdr_id, r.account_id, r.type, to_char(r.start_time, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS start_time,
                       r.event_date, r.duration_s, r.amount, r.currency, r.status, r.billing_period, r.file_name,
                       r.line, r.business_date, encode(coalesce(s.fingerprint, c.fingerprint), 'hex') AS fingerprint,
                       r.superseded_on
                FROM cdr_record r
                LEFT JOIN input_file f ON f.file_name = r.file_name
                LEFT JOIN cdr_superseded s ON s.file_id = f.file_id AND s.line = r.line
                LEFT JOIN cdr_state c ON c.cdr_id = r.cdr_id AND s.file_id IS NULL;
                DROP VIEW totalled_item, invoice_item, cdr, cdr_record;
                DROP TABLE cdr_history, cdr_state, cdr_superseded, cdr_archived_total, cdr_archive;
                DROP FUNCTION cdr_history_partition(date);
                DROP TYPE cdr_type, cdr_status;
                ALTER TABLE input_file DROP COLUMN file_id;
                ALTER TABLE old_history RENAME TO cdr_history;
                ALTER TABLE cdr_history ALTER COLUMN start_time SET NOT NULL;
                CREATE UNIQUE INDEX cdr_current_idx ON cdr_history (cdr_id) WHERE superseded_on IS NULL;
                CREATE VIEW cdr AS
                SELECT cdr_id, account_id, type, start_time, event_date, duration_s, amount, currency, status,
                       billing_period, file_name, line, business_date, fingerprint
                FROM cdr_history WHERE superseded_on IS NULL;
                CREATE VIEW invoice_item AS
                SELECT i.invoice_no, i.revision, 'CHARGE' AS item_kind, c.charge_id AS item_id, c.amount
                FROM invoice i JOIN charge c ON c.account_id = i.account_id AND c.charge_id = i.charge_id
                WHERE i.kind = 'INDIVIDUAL' AND i.status NOT IN ('SUPERSEDED', 'VOID')
                UNION ALL
                SELECT i.invoice_no, i.revision, 'CDR', u.cdr_id, u.amount
                FROM invoice i JOIN cdr u ON u.account_id = i.account_id AND u.billing_period = i.period
                     AND u.status = 'COMPLETED'
                WHERE i.kind IN ('MONTHLY_USAGE', 'CONSOLIDATED') AND i.status NOT IN ('SUPERSEDED', 'VOID')
                UNION ALL
                SELECT i.invoice_no, i.revision, 'CHARGE', c.charge_id, c.amount
                FROM invoice i JOIN charge c ON c.account_id = i.account_id AND c.billing_period = i.period
                WHERE i.kind = 'CONSOLIDATED' AND i.status NOT IN ('SUPERSEDED', 'VOID');
                ALTER TABLE business_day DROP COLUMN accounts_sha256;
                DELETE FROM flyway_schema_history WHERE version::int >= 50;
                """);
        if (withRunningTotals) {
            jdbc.execute("""
                    CREATE INDEX cdr_history_day_idx ON cdr_history USING brin (business_date);
                    CREATE INDEX cdr_history_superseded_idx ON cdr_history (superseded_on) WHERE superseded_on IS NOT NULL;
                    """ + TOTALLED_ITEM_BEFORE_V82);
        }
    }

    /** The items of the totals as V10 made them (and V50 again, over the CDR view). */
    private static final String TOTALLED_ITEM_BEFORE_V82 = """
            CREATE VIEW totalled_item AS
            SELECT account_id, billing_period, 'CDR'::text AS item_kind, cdr_id AS item_id, status, amount, business_date
            FROM cdr
            UNION ALL
            SELECT account_id, billing_period, 'CHARGE', charge_id, NULL, amount, business_date FROM charge
            UNION ALL
            SELECT account_id, NULL, 'PAYMENT', payment_id, NULL, amount, business_date FROM payment
            UNION ALL
            SELECT account_id, NULL, 'INVOICE', invoice_no, NULL, total, issue_date FROM invoice
            WHERE status NOT IN ('SUPERSEDED', 'VOID');
            """;

    /** The items of the totals as V81 had them, without the CDR's type, and no usage totals by type. */
    private static final String V81_ITEMS = """
            DROP TABLE period_usage_total;
            DROP VIEW totalled_item;
            DELETE FROM flyway_schema_history WHERE version::int >= 82;
            """ + TOTALLED_ITEM_BEFORE_V82;

    /** A fingerprint as stored before the digest: each required value followed by U+001F. */
    private static String joined(List<String> values) {
        return String.join("\u001F", values) + "\u001F";
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, "postgres", null).locations("classpath:db/migration").target(target)
                .load().migrate();
    }
}
