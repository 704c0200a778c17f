package com.billingrecon.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * More files of a day's folder, written by another feature into the folder before it is renamed into place
 * (documents). Returns how many it wrote, for the log line.
 */
public interface DayFolderPart {

    int writeInto(Path dir, LocalDate day) throws IOException;
}
