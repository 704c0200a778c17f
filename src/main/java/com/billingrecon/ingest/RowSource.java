package com.billingrecon.ingest;

import com.billingrecon.ingest.rows.SourceRow;
import java.io.IOException;

/**
 * Rows in processing order with a position a restart can start again from: the day's files of a kind
 * ({@link DayFileRows}), or one partition's share of them.
 */
public interface RowSource extends AutoCloseable {

    /** Where reading stands: the next row is the one after {@code records} rows of file {@code fileIndex}. */
    record Position(int fileIndex, long records) {
    }

    /** Positions the reading at {@code start}, skipping the rows before it. */
    void open(Position start) throws IOException;

    /** The next row, or null after the last one. */
    SourceRow next() throws IOException;

    Position position();

    /** What is read, for log lines. */
    String describe();

    /** Characters of the records read so far (line ends counted as one), for progress lines only. */
    long charsRead();

    /** The size on disk of what is read; 0 when it cannot be asked (reading will say why). */
    long totalBytes();

    @Override
    void close();
}
