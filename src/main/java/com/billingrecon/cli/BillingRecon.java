package com.billingrecon.cli;

import com.billingrecon.BillingReconApplication;
import com.billingrecon.db.AnotherRunException;
import com.billingrecon.db.Database;
import com.billingrecon.db.RunLock;
import com.billingrecon.nightly.DayLauncher;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The process around a run: check the command line, open the database, take the one-run lock,
 * start the application context and hand the request to the {@link RunDispatcher}.
 */
public final class BillingRecon {

    private static final Logger log = LoggerFactory.getLogger(BillingRecon.class);

    private BillingRecon() {
    }

    public static ExitCode run(String... args) {
        List<String> arguments = List.of(args);
        if (CommandLineParser.wantsHelp(arguments)) {
            System.out.println(CommandLineParser.USAGE);
            return arguments.isEmpty() ? ExitCode.USAGE : ExitCode.DONE;
        }
        RunRequest request;
        try {
            request = CommandLineParser.parse(arguments);
            if (request.command() != RunRequest.Command.VERIFY) {
                InputChecks.check(request);
            }
        } catch (UsageException e) {
            return usageError(e);
        }
        StopSignal.install();
        try (Database database = open(request);
             RunLock lock = RunLock.acquire(database.dataSource());
             ConfigurableApplicationContext context = start(database)) {
            log.info("billing-recon {} on {}", request.describe(), database.describe());
            StopSignal.whenRequested(context.getBean(DayLauncher.class)::requestStop);
            ExitCode exit = context.getBean(RunDispatcher.class).run(request);
            return StopSignal.wasRequested() && exit == ExitCode.DONE ? ExitCode.FAILED : exit;
        } catch (UsageException e) {
            return usageError(e);
        } catch (AnotherRunException e) {
            System.err.println("billing-recon: " + e.getMessage() + "; nothing done");
            return ExitCode.ANOTHER_RUN;
        } catch (Exception e) {
            log.error("Run failed: {}. Nothing is half-written; run the same command again to resume.", e.toString(), e);
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

    /** The context gets the run's database as its only data source; no arguments reach Boot's property parsing. */
    static ConfigurableApplicationContext start(Database database) {
        return new SpringApplicationBuilder(BillingReconApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(context -> context.getBeanFactory().registerSingleton("dataSource", database.dataSource()))
                .run();
    }
}
