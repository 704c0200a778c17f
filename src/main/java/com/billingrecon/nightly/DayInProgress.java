package com.billingrecon.nightly;

import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/** The execution of the business day being closed right now, so that a stop request can reach it. */
@Component
public class DayInProgress implements JobExecutionListener {

    private volatile JobExecution current;

    @Override
    public void beforeJob(JobExecution jobExecution) {
        current = jobExecution;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        current = null;
    }

    public Optional<JobExecution> execution() {
        return Optional.ofNullable(current);
    }
}
