package com.billingrecon.cli;

import com.billingrecon.job.ExitCode;
import com.billingrecon.job.RunRequest;
import com.billingrecon.job.UsageException;
import com.billingrecon.nightly.NightlyCommand;
import com.billingrecon.rerun.RerunCommand;
import com.billingrecon.archive.ArchiveCommand;
import com.billingrecon.documents.DocumentWriter;
import com.billingrecon.documents.Itemiser;
import com.billingrecon.domain.InputFileName;
import com.billingrecon.ingest.InvoicedCurrencies;
import com.billingrecon.rerun.RerunStore;
import com.billingrecon.worker.WorkerCommand;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import com.billingrecon.verify.VerifyRun;
import org.springframework.stereotype.Component;

/** Sends a request to the run that serves its command. */
@Component
public class RunDispatcher {

    private final NightlyCommand nightlyCommand;
    private final RerunCommand rerunCommand;
    private final RerunStore reruns;
    private final DocumentWriter documents;
    private final Itemiser itemiser;
    private final VerifyRun verifyRun;
    private final ArchiveCommand archiveCommand;
    private final WorkerCommand workerCommand;

    public RunDispatcher(NightlyCommand nightlyCommand, RerunCommand rerunCommand, RerunStore reruns,
                         DocumentWriter documents, Itemiser itemiser, VerifyRun verifyRun,
                         ArchiveCommand archiveCommand, WorkerCommand workerCommand) {
        this.workerCommand = workerCommand;
        this.archiveCommand = archiveCommand;
        this.documents = documents;
        this.itemiser = itemiser;
        this.nightlyCommand = nightlyCommand;
        this.rerunCommand = rerunCommand;
        this.reruns = reruns;
        this.verifyRun = verifyRun;
    }

    private ExitCode worker(RunRequest request) {
        try {
            return workerCommand.run(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILED;
        } catch (SQLException e) {
            throw new IllegalStateException("the worker lost its database: " + e.getMessage(), e);
        }
    }

    public ExitCode run(RunRequest request) {
        if (request.command() == RunRequest.Command.ITEMISE) {
            return itemiser.itemise(request.invoiceNo(), System.out).map(items -> ExitCode.DONE).orElseThrow(
                    () -> new UsageException("invoice " + request.invoiceNo() + " is not in the invoice register"));
        }
        if (request.command() == RunRequest.Command.WORKER) {
            return worker(request);
        }
        List<String> problems = documents.configurationProblems(documents.enabled() && request.inputDir() != null
                ? InvoicedCurrencies.of(request.inputDir().resolve(InputFileName.ACCOUNTS)) : Set.of());
        if (!problems.isEmpty()) {
            throw new UsageException("documents are asked for but their configuration is incomplete: "
                    + String.join("; ", problems) + " (give them in a file with --config)");
        }
        if (request.command() == RunRequest.Command.NIGHTLY || request.command() == RunRequest.Command.ARCHIVE) {
            reruns.unfinished().ifPresent(rerun -> {
                throw new UsageException("the rerun of " + rerun.period() + " is unfinished; run rerun --period="
                        + rerun.period() + " to finish it before the next " + request.command().name().toLowerCase()
                        + " run");
            });
        }
        return switch (request.command()) {
            case NIGHTLY -> nightlyCommand.run(request);
            case RERUN -> rerunCommand.run(request);
            case ITEMISE -> throw new IllegalStateException("itemise is answered above");
            case VERIFY -> verifyRun.run();
            case ARCHIVE -> archiveCommand.archive(request.period(), request.outputDir());
            case RESTORE -> archiveCommand.restore(request.period(), request.outputDir());
            case WORKER -> worker(request);
        };
    }
}
