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
 * <p>Length: a record is at most {@link #MAX_RECORD_CODE_POINTS} code points of raw text, its final line break
 * not counted. A longer one is malformed and holds its first that many code points; reading resumes at the
 * physical line after the one holding the first code point too many, and a quote open there is not carried
 * on. Past the limit the rest of the line is scanned for its line break but not kept, so memory stays bounded
 * whatever the length of a line or of the file (a 400 MB field, or an unterminated quote near the start).
 *
 * <p>Restart: a restarted reader skips the records already returned by calling {@link #next()} that many
 * times; blank lines are never records, so the count is stable.
 */
public final class CsvRecordReader implements Closeable {

    /** The longest record (SPEC §8), in Unicode code points. */
    public static final int MAX_RECORD_CODE_POINTS = 65_536;
    static final String TOO_LONG = "record longer than 65,536 characters";

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
    /** Low surrogates in {@code raw}: its code points are its length less these (the input is valid UTF-16). */
    private int rawLowSurrogates;
    /** Characters of the current line were dropped: the record has more than one code point too many. */
    private boolean dropped;
    private final StringBuilder quoted = new StringBuilder(64);
    private int lastFieldCount = 8;

    public CsvRecordReader(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end of the input. */
    public CsvRecord next() throws IOException {
        while (true) {
            raw.setLength(0);
            rawLowSurrogates = 0;
            dropped = false;
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
            if (dropped) {
                return malformed(startLine, raw.length(), TOO_LONG);
            }
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
                if (tooLong(contentEnd)) {
                    return malformed(startLine, contentEnd, TOO_LONG);
                }
                fields.add(lastField(state, fieldStart, contentEnd));
                raw.setLength(contentEnd);
                lastFieldCount = fields.size();
                return new CsvRecord(startLine, raw.toString(), Collections.unmodifiableList(fields), null);
            }
            String unterminated = "unterminated quote in field " + (fields.size() + 1)
                    + " opened on line " + quoteOpenedOnLine;
            if (!lineEndedWithLf || !moreInput()) {
                // the file's final line break is not part of the record
                return malformed(startLine, contentEnd, unterminated);
            }
            // the line break is inside the quoted value: it counts, as in the file
            if (codePointsBefore(raw.length()) + 1 > MAX_RECORD_CODE_POINTS) {
                return malformed(startLine, raw.length(), TOO_LONG);
            }
            raw.append('\n');
            lineStart = raw.length();
            readPhysicalLine();
        }
    }

    /** Code points in {@code raw} before {@code end}, which is its length or one less (a line-end CR). */
    private int codePointsBefore(int end) {
        return end - rawLowSurrogates;
    }

    /** Whether the record's text up to {@code end} is longer than a record may be. */
    private boolean tooLong(int end) {
        return dropped || codePointsBefore(end) > MAX_RECORD_CODE_POINTS;
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

    /**
     * A malformed record ending at {@code rawEnd}; one too long, whatever else is wrong with it, holds its first
     * MAX_RECORD_CODE_POINTS code points (the line that went past them is already read).
     */
    private CsvRecord malformed(long startLine, int rawEnd, String detail) {
        boolean cut = tooLong(rawEnd) || TOO_LONG.equals(detail);
        raw.setLength(cut ? raw.offsetByCodePoints(0, MAX_RECORD_CODE_POINTS) : rawEnd);
        return new CsvRecord(startLine, raw.toString(), null, cut ? TOO_LONG : detail);
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
            int lowSurrogates = 0;
            for (char c; position < limit && (c = buffer[position]) != '\n'; position++) {
                if (Character.isLowSurrogate(c)) {
                    lowSurrogates++;
                }
            }
            keep(start, position, lowSurrogates);
            if (position < limit) {
                position++;
                lineEndedWithLf = true;
                physicalLines++;
                return true;
            }
        }
    }

    /**
     * Appends {@code buffer[start, end)} to {@code raw}, keeping at most one code point more than a record may
     * hold (it tells a line-end CR from a record too long); the characters past it are dropped.
     */
    private void keep(int start, int end, int lowSurrogates) {
        if (dropped) {
            return;
        }
        int room = MAX_RECORD_CODE_POINTS + 1 - codePointsBefore(raw.length());
        if (end - start - lowSurrogates <= room) {
            raw.append(buffer, start, end - start);
            rawLowSurrogates += lowSurrogates;
            return;
        }
        for (int i = start; i < end; i++) {
            char c = buffer[i];
            boolean low = Character.isLowSurrogate(c);
            if (!low && room == 0) {
                dropped = true;
                return;
            }
            raw.append(c);
            if (low) {
                rawLowSurrogates++;
            } else {
                room--;
            }
        }
    }

    /** Whether a character follows; the buffer may be refilled, nothing is consumed. */
    private boolean moreInput() throws IOException {
        return position < limit || fill();
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
