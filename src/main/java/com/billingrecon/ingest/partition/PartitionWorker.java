package com.billingrecon.ingest.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.messaging.Message;

/**
 * Takes requests to run a partition from the channel and runs them, one at a time, until told to stop. The poll
 * is not transactional (a transactional poll would make the whole partition one transaction): a taken request is
 * gone, and a worker that dies leaves its partition's execution STARTED for the manager's timeout to find.
 */
public final class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final PartitionRequests requests;
    private final JobRepository jobRepository;
    private final Step partitionStep;
    private final Duration pollInterval;

    public PartitionWorker(PartitionRequests requests, JobRepository jobRepository, Step partitionStep,
                           Duration pollInterval) {
        this.requests = requests;
        this.jobRepository = jobRepository;
        this.partitionStep = partitionStep;
        this.pollInterval = pollInterval;
    }

    /** What {@link #takeOne()} found. */
    public enum Taken { NOTHING, RAN, DROPPED }

    /** Takes one request if there is one and runs it if its partition is waiting for a worker. */
    public Taken takeOne() {
        Message<?> message = requests.channel().receive(0);
        if (message == null) {
            return Taken.NOTHING;
        }
        if (message.getPayload() instanceof StepExecutionRequest request) {
            return run(request) ? Taken.RAN : Taken.DROPPED;
        }
        log.warn("Ignored a message that is not a partition request: {}", message.getPayload().getClass());
        return Taken.DROPPED;
    }

    /** Runs requests until {@code stop} holds, polling the channel when it is empty. */
    public void runUntil(BooleanSupplier stop) {
        while (!stop.getAsBoolean()) {
            if (takeOne() == Taken.NOTHING) {
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Worker threads of this process, each taking requests, until closed. */
    public Threads startThreads(int count) {
        return new Threads(count);
    }

    public final class Threads implements AutoCloseable {

        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();

        private Threads(int count) {
            for (int i = 0; i < count; i++) {
                Thread thread = new Thread(() -> runUntil(stop::get), "partition-worker-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }

        /** Waits for the partition each thread may be running: it ends on its own, committed or failed. */
        @Override
        public void close() {
            stop.set(true);
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Only an execution still STARTING is run: a request of an earlier attempt, or one whose partition another
     * worker already started, is dropped.
     */
    private boolean run(StepExecutionRequest request) {
        StepExecution execution = jobRepository.getStepExecution(request.getStepExecutionId());
        if (execution == null || execution.getStatus() != BatchStatus.STARTING) {
            log.info("Partition request for execution {} dropped: it is {}", request.getStepExecutionId(),
                    execution == null ? "unknown" : execution.getStatus());
            return false;
        }
        if (!partitionStep.getName().equals(request.getStepName())) {
            log.warn("Partition request for step {} dropped: this worker runs {}", request.getStepName(),
                    partitionStep.getName());
            return false;
        }
        log.info("Running {} (execution {})", execution.getStepName(), execution.getId());
        try {
            partitionStep.execute(execution);
        } catch (Exception e) {
            // the step saves its own failure; this is one it could not save
            log.error("Partition {} failed: {}", execution.getStepName(), e.toString(), e);
            execution.addFailureException(e);
            execution.setStatus(BatchStatus.FAILED);
            jobRepository.update(execution);
        }
        return true;
    }
}
