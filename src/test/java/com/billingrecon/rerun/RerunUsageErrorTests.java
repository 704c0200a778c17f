package com.billingrecon.rerun;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Run;
import com.billingrecon.support.Sql;
import com.billingrecon.support.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §7: exit code 2 = usage error (clear message, nothing written). */
class RerunUsageErrorTests {

    @TempDir
    Path input;
    @TempDir
    Path output;

    private final String db = TestDatabase.freshDatabaseUrl();

    @Test
    void aRefusedRerunOnAnEmptyDatabaseDoesNotFixTheBillingZone() {
        InputFiles.in(input).accounts("A1,Alpha,SGD,INDIVIDUAL_AND_MONTHLY,100,0.09")
                .charges("2026-10-10", "CH-1,A1,SUBSCRIPTION,2026-10-10,20.00,SGD,plan");

        // a rerun before any nightly run is a usage error: nothing may be written
        assertThat(Run.rerun(db, input, output, "2026-10", "--billing-zone=Asia/Singapore"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(Sql.value(db, "SELECT count(*) FROM billing_setting")).isEqualTo("0");

        // so the first nightly run may still choose its zone
        assertThat(Run.nightly(db, input, output, "2026-10-10")).isEqualTo(ExitCode.DONE);
    }
}
