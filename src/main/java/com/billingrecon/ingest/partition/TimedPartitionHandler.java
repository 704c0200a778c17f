package com.billingrecon.ingest.partition;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.integration.core.MessagingTemplate;

/**
 * The manager's side of the partitioned step: the requests go through the JDBC channel and the manager polls the
 * job repository for the partitions' ends, with a finite timeout. No replies are aggregated (they would be lost
 * with a manager that restarts), and a worker that died cannot make the manager wait for ever: when the timeout
 * passes, the step fails with a line saying what to do, and the same command resumes the unfinished partitions.
 */
public class TimedPartitionHandler implements PartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(TimedPartitionHandler.class);

    private final PartitionRequests requests;
    private final JobRepository jobRepository;
    private final String stepName;
    private final MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
    private final Duration timeout;

    public TimedPartitionHandler(PartitionRequests requests, JobRepository jobRepository, String stepName,
                                 int partitions, Duration pollInterval, Duration timeout) {
        this.requests = requests;
        this.jobRepository = jobRepository;
        this.stepName = stepName;
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
            abandonUnfinished(managerStepExecution);
            throw new PartitionsTimedOutException("the day's CDR partitions did not all end within " + timeout
                    + ": a worker stopped, or none is running (start workers with worker --db-url=...); the "
                    + "partitions that ended are kept");
        }
    }

    /**
     * The partitions not yet ended are failed and their requests deleted, so that no worker starts one after the
     * manager gave up; a worker still running one finds its execution's version changed and cannot commit again.
     * The same command restarts them from their last committed chunk.
     */
    private void abandonUnfinished(StepExecution managerStepExecution) {
        requests.purge();
        JobExecution job = jobRepository.getJobExecution(managerStepExecution.getJobExecutionId());
        for (StepExecution listed : job.getStepExecutions()) {
            if (listed.getStepName().startsWith(stepName + ":")) {
                fail(listed.getId());
            }
        }
    }

    /** Read afresh, with its current version, each time: its worker may commit a chunk meanwhile. */
    private void fail(long partitionId) {
        for (int attempt = 1; ; attempt++) {
            StepExecution partition = jobRepository.getStepExecution(partitionId);
            if (partition == null || !partition.getStatus().isRunning()) {
                return;
            }
            log.warn("Partition {} did not end within {} (it was {}); failing it", partition.getStepName(),
                    timeout, partition.getStatus());
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription("not ended within " + timeout));
            partition.setEndTime(LocalDateTime.now());
            try {
                jobRepository.update(partition);
                return;
            } catch (OptimisticLockingFailureException committedMeanwhile) {
                if (attempt == 5) {
                    // the resumed day fails it before it restarts it
                    log.warn("Partition {} could not be failed now: {}", partition.getStepName(),
                            committedMeanwhile.getMessage());
                    return;
                }
            }
        }
    }

    /** The manager waited its whole timeout. */
    public static final class PartitionsTimedOutException extends Exception {
        PartitionsTimedOutException(String message) {
            super(message);
        }
    }
}
