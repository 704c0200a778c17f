package com.billingrecon.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Run;
import com.billingrecon.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class MigrationsTests {

    /** The check compares with what Flyway itself wrote: its versions and its checksums of the jar's files. */
    @Test
    void aSchemaMigratedByFlywayIsCurrentWithTheVersionsAndChecksumsFlywayRecorded() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        flyway(url, "latest").migrate();
        JdbcTemplate jdbc = jdbc(url);
        Map<String, Integer> recorded = new HashMap<>();
        jdbc.query("SELECT version, checksum FROM flyway_schema_history",
                row -> { recorded.put(row.getString(1), row.getInt(2)); });

        assertThat(Migrations.inJar()).isEqualTo(recorded);
        assertThat(Migrations.isCurrent(jdbc.getDataSource())).isTrue();
        assertThat(Migrations.bringUpToDate(jdbc.getDataSource())).as("Flyway is not started").isFalse();
    }

    /** A ledger of an earlier release (the schema up to V30) gets the later migrations when the next run starts. */
    @Test
    void aLedgerWithPendingMigrationsIsMigratedInPlaceWhenTheNextRunStarts(@TempDir Path work) throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        JdbcTemplate jdbc = jdbc(url);
        flyway(url, "30").migrate();
        assertThat(Migrations.isCurrent(jdbc.getDataSource())).isFalse();
        Path input = InputFiles.in(Files.createDirectories(work.resolve("in")))
                .accounts("A0,Before the upgrade,SGD,CONSOLIDATED_MONTHLY,100,0.09")
                .cdrs("2026-10-05", "C1,A0,CALL,2026-10-05T10:15:30,60,0.20,SGD,COMPLETED").dir();

        ExitCode exit = Run.nightly(url, input, work.resolve("out"), "2026-10-05");

        assertThat(exit).isEqualTo(ExitCode.DONE);
        assertThat(flyway(url, "latest").info().pending()).as("nothing left for Flyway").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success", Integer.class))
                .isEqualTo(Migrations.inJar().size());
        assertThat(jdbc.queryForObject("SELECT to_regclass('rerun_journal_basis') IS NOT NULL", Boolean.class))
                .as("V40's table").isTrue();
        assertThat(Migrations.isCurrent(jdbc.getDataSource())).isTrue();
    }

    /** An applied migration whose file changed since is not passed over: Flyway's validation refuses it as before. */
    @Test
    void aMigrationEditedAfterItWasAppliedIsLeftToFlywayWhichRefusesIt() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        flyway(url, "latest").migrate();
        JdbcTemplate jdbc = jdbc(url);
        jdbc.update("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '40'");

        assertThat(Migrations.isCurrent(jdbc.getDataSource())).isFalse();
        assertThatThrownBy(() -> Migrations.bringUpToDate(jdbc.getDataSource()))
                .isInstanceOf(FlywayException.class).hasMessageContaining("checksum");
    }

    /** A migration that failed half-way is Flyway's to report, never taken for applied. */
    @Test
    void aFailedMigrationInTheHistoryMeansTheSchemaIsNotCurrent() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        flyway(url, "latest").migrate();
        JdbcTemplate jdbc = jdbc(url);
        jdbc.update("UPDATE flyway_schema_history SET success = false WHERE version = '40'");

        assertThat(Migrations.isCurrent(jdbc.getDataSource())).isFalse();
    }

    /** A database with no history at all (a new one) is migrated from the first version. */
    @Test
    void aNewDatabaseIsNotCurrentAndIsMigratedFromTheFirstVersion() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        JdbcTemplate jdbc = jdbc(url);

        assertThat(Migrations.isCurrent(jdbc.getDataSource())).isFalse();
        assertThat(Migrations.bringUpToDate(jdbc.getDataSource())).isTrue();
        assertThat(flyway(url, "latest").info().pending()).isEmpty();
    }

    private static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "postgres", null).locations("classpath:" + Migrations.LOCATION)
                .target(target).load();
    }
}
