package com.billingrecon.nightly;

import com.billingrecon.ingest.InputFileStore;
import com.billingrecon.job.BusinessDays;
import com.billingrecon.job.DayParameters;
import java.time.LocalDate;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job closes one business day: read the day's files (the CDRs in one step, or as partitions:
 * {@code ingest.partition.CdrPartitionConfiguration}), add them to the running totals, issue the
 * day's invoices, apply the day's payments, write the day's reports, then record the day as closed. A run
 * covering several days runs one instance per day.
 */
@Configuration
public class NightlyJobConfiguration {

    @Bean
    public Job nightlyCloseJob(JobRepository jobRepository,
                               Step accountsLoad,
                               Step filePreparation,
                               Flow cdrIngestionFlow,
                               Step chargeIngestion,
                               Step paymentIngestion,
                               Step dayTotals,
                               Step invoicing,
                               Step settlement,
                               Step reportGeneration,
                               Step dayClose,
                               DayInProgress dayInProgress) {
        return new JobBuilder(DayParameters.JOB_NAME, jobRepository)
                .listener(dayInProgress)
                .flow(accountsLoad)
                .next(filePreparation)
                .next(cdrIngestionFlow)
                .next(chargeIngestion)
                .next(paymentIngestion)
                .next(dayTotals)
                .next(invoicing)
                .next(settlement)
                .next(reportGeneration)
                .next(dayClose)
                .end()
                .build();
    }

    @Bean
    public Step dayClose(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         DayCloseTasklet dayCloseTasklet) {
        return new StepBuilder("dayClose", jobRepository).tasklet(dayCloseTasklet, transactionManager).build();
    }

    @Bean
    @StepScope
    public DayCloseTasklet dayCloseTasklet(@Value(DayParameters.BUSINESS_DATE_VALUE) LocalDate day,
                                           @Value(DayParameters.RERUN_ID_VALUE) Long rerunId,
                                           BusinessDays businessDays, InputFileStore files) {
        return new DayCloseTasklet(businessDays, files, day, rerunId != null);
    }
}
