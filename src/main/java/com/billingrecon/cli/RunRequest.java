package com.billingrecon.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * What the operator asked for. {@code runDate} is set for nightly, {@code period} for rerun; verify has
 * neither, nor folders;
 * {@code dbUrl} null means the embedded PostgreSQL in {@code dataDir}.
 */
public record RunRequest(Command command, LocalDate runDate, YearMonth period, Path inputDir, Path outputDir,
                         ZoneId billingZone, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                         boolean dropMissing) {

    public enum Command { NIGHTLY, RERUN, VERIFY }

    public boolean embedded() {
        return dbUrl == null;
    }

    /** The request as a log line; the password is never shown. */
    public String describe() {
        if (command == Command.VERIFY) {
            return "verify";
        }
        String target = command == Command.NIGHTLY ? "run date " + runDate : "period " + period;
        return command.name().toLowerCase() + " " + target + ", input " + inputDir + ", output " + outputDir
                + ", billing zone " + billingZone;
    }
}
