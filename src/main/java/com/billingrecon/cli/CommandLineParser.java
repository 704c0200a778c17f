package com.billingrecon.cli;

import com.billingrecon.job.Partitioning;
import com.billingrecon.job.RunRequest;
import com.billingrecon.job.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the arguments of SPEC §7 into a {@link RunRequest}, or a {@link UsageException} saying what is wrong. */
public final class CommandLineParser {

    public static final String USAGE = """
            usage: java -jar billing-recon.jar nightly --run-date=YYYY-MM-DD --input-dir=DIR --output-dir=DIR [options]
                   java -jar billing-recon.jar rerun   --period=YYYY-MM      --input-dir=DIR --output-dir=DIR [options]
            """ + ExplainCommand.USAGE + """
                   java -jar billing-recon.jar itemise --invoice=INVOICE_NO  [database options]   (CSV on stdout)
                   java -jar billing-recon.jar verify  [--data-dir=DIR | --db-url=JDBC_URL ...]
                   java -jar billing-recon.jar archive --before=YYYY-MM --archive-dir=DIR [database options]
                   java -jar billing-recon.jar restore --period=YYYY-MM --archive-dir=DIR [database options]
                   java -jar billing-recon.jar worker  --db-url=JDBC_URL [--db-user=U --db-password=P] [--idle-timeout=5m]

            options: --billing-zone=ZONE   billing time zone (default UTC)
                     --data-dir=DIR        embedded PostgreSQL data, kept between runs (default ./var/db)
                     --db-url=JDBC_URL --db-user=U --db-password=P   an external PostgreSQL instead
                     --drop-missing        (rerun only) go on when a processed file is missing
                     --config=FILE         a configuration file (YAML or properties): supplier, document settings
                     --documents           write PDF tax invoices, e-invoices and invoice lines (needs the supplier)
                     --invoice-template=FILE   an HTML (Mustache) template for the PDF instead of the built-in one
                     --partitions=P        (nightly) take the day's CDRs in as P partitions, run by workers
                     --local-workers=N     worker threads of this command (default: none with --db-url, else min(P, cores))
                     --work-dir=DIR        the partitions' bucket files (default: the data folder; required with --db-url)
                     --partition-timeout=T how long to wait for the day's partitions, e.g. 30m (default 1h)
            worker takes partitions of the run on that database until the run is over, then exits 0; with no run it
            exits 0 after --idle-timeout
            verify recomputes the running totals and invoices from the history and prints each difference
            archive writes the CDR history of closed months before YYYY-MM to DIR and takes it out of the ledger
            (3: a month stayed, named on stderr); restore puts one month back
            exit codes: 0 done; 3 done, but a file was rejected whole or held (verify: a difference); 2 usage error;
                        4 another run holds this database; 1 failed (the same command again resumes)""";

    private static final Set<String> VALUED = Set.of("run-date", "period", "input-dir", "output-dir",
            "billing-zone", "data-dir", "db-url", "db-user", "db-password", "invoice", "config", "invoice-template", "before", "archive-dir",
            "partitions", "local-workers", "work-dir", "partition-timeout", "idle-timeout");
    private static final List<String> PARTITION_OPTIONS = List.of("partitions", "local-workers", "work-dir",
            "partition-timeout");
    private static final Set<String> FLAGS = Set.of("drop-missing", "documents");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
            .withResolverStyle(ResolverStyle.STRICT);

    private CommandLineParser() {
    }

    public static boolean wantsHelp(List<String> args) {
        return args.isEmpty() || args.contains("--help") || args.contains("-h") || args.contains("help");
    }

