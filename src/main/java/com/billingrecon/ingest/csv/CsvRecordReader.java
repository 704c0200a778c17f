package com.billingrecon.ingest.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads strict RFC 4180 records from text, one at a time, streaming (only the current record is held).
 *
 * <p>Hand-written rather than opencsv: opencsv is lenient about broken quoting (it accepts a bare quote in
 * an unquoted value and text after a closing quote), while the contract needs such a record reported as
 * {@code MALFORMED} with its raw text and start line, and reading resumed at the next physical line.
 *
 * <p>Rules: lines end with LF or CRLF (a CR just before LF or the end of the input belongs to the line end;
 * any other CR is data). A byte-order mark at the very start is dropped. Blank lines (empty, or just a CR)
 * between records are skipped and never returned; a line of blanks is a record and the caller judges it.
 * A broken quote makes the record malformed up to the end of its physical line; an unterminated quote makes
 * the rest of the input one malformed record.
 *
 * <p>Restart: a restarted reader skips the records already returned by calling {@link #next()} that many
 * times; blank lines are never records, so the count is stable.
 */
public final class CsvRecordReader implements Closeable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private boolean byteOrderMarkChecked;
    private long physicalLines;
    private boolean lineEndedWithLf;
    /** The raw text of the record being read; reused so that a long file allocates little. */
    private final StringBuilder raw = new StringBuilder(256);
    private final StringBuilder quoted = new StringBuilder(64);
    private int lastFieldCount = 8;

    public CsvRecordReader(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of the input. */
    public CsvRecord next() throws IOException {
        while (true) {
            raw.setLength(0);
            if (!readPhysicalLine()) {
                return null;
            }
            boolean blank = raw.length() == 0 || (raw.length() == 1 && raw.charAt(0) == '\r');
            if (!blank) {
                return readRecord(physicalLines);
            }
        }
    }

    private CsvRecord readRecord(long startLine) throws IOException {
        List<String> fields = new ArrayList<>(lastFieldCount);
        int state = FIELD_START;
        int fieldStart = 0;
        long quoteOpenedOnLine = startLine;
        int lineStart = 0;
        while (true) {
            int contentEnd = contentEnd();
            for (int i = lineStart; i < contentEnd; i++) {
                char c = raw.charAt(i);
                switch (state) {
                    case FIELD_START -> {
                        if (c == '"') {
                            state = QUOTED;
                            quoted.setLength(0);
                            fieldStart = i + 1;
                            quoteOpenedOnLine = physicalLines;
                        } else if (c == ',') {
                            fields.add("");
                        } else {
                            state = UNQUOTED;
                            fieldStart = i;
                        }
                    }
                    case UNQUOTED -> {
                        if (c == ',') {
                            fields.add(raw.substring(fieldStart, i));
                            state = FIELD_START;
                        } else if (c == '"') {
                            return malformed(startLine, contentEnd, "bare quote in unquoted field " + (fields.size() + 1));
                        }
                    }
                    case QUOTED -> {
                        if (c == '"') {
                            quoted.append(raw, fieldStart, i);
                            state = QUOTE_IN_QUOTED;
                        }
                    }
                    default -> { // QUOTE_IN_QUOTED
                        if (c == '"') {
                            // an escaped quote: the second quote starts the next run of field text
                            fieldStart = i;
                            state = QUOTED;
                        } else if (c == ',') {
                            fields.add(quoted.toString());
                            state = FIELD_START;
                        } else {
                            return malformed(startLine, contentEnd,
                                    "text after closing quote in field " + (fields.size() + 1));
                        }
                    }
                }
            }
            if (state != QUOTED) {
                fields.add(lastField(state, fieldStart, contentEnd));
                raw.setLength(contentEnd);
                lastFieldCount = fields.size();
                return new CsvRecord(startLine, raw.toString(), Collections.unmodifiableList(fields), null);
            }
            String unterminated = "unterminated quote in field " + (fields.size() + 1)
                    + " opened on line " + quoteOpenedOnLine;
            if (!lineEndedWithLf) {
                return malformed(startLine, contentEnd, unterminated);
            }
            // the line break is inside the quoted value: keep it (as in the file) and read on
            int lineBreakStart = contentEnd;
            raw.append('\n');
            lineStart = raw.length();
            if (!readPhysicalLine()) {
                return malformed(startLine, lineBreakStart, unterminated);
            }
        }
    }

    private String lastField(int state, int fieldStart, int contentEnd) {
        return switch (state) {
            case UNQUOTED -> raw.substring(fieldStart, contentEnd);
            case QUOTE_IN_QUOTED -> quoted.toString();
            default -> ""; // the line ended with a comma
        };
    }

    /** Where the current line's content ends: before a CR that is part of the line end. */
    private int contentEnd() {
        int length = raw.length();
        return length > 0 && raw.charAt(length - 1) == '\r' ? length - 1 : length;
    }

    private CsvRecord malformed(long startLine, int rawEnd, String detail) {
        raw.setLength(rawEnd);
        return new CsvRecord(startLine, raw.toString(), null, detail);
    }

    /** Appends the next physical line, without its LF, to {@code raw}; false when the input is exhausted. */
    private boolean readPhysicalLine() throws IOException {
        boolean any = false;
        while (true) {
            if (position >= limit && !fill()) {
                lineEndedWithLf = false;
                if (any) {
                    physicalLines++;
                }
                return any;
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            raw.append(buffer, start, position - start);
            if (position < limit) {
                position++;
                lineEndedWithLf = true;
                physicalLines++;
                return true;
            }
        }
    }

    /** Refills the buffer; true when at least one character is available. */
    private boolean fill() throws IOException {
        while (true) {
            int count = in.read(buffer, 0, buffer.length);
            if (count < 0) {
                return false;
            }
            position = 0;
            limit = count;
            if (!byteOrderMarkChecked && count > 0) {
                byteOrderMarkChecked = true;
                if (buffer[0] == BYTE_ORDER_MARK) {
                    position = 1;
                }
            }
            if (position < limit) {
                return true;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
