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

        Restart restart = stopAfter(7, "cdr-2026-10-01.csv", "cdr-2026-10-01-b.csv");

        assertThat(restart.before()).containsExactly("A1", "A2", "A3", "A4", "A5", "B1", "B2");
        assertThat(restart.after()).containsExactly("B3", "B4");
    }

    @Test
    void aRestartAfterTheLastRowOfAFileGoesOnWithTheNextFile() throws Exception {
        write("cdr-2026-10-01.csv", 2, "A");
        write("cdr-2026-10-01-b.csv", 2, "B");

        Restart restart = stopAfter(2, "cdr-2026-10-01.csv", "cdr-2026-10-01-b.csv");

        assertThat(restart.after()).containsExactly("B1", "B2");
    }

    @Test
    void rowsHandedOverInBlocksStillSaveThePositionOfTheLastRowTheStepTook() throws Exception {
        write("cdr-2026-10-01.csv", 1000, "A");

        Restart restart = stopAfter(333, "cdr-2026-10-01.csv");

        assertThat(restart.before()).hasSize(333).endsWith("A333");
        assertThat(restart.after()).hasSize(667).startsWith("A334").endsWith("A1000");
    }

    private record Restart(List<String> before, List<String> after) {
    }

    /** Takes {@code rows} rows, saves the position as a chunk commit would, and reads the rest after a restart. */
    private Restart stopAfter(int rows, String... files) throws Exception {
        ExecutionContext saved = new ExecutionContext();
        DayFileRowReader<SourceRow> first = reader(List.of(files));
        first.open(new ExecutionContext());
        List<String> before = ids(first, rows);
        first.update(saved);
        first.close();

        DayFileRowReader<SourceRow> restarted = reader(List.of(files));
        restarted.open(saved);
        List<String> after = ids(restarted, Integer.MAX_VALUE);
        restarted.close();
        return new Restart(before, after);
    }

    private DayFileRowReader<SourceRow> reader(List<String> files) {
        DayFileRows rows = new DayFileRows(new InputDirectory(input), FileKind.CDR, DAY, files);
        return new DayFileRowReader<>(rows, row -> row, "cdrRows");
    }

    private static List<String> ids(DayFileRowReader<SourceRow> reader, int max) throws Exception {
        List<String> ids = new ArrayList<>();
        for (SourceRow row = reader.read(); row != null; row = ids.size() < max ? reader.read() : null) {
            ids.add(row.value("cdr_id"));
            if (ids.size() == max) {
                break;
            }
        }
        return ids;
    }

    private void write(String name, int rows, String prefix) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            text.append(prefix).append(i).append(",ACC-1,SMS,2026-09-30T10:00:00Z,,0.01,SGD,COMPLETED\n");
        }
        Files.writeString(input.resolve(name), text);
    }
}
