package com.billingrecon.report;

import com.billingrecon.nightly.BusinessDays;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the day's folder {@code nightly-YYYY-MM-DD/} and closes the business day. Written again after
 * a crash, the folder comes out the same, since every figure is read from the ledger as of that day.
 * A day replayed by a rerun writes nothing: nightly folders already written are history.
 */
public class ReportGenerationTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportGenerationTasklet.class);

    private final Reports reports;
    private final BusinessDays businessDays;
    private final Path outputDir;
    private final LocalDate day;
    private final boolean replay;
    private final List<DayFolderPart> parts;

    public ReportGenerationTasklet(Reports reports, BusinessDays businessDays, Path outputDir, LocalDate day,
                                   boolean replay, List<DayFolderPart> parts) {
        this.parts = parts;
        this.reports = reports;
        this.businessDays = businessDays;
        this.outputDir = outputDir;
        this.day = day;
        this.replay = replay;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        if (replay) {
            return RepeatStatus.FINISHED;
        }
        Reports.Counts counts = new Reports.Counts();
        Path folder = ReportFolder.publish(outputDir, "nightly-" + day, dir -> {
            counts.add(reports.writeBalances(dir, day));
            counts.add(reports.writeInvoices(dir));
            counts.add(reports.writeRejects(dir, day));
            reports.writeReconciliation(dir, day);
            for (DayFolderPart part : parts) {
                counts.add(part.writeInto(dir, day));
            }
        });
        businessDays.close(day);
        contribution.incrementWriteCount(counts.total());
        log.info("{} reports: {} rows -> {}", day, counts.total(), folder);
        return RepeatStatus.FINISHED;
    }
}
