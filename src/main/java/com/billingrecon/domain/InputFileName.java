package com.billingrecon.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Comparator;
import java.util.Optional;

/**
 * A recognised input file name: {@code accounts.csv}, or {@code <kind>-YYYY-MM-DD[-anything].csv} with a
 * real date, all lower case as written. Anything else is unrecognized (listed, never read).
 *
 * @param fileName     the file name
 * @param kind         the kind of file
 * @param businessDate F, the date in the name; null for accounts.csv
 */
public record InputFileName(String fileName, FileKind kind, LocalDate businessDate) {

    public static final String ACCOUNTS = "accounts.csv";
    private static final String EXTENSION = ".csv";
    private static final int DATE_LENGTH = "YYYY-MM-DD".length();
    /** Four ASCII digits of year (no sign), two of month and day, and a real date. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** By business date (accounts.csv first), then by the name without ".csv" in plain character order. */
    public static final Comparator<InputFileName> PROCESSING_ORDER = Comparator
            .comparing(InputFileName::businessDate, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(InputFileName::orderKey);

    /** The name without ".csv": {@code cdr-D} sorts before {@code cdr-D-b}, which sorts before {@code charges-D}. */
    public String orderKey() {
        return fileName.substring(0, fileName.length() - EXTENSION.length());
    }

    /** The file's kind and date, or empty when the name is unrecognized. */
    public static Optional<InputFileName> parse(String name) {
        if (name.equals(ACCOUNTS)) {
            return Optional.of(new InputFileName(name, FileKind.ACCOUNTS, null));
        }
        for (FileKind kind : FileKind.values()) {
            String prefix = kind.label() + "-";
            if (kind != FileKind.ACCOUNTS && name.startsWith(prefix)) {
                return datedName(name, kind, prefix.length());
            }
        }
        return Optional.empty();
    }

    private static Optional<InputFileName> datedName(String name, FileKind kind, int dateStart) {
        if (!name.endsWith(EXTENSION)) {
            return Optional.empty();
        }
        int dateEnd = dateStart + DATE_LENGTH;
        int stemEnd = name.length() - EXTENSION.length();
        boolean bareDate = dateEnd == stemEnd;
        boolean dashSuffix = stemEnd > dateEnd + 1 && name.charAt(dateEnd) == '-';
        if (!bareDate && !dashSuffix) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InputFileName(name, kind, LocalDate.parse(name.substring(dateStart, dateEnd), DATE)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
