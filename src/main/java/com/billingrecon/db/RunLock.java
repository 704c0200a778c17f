package com.billingrecon.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One run at a time per database: a session-level advisory lock held on a dedicated connection.
 * PostgreSQL releases it when that connection ends, so a crashed run leaves nothing behind.
 */
public final class RunLock implements AutoCloseable {

    /** An arbitrary constant naming this application's lock. */
    private static final long LOCK_KEY = 0x42494C4C5245434FL;

    private final Connection connection;

    private RunLock(Connection connection) {
        this.connection = connection;
    }

    public static RunLock acquire(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    connection.close();
                    throw new AnotherRunException("another run holds this database");
                }
            }
        } catch (SQLException | RuntimeException e) {
            if (!connection.isClosed()) {
                connection.close();
            }
            throw e;
        }
        return new RunLock(connection);
    }

    /** Whether a run holds the lock now (read from pg_locks: asking does not take it, so no run is refused). */
    public static boolean isHeld(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
                                    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                                    AND ((classid::bigint << 32) | objid::bigint) = ?)""")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    /** Unlocks explicitly: a pooled connection's session outlives close(), and so would the lock. */
    @Override
    public void close() throws SQLException {
        try (connection; PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        }
    }
}
