package com.billingrecon.ingest.partition;

import com.billingrecon.support.GeneratedInput;
import com.billingrecon.support.InputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Four nights across a month's close where CDR ids repeat across files, days and accounts: the generated days
 * (duplicates, rejected rows, ONGOING completed the next day) and a second CDR file a day that reuses ids of the
 * first and of earlier days: ID_CONFLICT, ALREADY_FINAL, duplicates across days, ONGOING then COMPLETED in a later
 * file or day, late usage, a quoted line break and rows that cannot be read into fields.
 */
final class PartitionScenario {

    static final String RUN_DATE = "2026-10-02";

    private PartitionScenario() {
    }

    static Path write(Path dir) throws IOException {
        GeneratedInput.write(dir, LocalDate.of(2026, 9, 29), 4, 2500);
        InputFiles.in(dir)
                .cdrs("2026-09-29-b",
                        "R1,A01,CALL,2026-09-29T10:00:00Z,60,1.5,SGD,ONGOING",
                        "R2,A02,CALL,2026-09-29T11:00:00Z,60,2.5,SGD,ONGOING",
                        "R3,A03,SMS,2026-09-29T12:00:00Z,0,0.1,SGD,COMPLETED",
                        "R1,A01,CALL,2026-09-29T10:00:00Z,60,1.5,SGD,ONGOING",
                        "C20260929-1,A05,CALL,2026-09-29T01:00:00Z,60,9,SGD,COMPLETED",
                        "C20260929-2,A03,CALL,2026-09-29T02:00:00Z,60,9,SGD,COMPLETED",
                        "R9,A01,CALL",
                        "R10,A01,CALL,2026-09-29T10:00:00Z,60,1,SGD,\"ONG\nOING\"",
                        "R11,A01,CALL,2026-08-15T10:00:00Z,60,3.25,SGD,COMPLETED",
                        "R5,A04,CALL,2026-09-29T09:00:00Z,60,1,SGD,ONGOING",
                        "R5,A04,CALL,2026-09-29T09:00:00Z,120,2,SGD,ONGOING",
                        "R5,A04,CALL,2026-09-29T09:00:00Z,180,3,SGD,COMPLETED")
                .cdrs("2026-09-30-b",
                        "R1,A01,CALL,2026-09-29T10:00:00Z,90,2.25,SGD,COMPLETED",
                        "R3,A03,SMS,2026-09-29T12:00:00Z,0,0.1,SGD,FAILED",
                        "R2,A04,CALL,2026-09-29T11:00:00Z,60,2.5,SGD,COMPLETED",
                        "R3,A03,SMS,2026-09-29T12:00:00Z,0,0.1,SGD,COMPLETED",
                        "R12,A06,CALL,2026-09-30T23:30:00Z,60,4,SGD,ONGOING",
                        "C20260929-7,A08,CALL,2026-09-29T07:00:00Z,60,1,SGD,COMPLETED")
                .cdrs("2026-10-01-b",
                        "R2,A02,CALL,2026-09-29T11:00:00Z,240,7.5,SGD,COMPLETED",
                        "R1,A01,CALL,2026-09-29T10:00:00Z,90,2.25,SGD,COMPLETED",
                        "R12,A06,CALL,2026-09-30T23:30:00Z,120,8,SGD,ONGOING",
                        "R13,X99,CALL,2026-10-01T08:00:00Z,60,1,SGD,COMPLETED",
                        "\"R14,A01,CALL")
                .cdrs("2026-10-02-b",
                        "R12,A06,CALL,2026-09-30T23:30:00Z,180,12,SGD,COMPLETED",
                        "R15,A02,CALL,2026-09-30T22:00:00Z,60,5,SGD,COMPLETED",
                        "R2,A02,CALL,2026-09-29T11:00:00Z,240,7.5,SGD,COMPLETED");
        return dir;
    }
}
