package com.billingrecon.support;

import com.billingrecon.cli.BillingRecon;
import com.billingrecon.cli.ExitCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the application in this JVM as the command line would, against a given database. */
public final class Run {

    private Run() {
    }

    public static ExitCode nightly(String dbUrl, Path input, Path output, String runDate, String... more) {
        List<String> args = new ArrayList<>(List.of("nightly", "--run-date=" + runDate,
                "--input-dir=" + input, "--output-dir=" + output, "--db-url=" + dbUrl, "--db-user=postgres"));
        args.addAll(List.of(more));
        return BillingRecon.run(args.toArray(String[]::new));
    }
}
