package com.billingrecon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.billingrecon.job.ExitCode;
import com.billingrecon.job.RunRequest;
import com.billingrecon.job.UsageException;
import com.billingrecon.support.InputFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §7: a usage error exits 2 with a clear message and writes nothing — no output folder, no database. The
 * whole command goes through {@link BillingRecon#run}; the parser is also tested on its own.
 */
class CommandLineUsageTests {


    @TempDir
    Path work;

    private Path input;
    private Path output;
    private Path dataDir;
    private String stdout;
    private String stderr;

    @BeforeEach
    void aValidInputFolder() throws IOException {
        input = Files.createDirectory(work.resolve("in"));
        output = work.resolve("out");
        dataDir = work.resolve("db");
        InputFiles.in(input).accounts("A1,Alpha,SGD,NO_INVOICE,0,0").cdrs("2026-10-01");
    }

    /** The arguments of a valid nightly command on an embedded database in the test folder, with changes. */
    private List<String> nightly(String... more) {
        List<String> args = new ArrayList<>(List.of("nightly", "--run-date=2026-10-01", "--input-dir=" + input,
                "--output-dir=" + output, "--data-dir=" + dataDir));
        args.addAll(List.of(more));
        return args;
    }

    private ExitCode run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    private ExitCode run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            return BillingRecon.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
            stdout = outBytes.toString(StandardCharsets.UTF_8);
            stderr = errBytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Exit code 2, a message naming what is wrong, and nothing written: only the input folder exists. */
    private void assertUsageError(ExitCode exit, String messagePart) throws IOException {
        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(stderr).contains(messagePart);
        assertThat(output).doesNotExist();
        assertThat(dataDir).doesNotExist();
        try (Stream<Path> entries = Files.list(work)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("in");
        }
    }

    @Test
    void noCommandIsAUsageErrorThatShowsTheUsage() throws IOException {
        ExitCode exit = run();

        assertThat(exit).isEqualTo(ExitCode.USAGE);
        assertThat(stdout + stderr).contains("usage:");
        assertThat(output).doesNotExist();
    }

    @Test
    void helpShowsTheUsageAndExits0() {
        ExitCode exit = run("--help");

        assertThat(exit).isEqualTo(ExitCode.DONE);
        assertThat(stdout).contains("usage:").contains("nightly").contains("rerun");
    }

    @Test
    void anUnknownCommandIsAUsageError() throws IOException {
        assertUsageError(run("close", "--run-date=2026-10-01", "--input-dir=" + input, "--output-dir=" + output),
                "close");
    }

    @Test
    void anUnknownOptionIsAUsageError() throws IOException {
        assertUsageError(run(nightly("--colour=blue")), "--colour");
    }

    @Test
    void anImpossibleRunDateIsAUsageError() throws IOException {
        List<String> args = nightly();
        args.set(1, "--run-date=2026-02-30");

        assertUsageError(run(args), "2026-02-30");
    }

    @Test
    void aMissingInputDirIsAUsageError() throws IOException {
        List<String> args = nightly();
        args.remove(2);

        assertUsageError(run(args), "--input-dir");
    }

    @Test
    void anInputDirThatDoesNotExistIsAUsageError() throws IOException {
        List<String> args = nightly();
        args.set(2, "--input-dir=" + work.resolve("missing"));

        assertUsageError(run(args), "missing");
    }

    @Test
    void anInputDirThatIsAFileIsAUsageError() throws IOException {
        List<String> args = nightly();
        args.set(2, "--input-dir=" + input.resolve("accounts.csv"));

        assertUsageError(run(args), "accounts.csv");
    }

    @Test
    void anUnreadableInputDirIsAUsageError() throws IOException {
        Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("-wx------"));
        try {
            assumeTrue(!Files.isReadable(input), "the user can read any folder (root): nothing to test");

            assertUsageError(run(nightly()), "in");
        } finally {
            Files.setPosixFilePermissions(input, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aMissingAccountsCsvIsAUsageError() throws IOException {
        Files.delete(input.resolve("accounts.csv"));

        assertUsageError(run(nightly()), "accounts.csv");
    }

    @Test
    void anAccountsCsvMissingARequiredColumnIsAUsageErrorNamingTheColumn() throws IOException {
        InputFiles.in(input).write("accounts.csv", "account_id,name,currency,invoicing_mode,credit_limit",
                "A1,Alpha,SGD,NO_INVOICE,0");

        assertUsageError(run(nightly()), "tax_rate");
    }

    @Test
    void anEmptyAccountsCsvIsAUsageError() throws IOException {
        InputFiles.in(input).text("accounts.csv", "");

        assertUsageError(run(nightly()), "accounts.csv");
    }

    @Test
    void dropMissingWithNightlyIsAUsageError() throws IOException {
        assertUsageError(run(nightly("--drop-missing")), "--drop-missing");
    }

    @Test
    void anUnknownBillingZoneIsAUsageError() throws IOException {
        assertUsageError(run(nightly("--billing-zone=Nowhere/Zone")), "Nowhere/Zone");
    }

    /** CommandLineParser on its own: what it makes of a command line, and what it refuses. */
    @Nested
    class Parser {

        private RunRequest parse(String... args) {
            return CommandLineParser.parse(List.of(args));
        }

        @Test
        void aNightlyCommandGivesItsRunDateFoldersAndTheDefaults() {
            RunRequest request = parse("nightly", "--run-date=2026-10-31", "--input-dir=in", "--output-dir=out");

            assertThat(request.command()).isEqualTo(RunRequest.Command.NIGHTLY);
            assertThat(request.runDate()).isEqualTo(LocalDate.of(2026, 10, 31));
            assertThat(request.period()).isNull();
            assertThat(request.inputDir()).isEqualTo(Path.of("in"));
            assertThat(request.outputDir()).isEqualTo(Path.of("out"));
            assertThat(request.billingZone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(request.dataDir()).isEqualTo(Path.of("var/db"));
            assertThat(request.embedded()).isTrue();
            assertThat(request.dropMissing()).isFalse();
        }

        @Test
        void optionsMayComeInAnyOrderAndSetTheZoneAndAnExternalDatabase() {
            RunRequest request = parse("nightly", "--db-url=jdbc:postgresql://h/db", "--billing-zone=Asia/Singapore",
                    "--output-dir=out", "--db-user=u", "--db-password=p", "--input-dir=in", "--run-date=2026-01-01");

            assertThat(request.billingZone()).isEqualTo(ZoneId.of("Asia/Singapore"));
            assertThat(request.embedded()).isFalse();
            assertThat(request.dbUrl()).isEqualTo("jdbc:postgresql://h/db");
            assertThat(request.dbUser()).isEqualTo("u");
            assertThat(request.dbPassword()).isEqualTo("p");
            assertThat(request.describe()).doesNotContain("p,").doesNotContain("password");
        }

        @Test
        void verifyTakesTheDatabaseOptionsAndNoFolders() {
            RunRequest request = parse("verify", "--data-dir=/var/lib/recon");

            assertThat(request.command()).isEqualTo(RunRequest.Command.VERIFY);
            assertThat(request.dataDir()).isEqualTo(Path.of("/var/lib/recon"));
            assertThat(request.inputDir()).isNull();
            assertThatThrownBy(() -> parse("verify", "--input-dir=in")).isInstanceOf(UsageException.class)
                    .hasMessageContaining("--input-dir is not for verify");
            assertThatThrownBy(() -> parse("verify", "--data-dir=d", "--db-url=jdbc:postgresql://h/db"))
                    .isInstanceOf(UsageException.class).hasMessageContaining("not both");
        }

        @Test
        void aRerunCommandGivesItsPeriodAndDropMissing() {
            RunRequest request = parse("rerun", "--period=2026-09", "--input-dir=in", "--output-dir=out",
                    "--data-dir=/var/lib/recon", "--drop-missing");

            assertThat(request.command()).isEqualTo(RunRequest.Command.RERUN);
            assertThat(request.period()).isEqualTo(YearMonth.of(2026, 9));
            assertThat(request.runDate()).isNull();
            assertThat(request.dataDir()).isEqualTo(Path.of("/var/lib/recon"));
            assertThat(request.dropMissing()).isTrue();
        }

        @Test
        void helpIsAskedByHelpOrByNothing() {
            assertThat(CommandLineParser.wantsHelp(List.of())).isTrue();
            assertThat(CommandLineParser.wantsHelp(List.of("--help"))).isTrue();
            assertThat(CommandLineParser.wantsHelp(List.of("nightly", "-h"))).isTrue();
            assertThat(CommandLineParser.wantsHelp(List.of("nightly", "--run-date=2026-10-01"))).isFalse();
        }

        @Test
        void everyMalformedCommandLineIsAUsageExceptionNamingTheProblem() {
            String[][] cases = {
                    {"no command given"},
                    {"bill", "--run-date=2026-10-01", "--input-dir=in", "--output-dir=out"},
                    {"nightly", "--run-date=2026-02-30", "--input-dir=in", "--output-dir=out"},
                    {"nightly", "--run-date=2026-10-1", "--input-dir=in", "--output-dir=out"},
                    {"nightly", "--input-dir=in", "--output-dir=out"},
                    {"nightly", "--run-date=2026-10-01", "--output-dir=out"},
                    {"nightly", "--run-date=2026-10-01", "--input-dir=in"},
                    {"nightly", "--run-date=2026-10-01", "--input-dir=in", "--output-dir=out", "--drop-missing"},
                    {"nightly", "--period=2026-10", "--input-dir=in", "--output-dir=out"},
                    {"rerun", "--run-date=2026-10-01", "--input-dir=in", "--output-dir=out"},
                    {"rerun", "--period=2026-13", "--input-dir=in", "--output-dir=out"},
                    {"nightly", "--run-date=2026-10-01", "--input-dir=in", "--output-dir=out", "--colour=blue"},
                    {"nightly", "--run-date=2026-10-01", "--input-dir=in", "--output-dir=out", "extra"},
                    {"nightly", "--run-date=2026-10-01", "--input-dir=in", "--output-dir=out", "--input-dir=x"},
                    {"nightly", "--run-date=2026-10-01", "--input-dir=", "--output-dir=out"},
                    {"nightly", "--run-date=2026-10-01", "--input-dir", "--output-dir=out"},
                    {"rerun", "--period=2026-10", "--input-dir=in", "--output-dir=out", "--drop-missing=yes"},
                    {"nightly", "--run-date=2026-10-01", "--input-dir=in", "--output-dir=out",
                            "--billing-zone=Nowhere/Zone"},
                    {"nightly", "--run-date=2026-10-01", "--input-dir=in", "--output-dir=out", "--data-dir=d",
                            "--db-url=jdbc:postgresql://h/db"},
                    {"nightly", "--run-date=2026-10-01", "--input-dir=in", "--output-dir=out", "--db-user=u"},
            };
            String[] named = {"command", "bill", "2026-02-30", "2026-10-1", "--run-date", "--input-dir",
                    "--output-dir", "--drop-missing", "--period", "--run-date", "2026-13", "--colour", "extra",
                    "--input-dir", "--input-dir", "--input-dir", "--drop-missing", "Nowhere/Zone", "--db-url",
                    "--db-user"};
            for (int i = 0; i < cases.length; i++) {
                List<String> args = i == 0 ? List.of() : List.of(cases[i]);
                assertThatThrownBy(() -> CommandLineParser.parse(args)).as(String.join(" ", args))
                        .isInstanceOf(UsageException.class)
                        .hasMessageContaining(named[i]);
            }
        }
    }
}
