package com.billingrecon.ingest.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.InputFiles;
import com.billingrecon.support.Run;
import com.billingrecon.support.Sql;
import com.billingrecon.support.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every accepted CDR record stays in the history; the one a later accepted record of the same cdr_id
 * replaces is marked superseded on the business date of the replacement, whether that came in the same
 * chunk or on a later day. Exactly one record per CDR is current.
 */
class CdrHistoryFunctionalTests {

    @Test
    void aReplacedRecordIsKeptAndMarkedSupersededOnTheBusinessDateOfItsReplacement(@TempDir Path work) {
        InputFiles input = InputFiles.in(work)
                .accounts("A1,Alpha,SGD,CONSOLIDATED_MONTHLY,500,0.09")
                .cdrs("2026-10-14",
                        "U1,A1,CALL,2026-10-14T10:00:00Z,60,1,SGD,ONGOING",
                        "U2,A1,CALL,2026-10-14T11:00:00Z,60,2,SGD,ONGOING",
                        "U1,A1,CALL,2026-10-14T10:00:00Z,60,1,SGD,ONGOING",
                        "U1,A1,CALL,2026-10-14T10:00:00Z,90,1.5,SGD,COMPLETED")
                .cdrs("2026-10-15",
                        "U2,A1,CALL,2026-10-14T11:00:00Z,120,4,SGD,ONGOING",
                        "U2,A1,CALL,2026-10-14T11:00:00Z,180,6,SGD,COMPLETED");
        String db = TestDatabase.freshDatabaseUrl();

        assertThat(Run.nightly(db, input.dir(), work.resolve("out"), "2026-10-15")).isEqualTo(ExitCode.DONE);

        assertThat(Sql.rows(db, """
                SELECT cdr_id, file_name, line, status, amount, coalesce(superseded_on::text, '')
                FROM cdr_record ORDER BY cdr_id, business_date, line"""))
                .containsExactly(
                        List.of("U1", "cdr-2026-10-14.csv", "2", "ONGOING", "1", "2026-10-14"),
                        List.of("U1", "cdr-2026-10-14.csv", "5", "COMPLETED", "1.5", ""),
                        List.of("U2", "cdr-2026-10-14.csv", "3", "ONGOING", "2", "2026-10-15"),
                        List.of("U2", "cdr-2026-10-15.csv", "2", "ONGOING", "4", "2026-10-15"),
                        List.of("U2", "cdr-2026-10-15.csv", "3", "COMPLETED", "6", ""));
        assertThat(Sql.rows(db, "SELECT cdr_id, status, amount FROM cdr ORDER BY cdr_id"))
                .containsExactly(List.of("U1", "COMPLETED", "1.5"), List.of("U2", "COMPLETED", "6"));
    }
}
