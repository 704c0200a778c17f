package com.billingrecon.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.support.ChildRun;
import com.billingrecon.support.GeneratedInput;
import com.billingrecon.support.Report;
import com.billingrecon.support.ReportFolders;
import com.billingrecon.support.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §1 and §7: "a run killed at any point and started again ends with the same reports as a clean run", with
 * the real application in a child JVM on its embedded PostgreSQL. A run of two days with 100,000 CDR rows each
 * (some seconds of cdrIngestion a day) is killed (SIGKILL) or stopped (SIGTERM) while it takes a day's CDRs in,
 * after some chunks were committed; the same command is started again; every folder must then be byte for byte
 * the folder of a clean run on another data folder, and no folder may ever be seen half-written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class KillAndResumeTests {

    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-10-31");
    private static final String SECOND_DAY = "2026-11-01";
    private static final int CDRS_PER_DAY = 100_000;
    private static final Duration MID_RUN_WAIT = Duration.ofMinutes(3);
    private static final List<String> REPORTS = ReportFolders.DAY_FILES;

    private Path input;
    private Map<String, byte[]> cleanReports;
    private final List<Path> dataDirs = new ArrayList<>();

    @BeforeAll
    void aCleanRunOnItsOwnDataFolder(@TempDir Path shared) throws Exception {
        input = shared.resolve("in");
        GeneratedInput.write(input, FIRST_DAY, 2, CDRS_PER_DAY);
        Path cleanOut = shared.resolve("clean-out");
        Path cleanDb = shared.resolve("clean-db");
        dataDirs.add(cleanDb);
        try (ChildRun clean = ChildRun.nightly(input, cleanOut, SECOND_DAY, cleanDb)) {
            assertThat(clean.exitCode()).as("clean run; its output:\n%s", clean.output()).isZero();
        }
        cleanReports = visible(ReportFolders.snapshot(cleanOut));
        assertThat(cleanReports).hasSize(2 * REPORTS.size());
    }

    @AfterEach
    void stopServersLeftRunning() throws IOException {
        for (Path dataDir : dataDirs) {
            ChildRun.stopServerOf(dataDir);
        }
    }

    @Test
    void aRunKilledWhileTakingInTheSecondDaysCdrsResumesAndWritesTheFoldersOfACleanRun(@TempDir Path work)
            throws Exception {
        // given a run killed (SIGKILL) after some chunks of the second day's CDRs were committed
        Path dataDir = dataDir(work);
        Path output = work.resolve("out");
        try (ChildRun run = ChildRun.nightly(input, output, SECOND_DAY, dataDir)) {
            run.waitUntil("chunks of the second day committed", () -> cdrRowsOf(dataDir, SECOND_DAY) >= 4000,
                    MID_RUN_WAIT);
            run.kill();
        }
        long taken = cdrRowsOf(dataDir, SECOND_DAY);
        assertThat(taken).as("killed in the middle of the second day's cdrIngestion").isBetween(4000L,
                (long) CDRS_PER_DAY - 1);
        assertNoFolderIsHalfWritten(output);
        assertThat(visibleNames(output)).as("the first day stays closed").containsExactly("nightly-2026-10-31");

        // when the same command runs again
        try (ChildRun again = ChildRun.nightly(input, output, SECOND_DAY, dataDir)) {
            assertThat(again.exitCode()).as("its output:\n%s", again.output()).isZero();
        }

        // then
        ReportFolders.assertSameFiles(visible(ReportFolders.snapshot(output)), cleanReports);
    }

    @Test
    void aRunStoppedBySigtermExits1AtAChunkBoundaryAndTheSameCommandCompletesIt(@TempDir Path work)
            throws Exception {
        // given a run asked to stop (SIGTERM) while it takes the first day's CDRs in
        Path dataDir = dataDir(work);
        Path output = work.resolve("out");
        int stopped;
        try (ChildRun run = ChildRun.nightly(input, output, SECOND_DAY, dataDir)) {
            run.waitUntil("chunks of the first day committed", () -> cdrRowsOf(dataDir, FIRST_DAY.toString()) >= 4000,
                    MID_RUN_WAIT);
            run.terminate();
            stopped = run.exitCode();
            assertThat(stopped).as("exit code after SIGTERM; its output:\n%s", run.output()).isEqualTo(1);
        }
        assertNoFolderIsHalfWritten(output);
        assertThat(visibleNames(output)).as("the day stopped is not reported").doesNotContain("nightly-2026-11-01");

        // when the same command runs again
        try (ChildRun again = ChildRun.nightly(input, output, SECOND_DAY, dataDir)) {
            assertThat(again.exitCode()).as("its output:\n%s", again.output()).isZero();
        }

        // then
        ReportFolders.assertSameFiles(visible(ReportFolders.snapshot(output)), cleanReports);
    }

    /** Every visible entry is a whole day folder; only hidden (dot) names may be leftovers of the work aside. */
    private static void assertNoFolderIsHalfWritten(Path output) throws IOException {
        if (!Files.exists(output)) {
            return;
        }
        for (String name : visibleNames(output)) {
            assertThat(name).matches("nightly-\\d{4}-\\d{2}-\\d{2}");
            Path folder = output.resolve(name);
            assertThat(ReportFolders.names(folder)).as(name).containsExactlyInAnyOrderElementsOf(REPORTS);
            for (String report : REPORTS.stream().filter(r -> r.endsWith(".csv")).toList()) {
                assertThat(Report.read(folder.resolve(report)).header()).as(name + "/" + report).isNotEmpty();
            }
        }
    }

    private static List<String> visibleNames(Path output) {
        if (!Files.exists(output)) {
            return List.of();
        }
        return ReportFolders.names(output).stream().filter(name -> !name.startsWith(".")).toList();
    }

    /** The files of the day folders, without hidden leftovers of an interrupted write. */
    private static Map<String, byte[]> visible(Map<String, byte[]> snapshot) {
        Map<String, byte[]> visible = new TreeMap<>(snapshot);
        visible.keySet().removeIf(name -> name.startsWith("."));
        return visible;
    }

    private static long cdrRowsOf(Path dataDir, String day) {
        return ChildRun.count(dataDir, "SELECT count(*) FROM cdr_history WHERE business_date = '" + day + "'")
                .orElse(0L);
    }

    private Path dataDir(Path work) {
        Path dataDir = work.resolve("db");
        dataDirs.add(dataDir);
        return dataDir;
    }
}
