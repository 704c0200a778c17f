package com.billingrecon.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started by the application on a data folder kept between runs.
 *
 * <p>A run locks {@code <data-dir>.lock} beside the folder before anything else (even before the
 * folder is initialised); the operating system drops that lock when the process dies, so a second
 * run on the same folder is refused while the first lives, and a killed run leaves no lock behind.
 * A killed run does leave its server process running, though: it is stopped here before a new one
 * starts.
 */
final class EmbeddedDatabase implements Database {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres server;
    private final HikariDataSource pool;
    private final Path dataDir;
    private final FolderLock lock;

    private EmbeddedDatabase(EmbeddedPostgres server, Path dataDir, FolderLock lock) {
        this.server = server;
        this.dataDir = dataDir;
        this.lock = lock;
        this.pool = ConnectionPool.open(server.getJdbcUrl("postgres", "postgres"), "postgres", null);
    }

    static EmbeddedDatabase start(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        FolderLock lock = FolderLock.acquire(dir.resolveSibling(dir.getFileName() + ".lock"), dir);
        try {
            stopOrphanedServer(dir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // the library's default is off, which can lose the last commits on a power cut
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedDatabase(server, dir, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * A server left running by a killed run. Holding the folder's lock proves no live run uses it,
     * so it is stopped before a new one starts on the same files.
     */
    private static void stopOrphanedServer(Path dir) throws IOException {
        Optional<ProcessHandle> postmaster = livePostmaster(dir);
        if (postmaster.isEmpty()) {
            return;
        }
        log.warn("Stopping the PostgreSQL server (pid {}) left running by an interrupted run", postmaster.get().pid());
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("the PostgreSQL server left by an interrupted run did not stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping an orphaned PostgreSQL server", e);
        }
    }

    private static Optional<ProcessHandle> livePostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public String describe() {
        return "embedded PostgreSQL in " + dataDir + " (port " + server.getPort() + ")";
    }

    @Override
    public void close() {
        pool.close();
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
        } finally {
            lock.close();
        }
    }
}
