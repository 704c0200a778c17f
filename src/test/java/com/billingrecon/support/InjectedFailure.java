package com.billingrecon.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * A failure injected at the database, the way a full disk or a lost connection would strike a run: a PL/pgSQL
 * trigger raises an exception from the Nth row inserted into a table on. The rows are counted with a sequence,
 * whose {@code nextval} is not rolled back with the failing transaction, so the count spans transactions.
 */
public final class InjectedFailure {

    private InjectedFailure() {
    }

    /** Creates the schema ahead of a first run, so that a trigger can be installed before the run starts. */
    public static void migrate(String dbUrl) {
        Flyway.configure().dataSource(dbUrl, "postgres", null).locations("classpath:db/migration").load().migrate();
    }

    /** From the {@code nth} row inserted into {@code table} on (counting from now), every insert fails. */
    public static void failFromNthInsert(String dbUrl, String table, long nth) {
        execute(dbUrl,
                "CREATE SEQUENCE IF NOT EXISTS injected_failure_seq",
                "ALTER SEQUENCE injected_failure_seq RESTART WITH 1",
                """
                CREATE OR REPLACE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('injected_failure_seq') >= TG_ARGV[0]::bigint THEN
                        RAISE EXCEPTION 'injected failure: insert into % number %', TG_TABLE_NAME,
                            currval('injected_failure_seq');
                    END IF;
                    RETURN NEW;
                END $$""",
                "DROP TRIGGER IF EXISTS injected_failure ON " + table,
                "CREATE TRIGGER injected_failure BEFORE INSERT ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION injected_failure('" + nth + "')");
    }

    /** How many inserts the trigger saw (the failing ones included). */
    public static long insertsSeen(String dbUrl) {
        try (Connection connection = DriverManager.getConnection(dbUrl);
             Statement statement = connection.createStatement();
             var result = statement.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END "
                     + "FROM injected_failure_seq")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cause is fixed: inserts into {@code table} succeed again. */
    public static void remove(String dbUrl, String table) {
        execute(dbUrl, "DROP TRIGGER IF EXISTS injected_failure ON " + table);
    }

    private static void execute(String dbUrl, String... statements) {
        try (Connection connection = DriverManager.getConnection(dbUrl);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
