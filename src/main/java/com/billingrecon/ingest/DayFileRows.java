package com.billingrecon.ingest;

import com.billingrecon.domain.FileKind;
import com.billingrecon.ingest.csv.CsvHeader;
import com.billingrecon.ingest.csv.CsvRecord;
import com.billingrecon.ingest.csv.CsvRecordReader;
import com.billingrecon.ingest.rows.SourceRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one kind's files of a business day, file after file in processing order, with a
 * position (file index, records read from that file) that a restart can start again from. A file may be read
 * for some of its rows only (a rerun's rows decided again): the others are skipped, but counted in the position.
 */
public final class DayFileRows implements RowSource {

    private final InputDirectory input;
    private final FileKind kind;
    private final LocalDate businessDate;
    private final List<FileToRead> files;

    private int fileIndex;
    private long records;
    /** Characters of the records read so far (line ends counted as one), for progress lines only. */
    private volatile long charsRead;
    private CsvRecordReader current;
    private CsvHeader header;

    /** A file to read: every row ({@code lines} null), or only the rows of these lines, ascending. */
    public record FileToRead(String fileName, long[] lines) {

        public static FileToRead whole(String fileName) {
            return new FileToRead(fileName, null);
        }

        boolean wanted(long line) {
            return lines == null || Arrays.binarySearch(lines, line) >= 0;
        }
    }

    public DayFileRows(InputDirectory input, FileKind kind, LocalDate businessDate, List<FileToRead> files) {
        this.input = input;
        this.kind = kind;
        this.businessDate = businessDate;
        this.files = files;
    }

    @Override
    public void open(Position start) throws IOException {
        fileIndex = start.fileIndex();
        if (fileIndex < files.size()) {
            openFile();
            for (long i = 0; i < start.records() && current.next() != null; i++) {
                records++;
            }
        }
    }

    /** The next row, or null after the last row of the last file. */
    @Override
    public SourceRow next() throws IOException {
        while (fileIndex < files.size()) {
            CsvRecord record = current.next();
            if (record != null) {
                records++;
                FileToRead file = files.get(fileIndex);
                if (!file.wanted(record.line())) {
                    continue;
                }
                SourceRow row = header.toRow(kind, file.fileName(), businessDate, record);
                charsRead += row.raw().length() + 1;
                return row;
            }
            close();
            fileIndex++;
            if (fileIndex < files.size()) {
                openFile();
            }
        }
        return null;
    }

    /** The day and kind, for log lines. */
    @Override
    public String describe() {
        return businessDate + " " + kind.label();
    }

    @Override
    public long charsRead() {
        return charsRead;
    }

    /** The size of the files on disk; 0 when one cannot be asked (reading them will say why). */
    @Override
    public long totalBytes() {
        long total = 0;
        for (FileToRead file : files) {
            try {
                total += Files.size(input.resolve(file.fileName()));
            } catch (IOException e) {
                return 0;
            }
        }
        return total;
    }

    @Override
    public Position position() {
        return new Position(fileIndex, records);
    }

    private void openFile() throws IOException {
        records = 0;
        current = new CsvRecordReader(Files.newBufferedReader(input.resolve(files.get(fileIndex).fileName()),
                StandardCharsets.UTF_8));
        header = CsvHeader.of(current.next());
    }

    @Override
    public void close() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            current = null;
        }
    }
}
