package com.billingrecon.totals;

import com.billingrecon.job.DayParameters;
import java.time.LocalDate;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Adds the day's rows to the running totals in one transaction, once they are all taken in. Per chunk,
 * the totals would be rewritten for nearly every account in each chunk; per day, each once. The day is
 * added exactly once, even when a restart runs the step again ({@link RunningTotals#addDay}).
 */
@Configuration
public class DayTotalsStepConfiguration {

    @Bean
    public Step dayTotals(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          DayTotalsTasklet dayTotalsTasklet) {
        return new StepBuilder("dayTotals", jobRepository).tasklet(dayTotalsTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public DayTotalsTasklet dayTotalsTasklet(
            @Value(DayParameters.BUSINESS_DATE_VALUE) LocalDate day, RunningTotals totals) {
        return new DayTotalsTasklet(totals, day);
    }
}
