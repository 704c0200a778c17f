package com.billingrecon.ingest.csv;

import com.billingrecon.domain.FileKind;
import com.billingrecon.ingest.rows.SourceRow;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The header of an input file: columns are matched by name (trimmed, case-sensitive), in any order;
 * unknown extra columns are ignored.
 */
public final class CsvHeader {

    private static final int ABSENT = -1;

    private final List<String> names;
    /** Per kind, the header position of each of the kind's columns (ABSENT for a missing optional one). */
    private final Map<FileKind, int[]> positionsByKind = new EnumMap<>(FileKind.class);

    public CsvHeader(List<String> fields) {
        this.names = fields.stream().map(String::trim).toList();
        for (FileKind kind : FileKind.values()) {
            positionsByKind.put(kind, positionsOf(kind));
        }
    }

    /**
     * The header of a file whose first record is {@code headerRecord}. The file is expected to have passed
     * {@link FileInspection}; a missing or malformed header here means it changed since, which is an error.
     */
    public static CsvHeader of(CsvRecord headerRecord) {
        if (headerRecord == null) {
            throw new IllegalArgumentException("the file has no header record");
        }
        if (headerRecord.malformed()) {
            throw new IllegalArgumentException("the header record is malformed: " + headerRecord.malformedDetail());
        }
        return new CsvHeader(headerRecord.fields());
    }

    public List<String> names() {
        return names;
    }

    /** The required columns the header lacks, in the order given. */
    public List<String> missingColumns(List<String> required) {
        return required.stream().filter(column -> !names.contains(column)).toList();
    }

    /** The columns named more than once in the header, among those given; such a header is ambiguous. */
    public List<String> duplicatedColumns(List<String> columns) {
        return columns.stream().filter(column -> names.indexOf(column) != names.lastIndexOf(column)).toList();
    }

    /**
     * The record as a row of {@code kind}. The row is malformed when the record's quoting is broken, when its
     * raw text is only blanks (a line of blanks is not a blank line), or when its field count differs from the
     * header's. Assumes the header has every required column of the kind.
     */
    public SourceRow toRow(FileKind kind, String file, LocalDate businessDate, CsvRecord record) {
        String problem = malformedDetail(record);
        if (problem != null) {
            return new SourceRow(kind, file, businessDate, record.line(), record.raw(), null, problem);
        }
        int[] positions = positionsByKind.get(kind);
        String[] values = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            values[i] = positions[i] == ABSENT ? "" : record.fields().get(positions[i]);
        }
        return new SourceRow(kind, file, businessDate, record.line(), record.raw(), List.of(values), null);
    }

    private String malformedDetail(CsvRecord record) {
        if (record.malformed()) {
            return record.malformedDetail();
        }
        if (record.raw().isBlank()) {
            return "line of blanks";
        }
        int count = record.fields().size();
        if (count != names.size()) {
            return count + (count == 1 ? " field" : " fields") + ", header has " + names.size();
        }
        return null;
    }

    private int[] positionsOf(FileKind kind) {
        List<String> columns = kind.columns();
        int[] positions = new int[columns.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = names.indexOf(columns.get(i));
        }
        return positions;
    }

    @Override
    public String toString() {
        return String.join(",", names);
    }
}
