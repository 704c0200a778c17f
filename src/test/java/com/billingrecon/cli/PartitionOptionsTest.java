package com.billingrecon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.billingrecon.job.Partitioning;
import com.billingrecon.job.RunRequest;
import com.billingrecon.job.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nightly's --partitions and what goes with it, and the worker command's options. */
class PartitionOptionsTest {

    private static RunRequest nightly(String... more) {
        List<String> args = new ArrayList<>(List.of("nightly", "--run-date=2026-10-01", "--input-dir=in",
                "--output-dir=out"));
        args.addAll(List.of(more));
        return CommandLineParser.parse(args);
    }

    @Test
    void withoutPartitionsTheCdrsAreTakenInAsOneStep() {
        assertThat(nightly().partitioning()).isNull();
    }

    @Test
    void onTheEmbeddedDatabaseTheBucketsGoToTheDataFolderAndTheCommandRunsItsOwnWorkers() {
        Partitioning p = nightly("--partitions=7", "--data-dir=db").partitioning();

        assertThat(p.partitions()).isEqualTo(7);
        assertThat(p.workDir()).isEqualTo(Path.of("db"));
        assertThat(p.localWorkers()).isEqualTo(Math.min(7, Runtime.getRuntime().availableProcessors()));
        assertThat(p.timeout()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void onAnExternalDatabaseTheWorkFolderIsRequiredAndNoLocalWorkerRunsUnlessAskedFor() {
        assertThatThrownBy(() -> nightly("--partitions=2", "--db-url=jdbc:postgresql://db/billing"))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs --work-dir");

        Partitioning p = nightly("--partitions=2", "--db-url=jdbc:postgresql://db/billing", "--work-dir=/shared",
                "--partition-timeout=90s").partitioning();

        assertThat(p.localWorkers()).isZero();
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void badPartitionOptionsAreUsageErrors() {
        assertThatThrownBy(() -> nightly("--partitions=0")).isInstanceOf(UsageException.class)
                .hasMessageContaining("from 1 to 1024");
        assertThatThrownBy(() -> nightly("--partitions=2", "--partition-timeout=soon"))
                .isInstanceOf(UsageException.class).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> nightly("--local-workers=2")).isInstanceOf(UsageException.class)
                .hasMessageContaining("goes with --partitions");
        assertThatThrownBy(() -> nightly("--partitions=2", "--local-workers=0")).isInstanceOf(UsageException.class)
                .hasMessageContaining("needs --db-url");
        assertThatThrownBy(() -> CommandLineParser.parse(List.of("rerun", "--period=2026-10", "--input-dir=in",
                "--output-dir=out", "--partitions=2"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--partitions is for nightly");
    }

    @Test
    void aWorkerNeedsTheManagersExternalDatabaseAndTakesAnIdleTimeout() {
        RunRequest worker = CommandLineParser.parse(List.of("worker", "--db-url=jdbc:postgresql://db/billing",
                "--idle-timeout=10m"));

        assertThat(worker.command()).isEqualTo(RunRequest.Command.WORKER);
        assertThat(worker.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> CommandLineParser.parse(List.of("worker"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("--db-url is required");
        assertThatThrownBy(() -> CommandLineParser.parse(List.of("worker", "--db-url=x", "--partitions=2")))
                .isInstanceOf(UsageException.class).hasMessageContaining("not for worker");
    }
}
