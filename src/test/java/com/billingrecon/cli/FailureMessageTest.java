package com.billingrecon.cli;

import com.billingrecon.job.RunRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;

/** The cause and the fix named in the one line of a failed run, found along the exception's chain. */
class FailureMessageTest {

    private static final RunRequest EMBEDDED = new RunRequest(RunRequest.Command.NIGHTLY, LocalDate.of(2026, 10, 1),
            null, Path.of("/srv/in"), Path.of("/srv/out"), ZoneId.of("UTC"), Path.of("/var/lib/recon/db"), null, null,
            null, false, null, null, false, null, null, null);

    private static String describe(Throwable failure) {
        return FailureMessage.describe(new IllegalStateException("step failed", failure), EMBEDDED);
    }

    @Test
    void aFullDiskUnderTheOutputFolderNamesTheOutputFolder() {
        IOException full = new FileSystemException("/srv/out/.nightly-2026-10-01.partial/balances.csv", null,
                "No space left on device");

        assertThat(describe(new UncheckedIOException(full)))
                .startsWith("no space left on the disk of the output folder /srv/out")
                .contains("free space there", "run the same command again");
    }

    @Test
    void aFullDiskOfTheDatabaseNamesTheDataFolderOfAnEmbeddedDatabase() {
        SQLException full = new SQLException("ERROR: could not extend file \"base/16384/16400\": No space left on "
                + "device", "53100");

        assertThat(describe(new DataAccessResourceFailureException("insert", full)))
                .startsWith("the database's disk is full").contains("/var/lib/recon/db", "run the same command again");
    }

    @Test
    void aFolderThatMayNotBeWrittenNamesItAndSaysToMakeItWritable() {
        assertThat(describe(new AccessDeniedException("/srv/out/nightly-2026-10-01")))
                .startsWith("the output folder /srv/out cannot be written").contains("permission denied",
                        "make it writable");
    }

    @Test
    void anUnknownCauseIsNamedByItsInnermostMessageAndTheLineSaysWhereTheDetailsAre() {
        String line = FailureMessage.of(new IllegalStateException("outer", new ArithmeticException("inner\nmore")),
                EMBEDDED, Optional.of(Path.of("/var/lib/recon/db/billing-recon.log")));

        assertThat(line).contains("ArithmeticException: inner;", "details in /var/lib/recon/db/billing-recon.log")
                .doesNotContain("\n");
    }

    @Test
    void aFailureWhileARunStopsForSigtermSaysItStoppedAndThatTheSameCommandResumesIt() {
        String line = FailureMessage.stopped(new IllegalStateException("job failed", new OptimisticLockingFailureException(
                "Attempt to update step execution id=904 with wrong version (186)")),
                Optional.of(Path.of("/var/lib/recon/db/billing-recon.log")));

        assertThat(line).startsWith("billing-recon: stopped by SIGTERM")
                .contains("OptimisticLockingFailureException", "details in /var/lib/recon/db/billing-recon.log",
                        "run the same command again to resume")
                .doesNotContain("run failed", "fix the cause");
    }
}
