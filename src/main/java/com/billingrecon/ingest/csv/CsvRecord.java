package com.billingrecon.ingest.csv;

import java.util.List;

/**
 * One CSV record as read, before any column mapping.
 *
 * @param line            1-based physical line where the record starts
 * @param raw             the whole raw record text without its final line break (embedded breaks kept)
 * @param fields          the field values; null when the record is malformed
 * @param malformedDetail why the quoting is broken; null when the record is well formed
 */
public record CsvRecord(long line, String raw, List<String> fields, String malformedDetail) {

    public boolean malformed() {
        return fields == null;
    }
}
