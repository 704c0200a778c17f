package com.billingrecon.cli;

import com.billingrecon.job.ExitCode;
import com.billingrecon.job.RunRequest;
import com.billingrecon.job.UsageException;
import com.billingrecon.nightly.NightlyRun;
import com.billingrecon.rerun.RerunRun;
import com.billingrecon.rerun.RerunStore;
import org.springframework.stereotype.Component;

/** Sends a request to the run that serves its command. */
@Component
public class RunDispatcher {

    private final NightlyRun nightlyRun;
    private final RerunRun rerunRun;
    private final RerunStore reruns;

    public RunDispatcher(NightlyRun nightlyRun, RerunRun rerunRun, RerunStore reruns) {
        this.nightlyRun = nightlyRun;
        this.rerunRun = rerunRun;
        this.reruns = reruns;
    }

    public ExitCode run(RunRequest request) {
        if (request.command() == RunRequest.Command.NIGHTLY) {
            reruns.unfinished().ifPresent(rerun -> {
                throw new UsageException("the rerun of " + rerun.period() + " is unfinished; run rerun --period="
                        + rerun.period() + " to finish it before the next nightly run");
            });
        }
        return switch (request.command()) {
            case NIGHTLY -> nightlyRun.run(request);
            case RERUN -> rerunRun.run(request);
        };
    }
}
