package com.billingrecon.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * More files of a day's folder, written by another feature after the files of SPEC §7 (which it may read
 * back), into the folder that is renamed into place with them. Like those, a pure function of the ledger
 * at the end of the day.
 */
public interface DayFolderPart {

    /** Writes the part's files into {@code dir}; returns the rows written, for the log line. */
    int writeInto(Path dir, LocalDate day) throws IOException;
}
