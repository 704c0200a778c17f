package com.billingrecon.nightly;

import com.billingrecon.ingest.InputDirectory;
import com.billingrecon.ingest.partition.PartitionWorker;
import com.billingrecon.job.BillingSettings;
import com.billingrecon.job.BusinessDays;
import com.billingrecon.job.ExitCode;
import com.billingrecon.job.Partitioning;
import com.billingrecon.job.RunRequest;
import com.billingrecon.job.UsageException;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.stereotype.Component;

/**
 * The nightly command: closes every business day after the last run date up to the run date, one
 * day after the other, so that a catch-up writes the same folders as day-by-day runs.
 */
@Component
public class NightlyCommand {

    private static final Logger log = LoggerFactory.getLogger(NightlyCommand.class);

    private final BusinessDays businessDays;
    private final BillingSettings settings;
    private final DayLauncher dayLauncher;
    private final RunSummary runSummary;
    private final PartitionWorker partitionWorker;

    public NightlyCommand(BusinessDays businessDays, BillingSettings settings, DayLauncher dayLauncher,
                          RunSummary runSummary, PartitionWorker partitionWorker) {
        this.partitionWorker = partitionWorker;
        this.businessDays = businessDays;
        this.settings = settings;
        this.dayLauncher = dayLauncher;
        this.runSummary = runSummary;
    }

    public ExitCode run(RunRequest request) {
        settings.requireZone(request.billingZone());
        LocalDate runDate = request.runDate();
        Optional<LocalDate> lastRunDate = businessDays.lastRunDate();
        if (lastRunDate.isPresent() && !runDate.isAfter(lastRunDate.get())) {
            if (businessDays.isClosed(runDate)) {
                log.info("Business day {} was already closed; its reports stay as they are. Nothing to do.", runDate);
                return ExitCode.DONE;
            }
            throw new UsageException("run date " + runDate + " is before the last run date " + lastRunDate.get());
        }
        LocalDate first = lastRunDate.map(day -> day.plusDays(1))
                .orElseGet(() -> new InputDirectory(request.inputDir()).earliestDate(runDate).orElse(runDate));
        settings.fixZone(request.billingZone());
        Partitioning partitioning = request.partitioning();
        try (PartitionWorker.Threads workers = partitionWorker.startThreads(
                partitioning == null ? 0 : partitioning.localWorkers())) {
            for (LocalDate day = first; !day.isAfter(runDate); day = day.plusDays(1)) {
                BatchStatus status = closeDay(request, day, lastRunDate.orElse(null));
                if (status != BatchStatus.COMPLETED) {
                    log.error("Business day {} ended {}; days before it are closed. Run the same command again to "
                            + "resume.", day, status);
                    return ExitCode.FAILED;
                }
            }
        }
        return runSummary.report(first, runDate);
    }

    private BatchStatus closeDay(RunRequest request, LocalDate day, LocalDate previousRunDate) {
        try {
            return dayLauncher.closeDay(day, request.runDate(), previousRunDate, request.inputDir(),
                    request.outputDir(), request.billingZone(), request.partitioning());
        } catch (Exception e) {
            throw DayFailedException.of(day, e);
        }
    }
}
