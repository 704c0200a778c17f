package com.billingrecon.cli;

import com.billingrecon.job.RunRequest;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.read.CyclicBufferAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The log file of a run: every line, libraries' warnings and stack traces included, appended to one file. Its
 * place is known only once the database is open (an embedded data folder must be initialised, and initdb wants
 * an empty folder), so the lines before are kept in memory and written first.
 */
final class RunLog implements AutoCloseable {

    static final String FILE_NAME = "billing-recon.log";
    /** Overrides where the log file goes; the only way to have one with an external database. */
    static final String FILE_VARIABLE = "BILLING_RECON_LOG_FILE";
    private static final int EARLY_LINES = 500;

    private final Logger root;
    private final CyclicBufferAppender<ILoggingEvent> early = new CyclicBufferAppender<>();
    private FileAppender<ILoggingEvent> file;

    private RunLog(Logger root) {
        this.root = root;
        if (root != null) {
            early.setContext(root.getLoggerContext());
            early.setMaxSize(EARLY_LINES);
            early.start();
            root.addAppender(early);
        }
    }

    static RunLog start() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        return new RunLog(factory instanceof LoggerContext context ? context.getLogger(Logger.ROOT_LOGGER_NAME) : null);
    }

    /**
     * Where a run's log file goes: {@value #FILE_VARIABLE} if set, else {@value #FILE_NAME} in the embedded
     * database's data folder once it holds a database; none for an external database without the variable.
     */
    static Optional<Path> fileFor(RunRequest request) {
        String variable = System.getenv(FILE_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Optional.of(Path.of(variable));
        }
        Path dataDir = request.dataDir().toAbsolutePath();
        return request.embedded() && Files.isRegularFile(dataDir.resolve("postgresql.conf"))
                ? Optional.of(dataDir.resolve(FILE_NAME)) : Optional.empty();
    }

    /** From now on lines go to {@code path} too, after those kept so far; the path, or empty if it cannot be opened. */
    Optional<Path> writeTo(Optional<Path> path) {
        if (file != null) {
            return Optional.of(Path.of(file.getFile()));
        }
        if (root == null || path.isEmpty()) {
            return Optional.empty();
        }
        LoggerContext context = root.getLoggerContext();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("run-log");
        appender.setFile(path.get().toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            return Optional.empty();
        }
        for (int i = 0; i < early.getLength(); i++) {
            appender.doAppend(early.get(i));
        }
        root.detachAppender(early);
        early.stop();
        root.addAppender(appender);
        file = appender;
        return path;
    }

    @Override
    public void close() {
        if (root == null) {
            return;
        }
        root.detachAppender(early);
        early.stop();
        if (file != null) {
            root.detachAppender(file);
            file.stop();
            file = null;
        }
    }
}
