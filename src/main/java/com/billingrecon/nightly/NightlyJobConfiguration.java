package com.billingrecon.nightly;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly job closes one business day: read the day's files, add them to the running totals, issue the day's invoices, apply the
 * day's payments, write the day's reports. A run covering several days runs one instance per day.
 */
@Configuration
public class NightlyJobConfiguration {

    @Bean
    public Job nightlyCloseJob(JobRepository jobRepository,
                               Step accountsLoad,
                               Step filePreparation,
                               Step cdrIngestion,
                               Step chargeIngestion,
                               Step paymentIngestion,
                               Step dayTotals,
                               Step invoicing,
                               Step settlement,
                               Step reportGeneration,
                               RunningDay runningDay) {
        return new JobBuilder(NightlyParameters.JOB_NAME, jobRepository)
                .listener(runningDay)
                .start(accountsLoad)
                .next(filePreparation)
                .next(cdrIngestion)
                .next(chargeIngestion)
                .next(paymentIngestion)
                .next(dayTotals)
                .next(invoicing)
                .next(settlement)
                .next(reportGeneration)
                .build();
    }
}
