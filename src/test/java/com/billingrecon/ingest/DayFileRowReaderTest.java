package com.billingrecon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.billingrecon.domain.FileKind;
import com.billingrecon.ingest.rows.SourceRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class DayFileRowReaderTest {

    private static final String HEADER = "cdr_id,account_id,type,start_time,duration_s,amount,currency,status\n";
    private static final LocalDate DAY = LocalDate.parse("2026-10-01");

    @TempDir
    Path input;

    @Test
    void theSavedPositionIsTheLastRowHandedToTheStepNotTheReadAheadSoARestartResumesRightAfterIt() throws Exception {
        write("cdr-2026-10-01.csv", 5, "A");
        write("cdr-2026-10-01-b.csv", 4, "B");

        Restart restart = stopAfter(3, 2, "cdr-2026-10-01.csv", "cdr-2026-10-01-b.csv");

        assertThat(restart.before()).containsExactly(
                List.of("A1", "A2"), List.of("A3", "A4"), List.of("A5", "B1"));
        assertThat(restart.after()).containsExactly(List.of("B2", "B3"), List.of("B4"));
    }

    @Test
    void aRestartAfterTheLastRowOfAFileGoesOnWithTheNextFile() throws Exception {
        write("cdr-2026-10-01.csv", 2, "A");
        write("cdr-2026-10-01-b.csv", 2, "B");

        Restart restart = stopAfter(1, 2, "cdr-2026-10-01.csv", "cdr-2026-10-01-b.csv");

        assertThat(restart.after()).containsExactly(List.of("B1", "B2"));
    }

    @Test
    void aRestartWithMoreRowsReadAheadThanTheQueueHoldsLosesAndRepeatsNothing() throws Exception {
        write("cdr-2026-10-01.csv", 1000, "A");

        Restart restart = stopAfter(11, 3, "cdr-2026-10-01.csv");

        List<String> all = new ArrayList<>();
        restart.before().forEach(all::addAll);
        assertThat(all).hasSize(33).endsWith("A33");
        restart.after().forEach(all::addAll);
        assertThat(all).hasSize(1000).doesNotHaveDuplicates().startsWith("A1").endsWith("A1000");
    }

    @Test
    void aFileReadForSomeOfItsLinesHandsOnlyThoseRowsAndARestartResumesAfterTheLastOneHanded() throws Exception {
        write("cdr-2026-10-01.csv", 10, "A"); // A1 is on line 2
        write("cdr-2026-10-01-b.csv", 3, "B");
        List<DayFileRows.FileToRead> files = List.of(
                new DayFileRows.FileToRead("cdr-2026-10-01.csv", new long[] {3, 5, 9}),
                DayFileRows.FileToRead.whole("cdr-2026-10-01-b.csv"));
        ExecutionContext saved = new ExecutionContext();
        DayFileRowReader<SourceRow> first = new DayFileRowReader<>(
                new DayFileRows(new InputDirectory(input), FileKind.CDR, DAY, files), row -> row, 1, "cdrRows");
        first.open(new ExecutionContext());
        List<List<String>> before = ids(first, 2);
        first.update(saved);
        first.close();

        DayFileRowReader<SourceRow> restarted = new DayFileRowReader<>(
                new DayFileRows(new InputDirectory(input), FileKind.CDR, DAY, files), row -> row, 1, "cdrRows");
        restarted.open(saved);
        List<List<String>> after = ids(restarted, Integer.MAX_VALUE);
        restarted.close();

        assertThat(before).containsExactly(List.of("A2"), List.of("A4"));
        assertThat(after).containsExactly(List.of("A8"), List.of("B1"), List.of("B2"), List.of("B3"));
    }

    @Test
    void anErrorOnTheReadAheadThreadFailsTheReadInsteadOfLeavingItWaiting() throws Exception {
        write("cdr-2026-10-01.csv", 10, "A");
        DayFileRows rows = new DayFileRows(new InputDirectory(input), FileKind.CDR, DAY,
                List.of(DayFileRows.FileToRead.whole("cdr-2026-10-01.csv")));
        DayFileRowReader<SourceRow> reader = new DayFileRowReader<>(rows, row -> {
            if (row.value("cdr_id").equals("A7")) {
                throw new StackOverflowError("deep");
            }
            return row;
        }, 2, "cdrRows");
        reader.open(new ExecutionContext());

        List<List<String>> before = new ArrayList<>();
        Throwable failure = null;
        try {
            for (List<SourceRow> block = reader.read(); block != null; block = reader.read()) {
                before.add(block.stream().map(row -> row.value("cdr_id")).toList());
            }
        } catch (StackOverflowError e) {
            failure = e;
        } finally {
            reader.close();
        }

        assertThat(failure).hasMessage("deep");
        // blocks read ahead but not yet taken may be dropped: a restart reads them again from the saved position
        assertThat(before).isSubsetOf(List.of("A1", "A2"), List.of("A3", "A4"), List.of("A5", "A6"));
    }

    @Test
    void aBlockEndsEarlyOnceItsRowsHoldBlockCharsSoLongRecordsDoNotMultiplyTheMemoryInFlight() throws Exception {
        String longId = "L".repeat(DayFileRowReader.BLOCK_CHARS / 5);
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 1; i <= 12; i++) {
            text.append(longId).append(i).append(",ACC-1,SMS,2026-09-30T10:00:00Z,,0.01,SGD,COMPLETED\n");
        }
        Files.writeString(input.resolve("cdr-2026-10-01.csv"), text);

        DayFileRowReader<SourceRow> reader = reader(500, List.of("cdr-2026-10-01.csv"));
        reader.open(new ExecutionContext());
        List<List<String>> blocks = ids(reader, Integer.MAX_VALUE);
        reader.close();

        assertThat(blocks).extracting(List::size).containsExactly(5, 5, 2);
    }

    private record Restart(List<List<String>> before, List<List<String>> after) {
    }

    /** Takes {@code blocks} blocks, saves the position as a chunk commit would, and reads the rest after a restart. */
    private Restart stopAfter(int blocks, int blockRows, String... files) throws Exception {
        ExecutionContext saved = new ExecutionContext();
        DayFileRowReader<SourceRow> first = reader(blockRows, List.of(files));
        first.open(new ExecutionContext());
        List<List<String>> before = ids(first, blocks);
        first.update(saved);
        first.close();

        DayFileRowReader<SourceRow> restarted = reader(blockRows, List.of(files));
        restarted.open(saved);
        List<List<String>> after = ids(restarted, Integer.MAX_VALUE);
        restarted.close();
        return new Restart(before, after);
    }

    private DayFileRowReader<SourceRow> reader(int blockRows, List<String> files) {
        DayFileRows rows = new DayFileRows(new InputDirectory(input), FileKind.CDR, DAY,
                files.stream().map(DayFileRows.FileToRead::whole).toList());
        return new DayFileRowReader<>(rows, row -> row, blockRows, "cdrRows");
    }

    /** The cdr_ids of each block read, up to {@code max} blocks. */
    private static List<List<String>> ids(DayFileRowReader<SourceRow> reader, int max) throws Exception {
        List<List<String>> blocks = new ArrayList<>();
        for (List<SourceRow> block = reader.read(); block != null; block = blocks.size() < max ? reader.read() : null) {
            blocks.add(block.stream().map(row -> row.value("cdr_id")).toList());
        }
        return blocks;
    }

    private void write(String name, int rows, String prefix) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            text.append(prefix).append(i).append(",ACC-1,SMS,2026-09-30T10:00:00Z,,0.01,SGD,COMPLETED\n");
        }
        Files.writeString(input.resolve(name), text);
    }
}
