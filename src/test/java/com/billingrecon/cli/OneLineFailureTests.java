package com.billingrecon.cli;

import com.billingrecon.job.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.support.InjectedFailure;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.ReportFolders;
import com.billingrecon.support.Run;
import com.billingrecon.support.Slow;
import com.billingrecon.support.Sql;
import com.billingrecon.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §7: a failure that is not bad input ends with one line on stderr naming the cause and the fix, and the
 * right exit code; no stack trace reaches stderr. Each case runs the whole command against a real PostgreSQL.
 */
@Slow
class OneLineFailureTests {

    @TempDir
    Path work;

    private Path input;
    private Path output;

    @BeforeEach
    void aValidInputFolder() throws IOException {
        input = Files.createDirectory(work.resolve("in"));
        output = work.resolve("out");
        InputFiles.in(input).accounts("A1,Alpha,SGD,NO_INVOICE,0,0")
                .cdrs("2026-10-01", "C1,A1,SMS,2026-10-01T10:00:00Z,,0.25,SGD,COMPLETED");
    }

    private Run.Outcome nightly(String... more) {
        List<String> args = new ArrayList<>(List.of("nightly", "--run-date=2026-10-01", "--input-dir=" + input,
                "--output-dir=" + output));
        args.addAll(List.of(more));
        return Run.capturingStderr(() -> BillingRecon.run(args.toArray(String[]::new)));
    }

    /** Exactly one line on stderr, containing each part; nothing written to the output folder. */
    private static String assertOneLine(Run.Outcome outcome, ExitCode exit, String... parts) {
        assertThat(outcome.exit()).as("exit code; stderr:\n%s", outcome.stderr()).isEqualTo(exit);
        List<String> lines = outcome.stderr().lines().toList();
        assertThat(lines).as("stderr").hasSize(1);
        for (String part : parts) {
            assertThat(lines.get(0)).contains(part);
        }
        return lines.get(0);
    }

    @Test
    void anUnreachableDatabaseServerIsOneLineNamingItAndWhatToCheck() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        Run.Outcome outcome = nightly("--db-url=jdbc:postgresql://127.0.0.1:" + freePort + "/billing",
                "--db-user=billing");

