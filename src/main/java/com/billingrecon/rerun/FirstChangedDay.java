package com.billingrecon.rerun;

import com.billingrecon.domain.InputFileName;
import com.billingrecon.ingest.InputDirectory;
import com.billingrecon.ingest.InputFileStore;
import com.billingrecon.ingest.ProcessedFiles;
import com.billingrecon.ingest.csv.FileInspection;
import com.billingrecon.job.BusinessDays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The first day of a rerun's days whose input is not what the ledger was built from: a file of that day is new
 * (held or never seen), changed since it was processed, or processed and now missing; or the day was closed with
 * other accounts than the current accounts.csv (which applies to every day a run covers). Every day before it
 * was computed from exactly the input a replay would read, so its ledger is what the replay would make: the
 * rerun replays from that day on, not from the start of the period.
 */
@Component
public class FirstChangedDay {

    private final InputFileStore files;
    private final BusinessDays businessDays;

    public FirstChangedDay(InputFileStore files, BusinessDays businessDays) {
        this.files = files;
        this.businessDays = businessDays;
    }

    /** The first day of {@code from..to} to replay, or empty when every one of them has the input it had. */
    public Optional<LocalDate> in(InputDirectory input, LocalDate from, LocalDate to) {
        ProcessedFiles processed = new ProcessedFiles(input, files);
        Optional<LocalDate> newOrChanged = input.recognized().stream()
                .filter(file -> !file.businessDate().isBefore(from) && !file.businessDate().isAfter(to))
                .filter(file -> processed.whyNotAsProcessed(file).isPresent())
                .map(InputFileName::businessDate).findFirst();
        Optional<LocalDate> missing = missing(input, from, to).stream()
                .map(InputFileStore.Processed::businessDate).findFirst();
        Optional<LocalDate> otherAccounts = businessDays.firstClosedWithOtherAccounts(from, to, accountsSha256(input));
        return Stream.of(newOrChanged, missing, otherAccounts).flatMap(Optional::stream).min(LocalDate::compareTo);
    }

    /** Whether a day of {@code from..to} was closed with other accounts than the current accounts.csv. */
    public boolean otherAccounts(InputDirectory input, LocalDate from, LocalDate to) {
        return businessDays.firstClosedWithOtherAccounts(from, to, accountsSha256(input)).isPresent();
    }

    /** The files of {@code from..to} the ledger holds as processed that are no longer in the input folder. */
    public List<InputFileStore.Processed> missing(InputDirectory input, LocalDate from, LocalDate to) {
        return files.processedBetween(from, to).stream()
                .filter(file -> !Files.isRegularFile(input.resolve(file.fileName()))).toList();
    }

    private static String accountsSha256(InputDirectory input) {
        try {
            return FileInspection.sha256(input.resolve(InputFileName.ACCOUNTS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + InputFileName.ACCOUNTS, e);
        }
    }
}
