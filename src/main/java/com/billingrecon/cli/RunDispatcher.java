package com.billingrecon.cli;

import com.billingrecon.documents.DocumentWriter;
import com.billingrecon.documents.Itemiser;
import com.billingrecon.nightly.NightlyRun;
import java.util.List;
import com.billingrecon.rerun.RerunRun;
import com.billingrecon.rerun.RerunStore;
import org.springframework.stereotype.Component;

/** Sends a request to the run that serves its command. */
@Component
public class RunDispatcher {

    private final NightlyRun nightlyRun;
    private final RerunRun rerunRun;
    private final RerunStore reruns;
    private final DocumentWriter documents;
    private final Itemiser itemiser;

    public RunDispatcher(NightlyRun nightlyRun, RerunRun rerunRun, RerunStore reruns, DocumentWriter documents,
                         Itemiser itemiser) {
        this.documents = documents;
        this.itemiser = itemiser;
        this.nightlyRun = nightlyRun;
        this.rerunRun = rerunRun;
        this.reruns = reruns;
    }

    public ExitCode run(RunRequest request) {
        if (request.command() == RunRequest.Command.ITEMISE) {
            return itemiser.itemise(request.invoiceNo(), System.out).map(items -> ExitCode.DONE).orElseThrow(
                    () -> new UsageException("invoice " + request.invoiceNo() + " is not in the invoice register"));
        }
        List<String> problems = documents.configurationProblems();
        if (!problems.isEmpty()) {
            throw new UsageException("documents are asked for but their configuration is incomplete: "
                    + String.join("; ", problems) + " (give the supplier in a file with --config)");
        }
        if (request.command() == RunRequest.Command.NIGHTLY) {
            reruns.unfinished().ifPresent(rerun -> {
                throw new UsageException("the rerun of " + rerun.period() + " is unfinished; run rerun --period="
                        + rerun.period() + " to finish it before the next nightly run");
            });
        }
        return switch (request.command()) {
            case NIGHTLY -> nightlyRun.run(request);
            case RERUN -> rerunRun.run(request);
            case ITEMISE -> throw new IllegalStateException("itemise is answered above");
        };
    }
}