        assertOneLine(outcome, ExitCode.FAILED, "127.0.0.1:" + freePort, "cannot be reached", "--db-url",
                "run the same command again");
        assertThat(output).doesNotExist();
    }

    @Test
    void aWrongPasswordIsOneLineSayingTheLoginWasRefused() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        requirePasswordFor(url, "recon_login", "right-password");
        String withoutUser = url.substring(0, url.indexOf('?'));

        Run.Outcome outcome = nightly("--db-url=" + withoutUser, "--db-user=recon_login",
                "--db-password=wrong-password");

        String line = assertOneLine(outcome, ExitCode.FAILED, "refused the login", "--db-user",
                BillingRecon.PASSWORD_VARIABLE);
        assertThat(line).doesNotContain("wrong-password").doesNotContain("right-password");
    }

    @Test
    void aDatabaseThatDoesNotExistIsOneLineSayingSo() {
        String url = TestDatabase.freshDatabaseUrl();
        String missing = url.replaceFirst("/recon_test_\\d+", "/no_such_database");

        Run.Outcome outcome = nightly("--db-url=" + missing, "--db-user=postgres");

        assertOneLine(outcome, ExitCode.FAILED, "does not exist", "no_such_database", "--db-url");
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsOneLineAndNothingIsDone() throws IOException {
        Path aFile = Files.writeString(work.resolve("a-file"), "x");
        output = aFile.resolve("out");
        String url = TestDatabase.freshDatabaseUrl();

        Run.Outcome outcome = nightly("--db-url=" + url, "--db-user=postgres");

        assertOneLine(outcome, ExitCode.USAGE, output.toString(), "is not a folder", "--output-dir");
        assertThat(Sql.value(url, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                .as("nothing done in the database").isEqualTo("0");
    }

    @Test
    void aFailureWhileWritingReportsIsOneErrorLineTheStackTraceIsInTheLogFileUnderTheDataDirAndTheRunResumes()
            throws IOException {
        // given: where the day's folder is built aside, a link to nothing that cannot be replaced by a folder
        Files.createDirectories(output);
        Path blocker = output.resolve(".nightly-2026-10-01.partial");
        Files.createSymbolicLink(blocker, work.resolve("nowhere"));
        Path dataDir = work.resolve("db");

        // when
        Run.Outcome failed = nightly("--data-dir=" + dataDir);

        // then
        assertThat(failed.exit()).as("stderr:\n%s", failed.stderr()).isEqualTo(ExitCode.FAILED);
        List<String> errors = failed.stderr().lines().filter(line -> !line.contains(" INFO ")).toList();
        assertThat(errors).as("stderr:\n%s", failed.stderr()).hasSize(1);
        Path logFile = dataDir.resolve(RunLog.FILE_NAME);
        assertThat(errors.get(0)).contains("the output folder " + output, "run the same command again",
                logFile.toString());
        assertThat(failed.stderr()).doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(Files.readString(logFile, StandardCharsets.UTF_8))
                .contains("FileAlreadyExistsException", "\tat com.billingrecon.report.ReportFolder.publish");

        // when the cause is gone, then the same command resumes
        Files.delete(blocker);
        assertThat(nightly("--data-dir=" + dataDir).exit()).isEqualTo(ExitCode.DONE);
        assertThat(output.resolve("nightly-2026-10-01/balances.csv")).isRegularFile();
    }

    @Test
    void aConnectionCutDuringTheRunIsOneLineAndTheSameCommandResumesToTheReportsOfACleanRun() throws Exception {
        // given: the server ends the session that inserts the day's first CDR, as a restart or a dropped database would
        String clean = TestDatabase.freshDatabaseUrl();
        Path cleanOutput = work.resolve("clean");
        assertThat(Run.nightly(clean, input, cleanOutput, "2026-10-01")).isEqualTo(ExitCode.DONE);
        String db = TestDatabase.freshDatabaseUrl();
        InjectedFailure.migrate(db);
        execute(db, """
                CREATE FUNCTION cut_connection() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_terminate_backend(pg_backend_pid());
                    RETURN NEW;
                END $$""",
                "CREATE TRIGGER cut_connection BEFORE INSERT ON cdr_history FOR EACH ROW EXECUTE FUNCTION cut_connection()");

        // when
        Run.Outcome failed = nightly("--db-url=" + db, "--db-user=postgres");

        // then
        assertThat(failed.exit()).as("stderr:\n%s", failed.stderr()).isEqualTo(ExitCode.FAILED);
        List<String> errors = failed.stderr().lines().filter(line -> !line.contains(" INFO ")).toList();
        assertThat(errors).as("stderr:\n%s", failed.stderr()).hasSize(1);
        assertThat(errors.get(0)).contains("connection", "was lost", "run the same command again");

        // when the cause is gone, then the same command ends with the clean run's reports
        execute(db, "DROP TRIGGER cut_connection ON cdr_history");
        assertThat(nightly("--db-url=" + db, "--db-user=postgres").exit()).isEqualTo(ExitCode.DONE);
        ReportFolders.assertSameFiles(ReportFolders.snapshot(output), ReportFolders.snapshot(cleanOutput));
    }

    private static void execute(String url, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /**
     * The test server trusts every login; a pg_hba.conf line ahead of the others makes this one role give a
     * password, as a production server would.
     */
    private static void requirePasswordFor(String url, String role, String password) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("DROP ROLE IF EXISTS " + role);
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            Path hba = Path.of(Sql.value(url, "SHOW hba_file"));
            String rules = Files.readString(hba, StandardCharsets.UTF_8);
            String line = "host all " + role + " all scram-sha-256\n";
            if (!rules.startsWith(line)) {
                Files.writeString(hba, line + rules, StandardCharsets.UTF_8);
            }
            statement.execute("SELECT pg_reload_conf()");
        }
    }
}
