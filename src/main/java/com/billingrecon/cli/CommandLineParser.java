package com.billingrecon.cli;

import com.billingrecon.job.RunRequest;
import com.billingrecon.job.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
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

            options: --billing-zone=ZONE   billing time zone (default UTC)
                     --data-dir=DIR        embedded PostgreSQL data, kept between runs (default ./var/db)
                     --db-url=JDBC_URL --db-user=U --db-password=P   an external PostgreSQL instead
                     --drop-missing        (rerun only) go on when a processed file is missing
                     --config=FILE         a configuration file (YAML or properties): supplier, document settings
                     --documents           write PDF tax invoices, e-invoices and invoice lines (needs the supplier)
                     --invoice-template=FILE   an HTML (Mustache) template for the PDF instead of the built-in one
            verify recomputes the running totals and invoices from the history and prints each difference
            archive writes the CDR history of closed months before YYYY-MM to DIR and takes it out of the ledger
            (3: a month stayed, named on stderr); restore puts one month back
            exit codes: 0 done; 3 done, but a file was rejected whole or held (verify: a difference); 2 usage error;
                        4 another run holds this database; 1 failed (the same command again resumes)""";

    private static final Set<String> VALUED = Set.of("run-date", "period", "input-dir", "output-dir",
            "billing-zone", "data-dir", "db-url", "db-user", "db-password", "invoice", "config", "invoice-template", "before", "archive-dir");
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
            default -> throw new UsageException("unknown command '" + args.get(0)
                    + "': expected nightly, rerun, explain, itemise, verify, archive or restore");
        };
        Map<String, String> options = options(args.subList(1, args.size()));
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
                path(options, "invoice-template"));
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
                required(options, "invoice"), path(options, "config"), false, null);
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
                options.get("db-password"), false, null, null, false, null);
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
                options.get("db-password"), false, null, null, false, null);
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
