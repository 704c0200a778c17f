package com.billingrecon.cli;

import com.billingrecon.nightly.NightlyRun;
import com.billingrecon.rerun.RerunRun;
import com.billingrecon.rerun.RerunStore;
import com.billingrecon.verify.VerifyRun;
import org.springframework.stereotype.Component;

/** Sends a request to the run that serves its command. */
@Component
public class RunDispatcher {

    private final NightlyRun nightlyRun;
    private final RerunRun rerunRun;
    private final RerunStore reruns;
    private final VerifyRun verifyRun;

    public RunDispatcher(NightlyRun nightlyRun, RerunRun rerunRun, RerunStore reruns, VerifyRun verifyRun) {
        this.nightlyRun = nightlyRun;
        this.rerunRun = rerunRun;
        this.reruns = reruns;
        this.verifyRun = verifyRun;
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
            case VERIFY -> verifyRun.run();
        };
    }
}
