package com.billingrecon.ingest.partition;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.job.ExitCode;
import com.billingrecon.support.ReportFolders;
import com.billingrecon.support.Run;
import com.billingrecon.support.Slow;
import com.billingrecon.support.Sql;
import com.billingrecon.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Given nights where CDR ids repeat across files, days and accounts, when the CDRs are taken in as P partitions
 * (manager and workers in one command, over the JDBC channel), then every report of every day is the same, byte for
 * byte, as the one-step run's, and the day's ledger holds the same records.
 */
@Slow
class PartitionedIngestionFunctionalTests {

    @TempDir
    static Path shared;
    private static Path input;
    private static Map<String, byte[]> oneStepReports;
    private static String oneStepLedger;

    private static final String LEDGER = """
            SELECT string_agg(concat_ws('|', cdr_id, account_id, status, amount, billing_period, file_name, line,
                                        business_date, superseded_on), E'\\n' ORDER BY file_name, line)
            FROM cdr_record""";

    @BeforeAll
    static void oneStepNights() throws IOException {
        input = PartitionScenario.write(Files.createDirectories(shared.resolve("in")));
        String db = TestDatabase.freshDatabaseUrl();
        Path out = shared.resolve("one-step");
        assertThat(Run.nightly(db, input, out, PartitionScenario.RUN_DATE)).isEqualTo(ExitCode.DONE);
        oneStepReports = ReportFolders.snapshot(out);
        oneStepLedger = Sql.value(db, LEDGER);
        assertThat(oneStepReports).hasSizeGreaterThanOrEqualTo(4 * ReportFolders.DAY_FILES.size());
        String rejects = oneStepReports.entrySet().stream().filter(e -> e.getKey().endsWith("rejects.csv"))
                .map(e -> new String(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining());
        assertThat(rejects).as("the id rules meet across files and days")
                .contains("ID_CONFLICT", "ALREADY_FINAL", "MALFORMED", "UNKNOWN_ACCOUNT");
        assertThat(Sql.value(db, "SELECT count(*) FROM cdr_record WHERE superseded_on > business_date"))
                .as("ONGOING records completed on a later day").isNotEqualTo("0");
    }

    @ParameterizedTest(name = "P = {0}")
    @ValueSource(ints = {1, 2, 3, 7})
    void thePartitionedNightsWriteTheOneStepNightsReportsByteForByte(int partitions, @TempDir Path work) {
        String db = TestDatabase.freshDatabaseUrl();
        Path out = work.resolve("out");

        ExitCode exit = Run.nightly(db, input, out, PartitionScenario.RUN_DATE, "--partitions=" + partitions,
                "--local-workers=2", "--work-dir=" + work.resolve("buckets"));

        assertThat(exit).isEqualTo(ExitCode.DONE);
        ReportFolders.assertSameFiles(ReportFolders.snapshot(out), oneStepReports);
        assertThat(Sql.value(db, LEDGER)).isEqualTo(oneStepLedger);
        assertThat(Sql.value(db, "SELECT count(*) FROM batch_step_execution WHERE step_name LIKE 'cdrIngestionPartition:%'"))
                .as("one execution per partition and day").isEqualTo(String.valueOf(4 * partitions));
        assertThat(Sql.value(db, "SELECT count(*) FROM cdr_partition_count")).as("summed and deleted").isEqualTo("0");
        assertThat(work.resolve("buckets/cdr-partitions/2026-10-02")).as("the day's buckets are deleted").doesNotExist();
    }
}
