package com.billingrecon.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the operator asked for. {@code runDate} is set for nightly, {@code period} for rerun (and for archive
 * the month before which to archive, for restore the month; their {@code outputDir} is the archive folder),
 * {@code invoiceNo} for itemise; {@code dbUrl} null means the embedded PostgreSQL in {@code dataDir}.
 *
 * @param configFile      an extra Spring Boot configuration file (the supplier, document settings); may be null
 * @param documents       whether documents are asked for on the command line (configuration may ask too)
 * @param invoiceTemplate an HTML template replacing the built-in one; may be null
 * @param partitioning    nightly only: the day's CDRs as partitions; null for one step
 * @param idleTimeout     worker only: how long a worker waits for a run before it exits
 */
public record RunRequest(Command command, LocalDate runDate, YearMonth period, Path inputDir, Path outputDir,
                         ZoneId billingZone, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                         boolean dropMissing, String invoiceNo, Path configFile, boolean documents,
                         Path invoiceTemplate, Partitioning partitioning, Duration idleTimeout) {

    public enum Command { NIGHTLY, RERUN, ITEMISE, VERIFY, ARCHIVE, RESTORE, WORKER }

    /** The configuration the command line sets, as Spring Boot properties. */
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (configFile != null) {
            settings.put("spring.config.additional-location", "optional:file:" + configFile.toAbsolutePath());
        }
        if (documents) {
            settings.put("billing-recon.documents.enabled", "true");
        }
        if (invoiceTemplate != null) {
            settings.put("billing-recon.documents.template", invoiceTemplate.toAbsolutePath().toString());
        }
        if (partitioning != null) {
            settings.put(Partitioning.TIMEOUT_SETTING, partitioning.timeout().toString());
        }
        return settings;
    }

    public boolean embedded() {
        return dbUrl == null;
    }

    /** The request as a log line; the password is never shown. */
    public String describe() {
        if (command == Command.ITEMISE) {
            return "itemise invoice " + invoiceNo;
        }
        if (command == Command.VERIFY) {
            return "verify";
        }
        if (command == Command.WORKER) {
            return "worker, idle timeout " + idleTimeout;
        }
        if (command == Command.ARCHIVE || command == Command.RESTORE) {
            return command.name().toLowerCase() + (command == Command.ARCHIVE ? " before " : " ") + period
                    + ", archive folder " + outputDir;
        }
        String target = command == Command.NIGHTLY ? "run date " + runDate : "period " + period;
        return command.name().toLowerCase() + " " + target + ", input " + inputDir + ", output " + outputDir
                + ", billing zone " + billingZone + (partitioning == null ? "" : ", " + partitioning.partitions()
                + " CDR partitions, " + partitioning.localWorkers() + " local workers, work folder "
                + partitioning.workDir() + ", timeout " + partitioning.timeout());
    }
}
