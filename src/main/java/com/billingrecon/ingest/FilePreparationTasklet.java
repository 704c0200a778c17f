package com.billingrecon.ingest;

import com.billingrecon.domain.InputFileName;
import com.billingrecon.domain.Periods;
import com.billingrecon.ingest.csv.FileInspection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Registers the day's files before a row is read: each dated file of the day is inspected whole
 * (SHA-256, UTF-8, header) and either taken in or rejected whole (so is a name that is not a readable
 * regular file, which is never opened), but for the files a rerun keeps as they were; names the job does not know, and
 * files it must hold, are listed for the day's reconciliation report.
 */
public class FilePreparationTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(FilePreparationTasklet.class);

    private final InputDirectory input;
    private final InputFileStore store;
    private final LocalDate businessDate;
    private final LocalDate runDate;
    private final LocalDate previousRunDate;

    public FilePreparationTasklet(InputDirectory input, InputFileStore store, LocalDate businessDate,
                                  LocalDate runDate, LocalDate previousRunDate) {
        this.input = input;
        this.store = store;
        this.businessDate = businessDate;
        this.runDate = runDate;
        this.previousRunDate = previousRunDate;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<InputFileName> recognized = input.recognized();
        int taken = 0;
        int rejected = 0;
        Set<String> kept = store.keptOn(businessDate); // by the rerun replaying the day: registered as they were
        for (InputFileName file : recognized) {
            if (file.businessDate().equals(businessDate) && !kept.contains(file.fileName())) {
                Optional<String> notReadable = input.whyNotReadable(file.fileName());
                String stamp = notReadable.isPresent() ? null : FileStamp.of(input.resolve(file.fileName()));
                FileInspection inspection = notReadable.map(why -> new FileInspection(null, null, why))
                        .orElseGet(() -> inspect(file));
                store.register(file.fileName(), file.kind(), file.businessDate(), file.orderKey(),
                        inspection.sha256(), stamp, inspection.rejection());
                if (inspection.rejection() == null) {
                    taken++;
                } else {
                    rejected++;
                    log.warn("{} rejected whole: {}", file.fileName(), inspection.rejection());
                }
            }
        }
        List<InputFileStore.ListingRow> listing = new ArrayList<>();
        if (businessDate.equals(runDate) && previousRunDate != null) {
            listing.addAll(held(recognized));
        }
        input.unrecognized().forEach(name -> listing.add(new InputFileStore.ListingRow(name, "UNRECOGNIZED", null)));
        store.replaceListing(businessDate, listing);
        log.info("{} filePreparation: {} files taken in, {} rejected whole, {} other names listed", businessDate, taken,
                rejected,
                listing.size());
        return RepeatStatus.FINISHED;
    }

    /** Files dated on or before the last run date that are new or changed: their day was already reported. */
    private List<InputFileStore.ListingRow> held(List<InputFileName> recognized) {
        ProcessedFiles processed = new ProcessedFiles(input, store);
        List<InputFileStore.ListingRow> held = new ArrayList<>();
        for (InputFileName file : recognized) {
            if (file.businessDate().isAfter(previousRunDate)) {
                continue;
            }
            processed.whyNotAsProcessed(file).ifPresent(why -> held.add(new InputFileStore.ListingRow(file.fileName(),
                    "HELD", why + "; run: rerun --period=" + Periods.belongingPeriod(file.businessDate()))));
        }
        return held;
    }

    private FileInspection inspect(InputFileName file) {
        try {
            return FileInspection.inspect(input.resolve(file.fileName()), file.kind());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.fileName(), e);
        }
    }
}
