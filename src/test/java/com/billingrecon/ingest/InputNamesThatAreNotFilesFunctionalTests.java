package com.billingrecon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Report;
import com.billingrecon.support.Run;
import com.billingrecon.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §2: a symbolic link to a regular file is read as that file; an input name that is not a readable regular
 * file is rejected whole, with the reason in its detail, and is never opened (a named pipe would make the run wait
 * for a writer, a link to /dev/zero would never end). Sub-folders, and links to folders, are ignored.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InputNamesThatAreNotFilesFunctionalTests {

    private static final String DAY = "2026-10-01";

    @TempDir
    Path work;

    private Path input;
    private Path output;

    @BeforeEach
    void anInputFolderWithAnAccount() throws IOException {
        input = Files.createDirectory(work.resolve("in"));
        output = work.resolve("out");
        InputFiles.in(input).accounts("A1,Alpha,SGD,NO_INVOICE,0,0");
    }

    @Test
    void linksToFilesAreReadAndDanglingLinksPipesAndDevicesAreRejectedWholeWithoutBlocking() throws Exception {
        // given
        Path elsewhere = Files.createDirectory(work.resolve("elsewhere"));
        InputFiles.in(elsewhere).cdrs(DAY, "C1,A1,SMS,2026-10-01T10:00:00Z,,0.25,SGD,COMPLETED");
        Files.createSymbolicLink(input.resolve("cdr-2026-10-01.csv"), elsewhere.resolve("cdr-2026-10-01.csv"));
        Files.createSymbolicLink(input.resolve("cdr-2026-10-01-dangling.csv"), elsewhere.resolve("gone.csv"));
        mkfifo(input.resolve("cdr-2026-10-01-pipe.csv"));
        Files.createSymbolicLink(input.resolve("charges-2026-10-01.csv"), Path.of("/dev/zero"));
        mkfifo(input.resolve("notes.pipe"));
        Files.createDirectory(input.resolve("payments-2026-10-01.csv"));
        Files.createSymbolicLink(input.resolve("payments-2026-10-01-b.csv"), elsewhere);

        // when
        ExitCode exit = Run.nightly(TestDatabase.freshDatabaseUrl(), input, output, DAY);

        // then
        assertThat(exit).as("a file rejected whole").isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        Map<String, Map<String, String>> files = Report.of(output, DAY, "reconciliation.csv").by("file");
        assertThat(files.keySet()).containsExactly("accounts.csv", "cdr-2026-10-01.csv",
                "cdr-2026-10-01-dangling.csv", "cdr-2026-10-01-pipe.csv", "charges-2026-10-01.csv", "notes.pipe");
        assertThat(Report.values(files.get("cdr-2026-10-01.csv"), "status", "rows_read", "accepted",
                "accepted_amount")).as("read through the link").containsExactly("PROCESSED", "1", "1", "0.25");
        assertRejectedWhole(files.get("cdr-2026-10-01-dangling.csv"), "symbolic link to nothing");
        assertRejectedWhole(files.get("cdr-2026-10-01-pipe.csv"), "named pipe");
        assertRejectedWhole(files.get("charges-2026-10-01.csv"), "character device");
        assertThat(files.get("notes.pipe").get("status")).isEqualTo("UNRECOGNIZED");
        assertThat(Report.balances(output, DAY).account("A1").get("expecting_invoice")).isEqualTo("-0.25");
    }

    @Test
    void aFileThisUserMayNotReadIsRejectedWhole() throws Exception {
        // given
        InputFiles.in(input).cdrs(DAY, "C1,A1,SMS,2026-10-01T10:00:00Z,,0.25,SGD,COMPLETED");
        Path file = input.resolve("cdr-2026-10-01.csv");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "this user (root) reads every file: nothing to test");

        // when
        ExitCode exit = Run.nightly(TestDatabase.freshDatabaseUrl(), input, output, DAY);

        // then
        assertThat(exit).isEqualTo(ExitCode.DONE_WITH_FILES_TO_CHECK);
        assertRejectedWhole(Report.of(output, DAY, "reconciliation.csv").row("file", "cdr-2026-10-01.csv"),
                "cannot be read");
    }

    private static void assertRejectedWhole(Map<String, String> row, String detail) {
        assertThat(Report.values(row, "status", "rows_read", "accepted", "duplicates", "rejected", "accepted_amount"))
                .as("%s", row).containsExactly("REJECTED", "0", "0", "0", "0", "0");
        assertThat(row.get("detail")).contains(detail);
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo " + path).isTrue();
    }
}
