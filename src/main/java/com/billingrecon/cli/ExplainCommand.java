package com.billingrecon.cli;

import com.billingrecon.job.UsageException;
import com.billingrecon.job.ExitCode;
import com.billingrecon.db.AnotherRunException;
import com.billingrecon.db.Database;
import com.billingrecon.db.RunLock;
import com.billingrecon.explain.AccountExplainer;
import com.billingrecon.explain.ExplainFormat;
import com.billingrecon.explain.Explanation;
import com.billingrecon.explain.ReportedRows;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code explain --account=A --as-of=D}: how that account's row of balances.csv of day D is made. It reads the
 * ledger in one read-only transaction while holding the one-run lock, so no run changes the ledger under it and
 * it changes nothing; it needs no application context and runs no migration. Exit 0 when every figure recomputed
 * from the trail equals the balance row, 1 on a difference, 2 for a usage error, 4 while a run holds the database.
 * With {@code --output-dir} the balance row is the account's row of {@code nightly-D/balances.csv} there.
 */
final class ExplainCommand {

    /** The usage lines of the command, indented to follow those of nightly and rerun. */
    static final String USAGE = "       java -jar billing-recon.jar explain --account=ID --as-of=YYYY-MM-DD [--format=text|json|csv]\n"
            + "                                           [--output-dir=DIR] [--data-dir=DIR | --db-url=JDBC_URL ...]";

    private static final Set<String> OPTIONS = Set.of("account", "as-of", "format", "output-dir", "data-dir", "db-url",
            "db-user", "db-password");

    private ExplainCommand() {
    }

    static ExitCode run(List<String> args) {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
        String account = options.get("account");
        LocalDate asOf;
        ExplainFormat format;
        try {
            asOf = LocalDate.parse(options.getOrDefault("as-of", ""));
            format = ExplainFormat.valueOf(options.getOrDefault("format", "text").toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return usage("--as-of needs a date YYYY-MM-DD and --format one of text, json, csv");
        }
        if (account == null || account.isEmpty()) {
            return usage("--account is required");
        }
        Path dataDir = Path.of(options.getOrDefault("data-dir", "var/db"));
        if (!options.containsKey("db-url") && !Files.exists(dataDir.resolve("PG_VERSION"))) {
            // starting the embedded server on an empty folder would create a database: explain creates nothing
            return usage("no ledger in " + dataDir + " (give the --data-dir of the runs, or --db-url)");
        }
        try (Database database = options.containsKey("db-url")
                ? Database.external(options.get("db-url"), options.get("db-user"), password(options))
                : Database.embedded(dataDir);
             RunLock lock = RunLock.acquire(database.dataSource())) {
            AccountExplainer.ReportedRow reported = options.containsKey("output-dir")
                    ? ReportedRows.balanceRow(Path.of(options.get("output-dir")), asOf, account) : null;
            Explanation explanation = readOnly(database.dataSource(), account, asOf, reported);
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            format.write(explanation, out);
            if (!explanation.agrees()) {
                System.err.println("billing-recon: explain " + account + " as of " + asOf
                        + ": a figure recomputed from the trail differs from the balance row");
                return ExitCode.FAILED;
            }
            return ExitCode.DONE;
        } catch (AccountExplainer.NotExplainable e) {
            return usage(e.getMessage());
        } catch (AnotherRunException e) {
            System.err.println("billing-recon: " + e.getMessage()
                    + "; explain reads the ledger only while no run is in progress: nothing done");
            return ExitCode.ANOTHER_RUN;
        } catch (Exception e) {
            System.err.println("billing-recon: explain failed: " + e);
            return ExitCode.FAILED;
        }
    }

    private static Explanation readOnly(DataSource dataSource, String account, LocalDate asOf,
                                        AccountExplainer.ReportedRow reported) {
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        transactions.setEnforceReadOnly(true);
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return template.execute(status -> new AccountExplainer(jdbc).explain(account, asOf, reported));
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !OPTIONS.contains(name)) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            if (options.put(name, arg.substring(eq + 1)) != null) {
                throw new UsageException("--" + name + " is given twice");
            }
        }
        if (options.containsKey("db-url") && options.containsKey("data-dir")) {
            throw new UsageException("give either --data-dir (embedded PostgreSQL) or --db-url (external), not both");
        }
        return options;
    }

    private static String password(Map<String, String> options) {
        String given = options.get("db-password");
        return given != null ? given : System.getenv(BillingRecon.PASSWORD_VARIABLE);
    }

    private static ExitCode usage(String message) {
        System.err.println("billing-recon: " + message);
        System.err.println("usage:" + USAGE.substring("usage:".length()));
        return ExitCode.USAGE;
    }
}
