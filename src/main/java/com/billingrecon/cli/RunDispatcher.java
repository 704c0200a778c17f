package com.billingrecon.cli;

import com.billingrecon.job.ExitCode;
import com.billingrecon.job.RunRequest;
import com.billingrecon.job.UsageException;
import com.billingrecon.nightly.NightlyCommand;
import com.billingrecon.rerun.RerunCommand;
import com.billingrecon.rerun.RerunStore;
import org.springframework.stereotype.Component;

/** Sends a request to the run that serves its command. */
@Component
public class RunDispatcher {

    private final NightlyCommand nightlyCommand;
    private final RerunCommand rerunCommand;
    private final RerunStore reruns;

    public RunDispatcher(NightlyCommand nightlyCommand, RerunCommand rerunCommand, RerunStore reruns) {
        this.nightlyCommand = nightlyCommand;
        this.rerunCommand = rerunCommand;
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
            case NIGHTLY -> nightlyCommand.run(request);
            case RERUN -> rerunCommand.run(request);
        };
    }
}
