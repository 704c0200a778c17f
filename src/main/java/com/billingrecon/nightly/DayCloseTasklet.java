package com.billingrecon.nightly;

import com.billingrecon.ingest.InputFileStore;
import com.billingrecon.job.BusinessDays;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The job's last step closes the business day, so a day counts as closed only once every step before it,
 * the reports included, has completed. A day replayed by a rerun was closed by its nightly run already; it
 * keeps the accounts it was replayed with.
 */
public class DayCloseTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DayCloseTasklet.class);

    private final BusinessDays businessDays;
    private final InputFileStore files;
    private final LocalDate day;
    private final boolean replay;

    public DayCloseTasklet(BusinessDays businessDays, InputFileStore files, LocalDate day, boolean replay) {
        this.businessDays = businessDays;
        this.files = files;
        this.day = day;
        this.replay = replay;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String accounts = files.accountsSha256().orElse(null);
        if (replay) {
            businessDays.replayed(day, accounts);
        } else {
            businessDays.close(day, accounts);
            log.info("{} closed", day);
        }
        return RepeatStatus.FINISHED;
    }
}
