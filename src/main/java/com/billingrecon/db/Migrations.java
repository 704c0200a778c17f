package com.billingrecon.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema (ledger and job repository), brought up to date by Flyway's migrations before a run uses it.
 *
 * <p>Nearly every start finds nothing to do, and Flyway costs a second or more to find that out (its own
 * configuration, its lock on the history, a scan and validation of every migration). So the history is read first
 * with one query: when it holds exactly this release's migrations, each applied successfully with the checksum of
 * the file in the jar (Flyway's checksum: CRC-32 of the file's lines), Flyway is not started at all. Anything else
 * (a pending migration, a failed one, an edited file, a row of a kind this check does not know, no history yet)
 * is left to Flyway's own migrate, which validates and reports it as before.
 */
public final class Migrations {

    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.*\\.sql");

    private Migrations() {
    }

    /** Migrates unless the schema is current; true when Flyway ran. */
    public static boolean bringUpToDate(DataSource dataSource) throws SQLException {
        if (isCurrent(dataSource)) {
            return false;
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:" + LOCATION).load().migrate();
        return true;
    }

    /** The history holds exactly this release's migrations, each applied successfully as the jar has it. */
    public static boolean isCurrent(DataSource dataSource) throws SQLException {
        Map<String, Integer> applied = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            if (!historyExists(connection)) {
                return false;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT version, checksum, type, success FROM flyway_schema_history")) {
                while (rows.next()) {
                    int checksum = rows.getInt(2);
                    boolean known = rows.getString(1) != null && "SQL".equals(rows.getString(3));
                    if (!known || !rows.getBoolean(4) || applied.put(rows.getString(1), checksum) != null) {
                        return false;
                    }
                }
            }
        }
        return applied.equals(inJar());
    }

    private static boolean historyExists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
            return row.next() && row.getBoolean(1);
        }
    }

    /** This release's versioned migrations: version as Flyway writes it, and the file's checksum. */
    static Map<String, Integer> inJar() {
        Map<String, Integer> migrations = new HashMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "/*.sql")) {
                Matcher name = VERSIONED.matcher(file.getFilename() == null ? "" : file.getFilename());
                if (!name.matches()) {
                    // a repeatable or callback script: only Flyway knows what to do with it
                    migrations.put("?" + file.getFilename(), 0);
                    continue;
                }
                String version = name.group(1).replace('_', '.');
                migrations.put(version, checksum(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return migrations;
    }

    /** Flyway's checksum of a migration: CRC-32 over the UTF-8 bytes of each line, without line ends or BOM. */
    static int checksum(Resource file) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                crc.update((line.startsWith("\uFEFF") ? line.substring(1) : line).getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }
}
