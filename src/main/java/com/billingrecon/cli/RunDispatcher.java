package com.billingrecon.cli;

import com.billingrecon.nightly.NightlyRun;
import org.springframework.stereotype.Component;

/** Sends a request to the run that serves its command. */
@Component
public class RunDispatcher {

    private final NightlyRun nightlyRun;

    public RunDispatcher(NightlyRun nightlyRun) {
        this.nightlyRun = nightlyRun;
    }

    public ExitCode run(RunRequest request) {
        return switch (request.command()) {
            case NIGHTLY -> nightlyRun.run(request);
            case RERUN -> throw new UsageException("rerun is not implemented yet");
        };
    }
}
