package com.billingrecon.totals;

import java.time.LocalDate;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Adds a business day's CDRs, charges and payments to the running totals. */
public class DayTotalsTasklet implements Tasklet {

    private final RunningTotals totals;
    private final LocalDate day;

    public DayTotalsTasklet(RunningTotals totals, LocalDate day) {
        this.totals = totals;
        this.day = day;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        totals.addDay(day);
        return RepeatStatus.FINISHED;
    }
}
