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
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Reads the rows of one kind's files of a business day, file after file in processing order. Its
 * position (file index, records returned from that file) is saved with every chunk, so a restart
 * resumes at the first row that was not committed.
 */
public class DayFileRowReader extends ItemStreamSupport implements ItemStreamReader<SourceRow> {

    private static final String FILE_INDEX = "file.index";
    private static final String RECORDS = "file.records";

    private final InputDirectory input;
    private final FileKind kind;
    private final LocalDate businessDate;
    private final List<String> files;

    private int fileIndex;
    private long records;
    private CsvRecordReader current;
    private CsvHeader header;

    public DayFileRowReader(InputDirectory input, FileKind kind, LocalDate businessDate, List<String> files) {
        this.input = input;
        this.kind = kind;
        this.businessDate = businessDate;
        this.files = files;
        setName(kind.label() + "Rows");
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        fileIndex = context.getInt(getExecutionContextKey(FILE_INDEX), 0);
        long skip = context.getLong(getExecutionContextKey(RECORDS), 0L);
        if (fileIndex < files.size()) {
            openFile();
            try {
                for (long i = 0; i < skip && current.next() != null; i++) {
                    records++;
                }
            } catch (IOException e) {
                throw new ItemStreamException("cannot resume reading " + files.get(fileIndex), e);
            }
        }
    }

    @Override
    public SourceRow read() throws IOException {
        while (fileIndex < files.size()) {
            CsvRecord record = current.next();
            if (record != null) {
                records++;
                return header.toRow(kind, files.get(fileIndex), businessDate, record);
            }
            closeFile();
            fileIndex++;
            if (fileIndex < files.size()) {
                openFile();
            }
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        context.putInt(getExecutionContextKey(FILE_INDEX), fileIndex);
        context.putLong(getExecutionContextKey(RECORDS), records);
    }

    @Override
    public void close() throws ItemStreamException {
        closeFile();
    }

    private void openFile() {
        records = 0;
        try {
            current = new CsvRecordReader(Files.newBufferedReader(input.resolve(files.get(fileIndex)), StandardCharsets.UTF_8));
            CsvRecord headerRecord = current.next();
            header = CsvHeader.of(headerRecord);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + files.get(fileIndex), e);
        }
    }

    private void closeFile() {
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
