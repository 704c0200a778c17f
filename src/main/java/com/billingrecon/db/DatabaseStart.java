package com.billingrecon.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The run's database made ready on a thread of its own while the application context starts: the server started
 * (embedded) or the pool opened (external), the one-run lock taken, the schema brought up to date. Both take about a
 * second or more and neither needs the other until the context's first connection, so they overlap.
 *
 * <p>{@link #dataSource()} is the context's data source from the start; a connection asked for before the database
 * is ready waits for it, so nothing reaches the ledger before the lock is held and the schema is current. A failure
 * of the start (another run holds the lock, the server is unreachable) is thrown by {@link #awaitReady()} as it was
 * thrown, whatever the context made of it.
 */
public final class DatabaseStart implements AutoCloseable {

    /** What opens the database: embedded or external. */
    @FunctionalInterface
    public interface Opener {
        Database open() throws Exception;
    }

    /** The ready database and how long each part of getting it ready took. */
    public record Ready(Database database, RunLock lock, Duration open, Duration migrations, boolean migrated) {
    }

    private final FutureTask<Ready> start;
    private final DataSource dataSource;

    private DatabaseStart(Opener opener, boolean shared) {
        this.start = new FutureTask<>(() -> shared ? shared(opener) : ready(opener));
        this.dataSource = new DelegatingDataSource() {
            @Override
            protected DataSource obtainTargetDataSource() {
                try {
                    return awaitReady().database().dataSource();
                } catch (Exception e) {
                    throw new IllegalStateException("the database did not start: " + e.getMessage(), e);
                }
            }

            @Override
            public Connection getConnection() throws SQLException {
                return obtainTargetDataSource().getConnection();
            }
        };
    }

    /** Starts getting the database ready, now, on a thread of its own. */
    public static DatabaseStart begin(Opener opener) {
        return begin(new DatabaseStart(opener, false));
    }

    /**
     * The same for a process that works for the run holding the database (a partition worker): it takes no
     * lock and migrates nothing; it waits for the run's schema itself.
     */
    public static DatabaseStart beginShared(Opener opener) {
        return begin(new DatabaseStart(opener, true));
    }

    private static DatabaseStart begin(DatabaseStart start) {
        Thread thread = new Thread(start.start, "database-start");
        thread.start();
        return start;
    }

    private static Ready shared(Opener opener) throws Exception {
        long t0 = System.nanoTime();
        Database database = opener.open();
        return new Ready(database, null, Duration.ofNanos(System.nanoTime() - t0), Duration.ZERO, false);
    }

    private static Ready ready(Opener opener) throws Exception {
        long t0 = System.nanoTime();
        Database database = opener.open();
        RunLock lock = null;
        try {
            lock = RunLock.acquire(database.dataSource());
            long t1 = System.nanoTime();
            boolean migrated = Migrations.bringUpToDate(database.dataSource());
            return new Ready(database, lock, Duration.ofNanos(t1 - t0), Duration.ofNanos(System.nanoTime() - t1),
                    migrated);
        } catch (Exception | Error e) {
            try (database) {
                if (lock != null) {
                    lock.close();
                }
            } catch (SQLException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The context's data source: its connections wait until the database is ready. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Waits until the database is ready; throws what its start threw. */
    public Ready awaitReady() throws Exception {
        try {
            return start.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (CancellationException e) {
            throw new IllegalStateException("the database start was cancelled", e);
        }
    }

    /** Unlocks and stops the database, once its start has ended; nothing to do if the start failed. */
    @Override
    public void close() throws SQLException {
        Ready ready;
        try {
            ready = awaitReady();
        } catch (Exception e) {
            return;
        }
        try (Database database = ready.database()) {
            if (ready.lock() != null) {
                ready.lock().close();
            }
        }
    }
}