    public static RunRequest parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("no command given: expected nightly, rerun or verify");
        }
        RunRequest.Command command = switch (args.get(0)) {
            case "nightly" -> RunRequest.Command.NIGHTLY;
            case "rerun" -> RunRequest.Command.RERUN;
            case "itemise" -> RunRequest.Command.ITEMISE;
            case "verify" -> RunRequest.Command.VERIFY;
            case "archive" -> RunRequest.Command.ARCHIVE;
            case "restore" -> RunRequest.Command.RESTORE;
            case "worker" -> RunRequest.Command.WORKER;
            default -> throw new UsageException("unknown command '" + args.get(0)
                    + "': expected nightly, rerun, explain, itemise, verify, archive, restore or worker");
        };
        Map<String, String> options = options(args.subList(1, args.size()));
        if (command == RunRequest.Command.WORKER) {
            return worker(options);
        }
        if (options.containsKey("idle-timeout")) {
            throw new UsageException("--idle-timeout is for worker");
        }
        if (command != RunRequest.Command.NIGHTLY) {
            for (String option : PARTITION_OPTIONS) {
                if (options.containsKey(option)) {
                    throw new UsageException("--" + option + " is for nightly");
                }
            }
        }
        if (command == RunRequest.Command.ITEMISE) {
            return itemise(options);
        }
        if (command == RunRequest.Command.VERIFY) {
            return verify(options);
        }
        if (command == RunRequest.Command.ARCHIVE || command == RunRequest.Command.RESTORE) {
            return archive(command, options);
        }
        for (String archiveOption : List.of("before", "archive-dir")) {
            if (options.containsKey(archiveOption)) {
                throw new UsageException("--" + archiveOption + " is for archive and restore");
            }
        }
        if (options.containsKey("invoice")) {
            throw new UsageException("--invoice is for itemise");
        }
        boolean nightly = command == RunRequest.Command.NIGHTLY;
        if (nightly && options.containsKey("period")) {
            throw new UsageException("--period is for rerun; nightly takes --run-date");
        }
        if (!nightly && options.containsKey("run-date")) {
            throw new UsageException("--run-date is for nightly; rerun takes --period");
        }
        if (nightly && options.containsKey("drop-missing")) {
            throw new UsageException("--drop-missing is for rerun only");
        }
        databaseChecks(options);
        LocalDate runDate = nightly ? date(required(options, "run-date")) : null;
        YearMonth period = nightly ? null : month(required(options, "period"));
        return new RunRequest(command, runDate, period,
                Path.of(required(options, "input-dir")),
                Path.of(required(options, "output-dir")),
                zone(options.getOrDefault("billing-zone", "UTC")),
                Path.of(options.getOrDefault("data-dir", "var/db")),
                options.get("db-url"), options.get("db-user"), options.get("db-password"),
                options.containsKey("drop-missing"), null, path(options, "config"), options.containsKey("documents"),
                path(options, "invoice-template"), nightly ? partitioning(options) : null, null);
    }

    private static RunRequest itemise(Map<String, String> options) {
        for (String other : List.of("run-date", "period", "input-dir", "output-dir", "drop-missing", "documents",
                "invoice-template")) {
            if (options.containsKey(other)) {
                throw new UsageException("--" + other + " is not for itemise");
            }
        }
        databaseChecks(options);
        return new RunRequest(RunRequest.Command.ITEMISE, null, null, null, null,
                zone(options.getOrDefault("billing-zone", "UTC")), Path.of(options.getOrDefault("data-dir", "var/db")),
                options.get("db-url"), options.get("db-user"), options.get("db-password"), false,
                required(options, "invoice"), path(options, "config"), false, null, null, null);
    }

    /** nightly's {@code --partitions=P} and what goes with it; null without it. */
    private static Partitioning partitioning(Map<String, String> options) {
        if (!options.containsKey("partitions")) {
            for (String option : PARTITION_OPTIONS) {
                if (options.containsKey(option)) {
                    throw new UsageException("--" + option + " goes with --partitions");
                }
            }
            return null;
        }
        int partitions = number(options, "partitions", 1, 1024);
        boolean embedded = !options.containsKey("db-url");
        Path workDir;
        if (options.containsKey("work-dir")) {
            workDir = Path.of(options.get("work-dir"));
        } else if (embedded) {
            workDir = Path.of(options.getOrDefault("data-dir", "var/db"));
        } else {
            throw new UsageException("--partitions with --db-url needs --work-dir: a folder every worker sees at the "
                    + "same path, for the day's bucket files");
        }
        int localWorkers = options.containsKey("local-workers") ? number(options, "local-workers", 0, 64)
                : embedded ? Math.min(partitions, Runtime.getRuntime().availableProcessors()) : 0;
        if (embedded && localWorkers == 0) {
            throw new UsageException("--local-workers=0 needs --db-url: workers elsewhere cannot reach the embedded "
                    + "PostgreSQL of this command");
        }
        Duration timeout = options.containsKey("partition-timeout")
                ? duration(options, "partition-timeout") : Duration.ofHours(1);
        return new Partitioning(partitions, workDir, localWorkers, timeout);
    }

    /** worker: the database options (an external PostgreSQL: the manager's) and an idle timeout. */
    private static RunRequest worker(Map<String, String> options) {
        for (String name : options.keySet()) {
            if (!Set.of("db-url", "db-user", "db-password", "idle-timeout").contains(name)) {
                throw new UsageException("--" + name + " is not for worker; it takes --db-url, --db-user, "
                        + "--db-password and --idle-timeout");
            }
        }
        required(options, "db-url");
        Duration idle = options.containsKey("idle-timeout") ? duration(options, "idle-timeout") : Duration.ofMinutes(5);
        return new RunRequest(RunRequest.Command.WORKER, null, null, null, null, ZoneId.of("UTC"), Path.of("var/db"),
                options.get("db-url"), options.get("db-user"), options.get("db-password"), false, null, null, false,
                null, null, idle);
    }

    private static int number(Map<String, String> options, String name, int min, int max) {
        String text = options.get(name);
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--" + name + " '" + text + "' is not a whole number from " + min + " to " + max);
    }

    /** {@code 90s}, {@code 10m}, {@code 2h}, or seconds. */
    private static Duration duration(Map<String, String> options, String name) {
        String text = options.get(name);
        Matcher m = Pattern.compile("([0-9]{1,9})(s|m|h)?").matcher(text);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UsageException("--" + name + " '" + text + "' is not a duration such as 90s, 10m or 2h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** An optional file option; a file that is not there is a usage error, not a setting silently missed. */
    private static Path path(Map<String, String> options, String name) {
        if (!options.containsKey(name)) {
            return null;
        }
        Path file = Path.of(options.get(name));
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException("--" + name + " " + file + " is not a readable file");
        }
        return file;
    }

    private static void databaseChecks(Map<String, String> options) {
        if (options.containsKey("db-url") && options.containsKey("data-dir")) {
            throw new UsageException("give either --data-dir (embedded PostgreSQL) or --db-url (external), not both");
        }
        if (!options.containsKey("db-url") && (options.containsKey("db-user") || options.containsKey("db-password"))) {
            throw new UsageException("--db-user and --db-password go with --db-url");
        }
    }

    /** verify reads the database only: it takes the database options and nothing else. */
    private static RunRequest verify(Map<String, String> options) {
        for (String name : List.of("run-date", "period", "input-dir", "output-dir", "billing-zone", "drop-missing")) {
            if (options.containsKey(name)) {
                throw new UsageException("--" + name + " is not for verify; it takes the database options only");
            }
        }
        databaseChecks(options);
        return new RunRequest(RunRequest.Command.VERIFY, null, null, null, null, ZoneId.of("UTC"),
                Path.of(options.getOrDefault("data-dir", "var/db")), options.get("db-url"), options.get("db-user"),
                options.get("db-password"), false, null, null, false, null, null, null);
    }

    /** archive and restore: a month, the archive folder and the database options. */
    private static RunRequest archive(RunRequest.Command command, Map<String, String> options) {
        boolean archive = command == RunRequest.Command.ARCHIVE;
        String month = archive ? "before" : "period";
        for (String name : List.of("run-date", archive ? "period" : "before", "input-dir", "output-dir", "billing-zone",
                "drop-missing", "invoice", "documents", "invoice-template", "config")) {
            if (options.containsKey(name)) {
                throw new UsageException("--" + name + " is not for " + command.name().toLowerCase());
            }
        }
        databaseChecks(options);
        return new RunRequest(command, null, month(required(options, month)), null,
                Path.of(required(options, "archive-dir")), ZoneId.of("UTC"),
                Path.of(options.getOrDefault("data-dir", "var/db")), options.get("db-url"), options.get("db-user"),
                options.get("db-password"), false, null, null, false, null, null, null);
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (FLAGS.contains(name)) {
                if (eq >= 0) {
                    throw new UsageException("--" + name + " takes no value");
                }
                options.put(name, "");
            } else if (VALUED.contains(name)) {
                if (eq < 0 || eq == arg.length() - 1) {
                    throw new UsageException("--" + name + " needs a value: --" + name + "=...");
                }
                if (options.put(name, arg.substring(eq + 1)) != null) {
                    throw new UsageException("--" + name + " is given twice");
                }
            } else {
                throw new UsageException("unknown option '--" + name + "'");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new UsageException("--run-date '" + text + "' is not a date YYYY-MM-DD");
        }
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text, MONTH);
        } catch (DateTimeParseException e) {
            throw new UsageException("--period '" + text + "' is not a month YYYY-MM");
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new UsageException("--billing-zone '" + text + "' is not a time zone");
        }
    }
}
