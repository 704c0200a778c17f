package com.billingrecon.cli;

import com.billingrecon.BillingReconApplication;
import com.billingrecon.db.AnotherRunException;
import com.billingrecon.db.Database;
import com.billingrecon.db.DatabaseStart;
import com.billingrecon.job.ExitCode;
import com.billingrecon.job.RunRequest;
import com.billingrecon.job.UsageException;
import com.billingrecon.nightly.DayLauncher;
import com.billingrecon.worker.WorkerCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The process around a run: check the command line, open the database, take the one-run lock and bring the schema
 * up to date (on a thread of its own, {@link DatabaseStart}) while the application context starts, then hand the
 * request to the {@link RunDispatcher}.
 */
public final class BillingRecon {

    private static final Logger log = LoggerFactory.getLogger(BillingRecon.class);

    private BillingRecon() {
    }

    public static void main(String[] args) {
        System.exit(run(args).code());
    }

    public static ExitCode run(String... args) {
        StartStopTimes times = StartStopTimes.fromProcessStart();
        List<String> arguments = List.of(args);
        if (!arguments.isEmpty() && arguments.get(0).equals("explain") && !CommandLineParser.wantsHelp(arguments)) {
            return ExplainCommand.run(arguments.subList(1, arguments.size()));
        }
        if (CommandLineParser.wantsHelp(arguments)) {
            System.out.println(CommandLineParser.USAGE);
            return arguments.isEmpty() ? ExitCode.USAGE : ExitCode.DONE;
        }
        RunRequest request;
        try {
            request = CommandLineParser.parse(arguments);
        } catch (UsageException e) {
            return usageError(e);
        }
        try {
            if (request.command() == RunRequest.Command.NIGHTLY || request.command() == RunRequest.Command.RERUN) {
                InputChecks.check(request);
            }
        } catch (UsageException e) {
            // the command line is well formed: its folders are what the operator must fix
            System.err.println("billing-recon: " + e.getMessage());
            return ExitCode.USAGE;
        }
        StopSignal.install();
        try (RunLog runLog = RunLog.start()) {
            ExitCode exit = run(request, runLog, times);
            times.mark("stop");
            times.log();
            return exit;
        }
    }

    private static ExitCode run(RunRequest request, RunLog runLog, StartStopTimes times) {
        times.mark("arguments");
        boolean worker = request.command() == RunRequest.Command.WORKER;
        try (DatabaseStart database = worker ? DatabaseStart.beginShared(() -> open(request))
                : DatabaseStart.begin(() -> open(request));
             ConfigurableApplicationContext context = start(database, request.settings())) {
            times.mark("context");
            DatabaseStart.Ready ready = database.awaitReady();
            times.mark("database wait");
            times.part("database start", ready.open());
            times.part(ready.migrated() ? "migrations" : "schema check", ready.migrations());
            runLog.writeTo(RunLog.fileFor(request));
            log.info("billing-recon {} on {}", request.describe(), ready.database().describe());
            StopSignal.whenRequested(worker ? context.getBean(WorkerCommand.class)::requestStop
                    : context.getBean(DayLauncher.class)::requestStop);
            ExitCode exit = context.getBean(RunDispatcher.class).run(request);
            times.mark("command");
            return StopSignal.wasRequested() && exit == ExitCode.DONE ? ExitCode.FAILED : exit;
        } catch (UsageException e) {
            return usageError(e);
        } catch (AnotherRunException e) {
            System.err.println("billing-recon: " + e.getMessage() + "; nothing done: wait for that run to end, "
                    + "then run this command again");
            return ExitCode.ANOTHER_RUN;
        } catch (Exception e) {
            Optional<Path> logFile = runLog.writeTo(RunLog.fileFor(request));
            // the stack trace is for the log file; the operator reads one line
            log.error("Run failed", e);
            log.error(StopSignal.wasRequested() ? FailureMessage.stopped(e, logFile)
                    : FailureMessage.of(e, request, logFile));
            return ExitCode.FAILED;
        }
    }

    private static ExitCode usageError(UsageException e) {
        System.err.println("billing-recon: " + e.getMessage());
        System.err.println("run with --help for usage");
        return ExitCode.USAGE;
    }

    /** The password may come from the environment instead of the command line, where {@code ps} shows it. */
    static final String PASSWORD_VARIABLE = "BILLING_RECON_DB_PASSWORD";

    private static Database open(RunRequest request) throws Exception {
        if (request.embedded()) {
            return Database.embedded(request.dataDir());
        }
        String password = request.dbPassword() != null ? request.dbPassword() : System.getenv(PASSWORD_VARIABLE);
        return Database.external(request.dbUrl(), request.dbUser(), password);
    }

    /**
     * The context gets the run's database as its only data source; no arguments reach Boot's property parsing,
     * only the settings the command line stands for (a configuration file, documents asked for). It starts while the
     * database does; if the database's start failed, that failure is the one thrown, not the context's about it.
     */
    static ConfigurableApplicationContext start(DatabaseStart database, Map<String, Object> settings)
            throws Exception {
        try {
            return new SpringApplicationBuilder(BillingReconApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(settings)
                    .initializers(c -> c.getBeanFactory().registerSingleton("dataSource", database.dataSource()))
                    .run();
        } catch (RuntimeException e) {
            database.awaitReady();
            throw e;
        }
    }
}
