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

    /** Unlocks explicitly: a pooled connection's session outlives close(), and so would the lock. */
    @Override
    public void close() throws SQLException {
        try (connection; PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        }
    }
}
