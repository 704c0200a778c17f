package com.billingrecon.worker;

import com.billingrecon.db.Migrations;
import com.billingrecon.db.RunLock;
import com.billingrecon.ingest.partition.PartitionWorker;
import com.billingrecon.job.ExitCode;
import com.billingrecon.job.Partitioning;
import com.billingrecon.job.RunRequest;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The worker command: takes partitions of the nightly run on the same database until that run is over, then
 * exits 0. A run is on while a command holds the database's one-run lock; a worker that finds none waits for one
 * up to its idle timeout, and exits 0 if none came. It runs one partition at a time; start more workers for more.
 */
@Component
public class WorkerCommand {

    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    private final PartitionWorker worker;
    private final DataSource dataSource;
    private final Duration poll;
    private volatile boolean stopRequested;

    public WorkerCommand(PartitionWorker worker, DataSource dataSource,
                         @Value("${" + Partitioning.POLL_INTERVAL_SETTING + ":500ms}") Duration poll) {
        this.worker = worker;
        this.dataSource = dataSource;
        this.poll = poll;
    }

    /** SIGTERM: no further partition is taken; the one running ends first. */
    public void requestStop() {
        stopRequested = true;
    }

    public ExitCode run(RunRequest request) throws SQLException, InterruptedException {
        Duration idleTimeout = request.idleTimeout();
        long idleSince = System.nanoTime();
        boolean sawRun = false;
        boolean schemaReady = false;
        int partitions = 0;
        while (!stopRequested) {
            schemaReady = schemaReady || Migrations.isCurrent(dataSource);
            PartitionWorker.Taken taken = schemaReady ? worker.takeOne() : PartitionWorker.Taken.NOTHING;
            if (taken == PartitionWorker.Taken.RAN) {
                partitions++;
            }
            if (taken != PartitionWorker.Taken.NOTHING) {
                idleSince = System.nanoTime();
                continue;
            }
            if (RunLock.isHeld(dataSource)) {
                sawRun = true;
                idleSince = System.nanoTime();
            } else if (sawRun || partitions > 0) {
                log.info("The run is over; this worker ran {} partitions", partitions);
                return ExitCode.DONE;
            } else if (System.nanoTime() - idleSince > idleTimeout.toNanos()) {
                log.info("No run came within {}; nothing done", idleTimeout);
                return ExitCode.DONE;
            }
            Thread.sleep(poll.toMillis());
        }
        log.info("Stopped; this worker ran {} partitions", partitions);
        return ExitCode.DONE;
    }
}
