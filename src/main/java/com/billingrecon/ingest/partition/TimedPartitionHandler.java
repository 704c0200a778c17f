package com.billingrecon.ingest.partition;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeoutException;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.integration.core.MessagingTemplate;

/**
 * The manager's side of the partitioned step: the requests go through the JDBC channel and the manager polls the
 * job repository for the partitions' ends, with a finite timeout. No replies are aggregated (they would be lost
 * with a manager that restarts), and a worker that died cannot make the manager wait for ever: when the timeout
 * passes, the step fails with a line saying what to do, and the same command resumes the unfinished partitions.
 */
public class TimedPartitionHandler implements PartitionHandler {

    private final PartitionRequests requests;
    private final MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
    private final Duration timeout;

    public TimedPartitionHandler(PartitionRequests requests, JobRepository jobRepository, String stepName,
                                 int partitions, Duration pollInterval, Duration timeout) {
        this.requests = requests;
        this.timeout = timeout;
        handler.setStepName(stepName);
        handler.setGridSize(partitions);
        handler.setJobRepository(jobRepository);
        handler.setPollInterval(pollInterval.toMillis());
        handler.setTimeout(timeout.toMillis());
        handler.setMessagingOperations(new MessagingTemplate(requests.channel()));
        try {
            handler.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStepExecution)
            throws Exception {
        requests.purge();
        try {
            return handler.handle(splitter, managerStepExecution);
        } catch (TimeoutException e) {
            throw new PartitionsTimedOutException("the day's CDR partitions did not all end within " + timeout
                    + " (a worker stopped, or none is running: start workers with worker --db-url=...); "
                    + "run the same command again to resume the unfinished partitions");
        }
    }

    /** The manager waited its whole timeout. */
    public static final class PartitionsTimedOutException extends Exception {
        PartitionsTimedOutException(String message) {
            super(message);
        }
    }
}
