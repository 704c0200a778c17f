package com.billingrecon.cli;

import com.billingrecon.job.RunRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The one line an operator reads when a run fails for a reason that is not bad input: what failed, and what to do
 * about it. The cause is recognised along the exception's chain (PostgreSQL's SQLSTATE, the file system's
 * reason); anything else is named by its innermost message. The stack trace goes to the log file.
 */
final class FailureMessage {

    private static final String AGAIN = "then run the same command again to resume";

    private FailureMessage() {
    }

    /** {@code cause; fix}, and where the details are. */
    static String of(Throwable failure, RunRequest request, Optional<Path> logFile) {
        String details = logFile.map(file -> " (details in " + file + ")").orElse("");
        return "billing-recon: run failed: " + describe(failure, request) + details;
    }

    /**
     * A run asked to stop (SIGTERM) that failed while it stopped: Spring Batch's stop can race the step's own
     * update of its execution (an optimistic locking failure). The chunks committed and the saved position agree
     * whatever the lost status was, so the day is resumed like a stopped one.
     */
    static String stopped(Throwable failure, Optional<Path> logFile) {
        Throwable innermost = innermost(failure);
        String details = logFile.map(file -> ", details in " + file).orElse("");
        return "billing-recon: stopped by SIGTERM (while stopping: " + innermost.getClass().getSimpleName()
                + details + "); " + AGAIN;
    }

    private static Throwable innermost(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return innermost;
    }

    static String describe(Throwable failure, RunRequest request) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String message = bySqlState(sql, request);
                if (message != null) {
                    return message;
                }
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return unreachable(request, t);
            }
            if (t instanceof FileSystemException files) {
                return byFileSystem(files, request);
            }
            if (t instanceof IOException io && String.valueOf(io.getMessage()).contains("No space left on device")) {
                return "no space left on device (" + io.getMessage() + "); free space on the disk of the output "
                        + "folder " + request.outputDir() + " or of the database, " + AGAIN;
            }
        }
        Throwable innermost = innermost(failure);
        return innermost.getClass().getSimpleName() + ": " + firstLine(innermost.getMessage())
                + "; fix the cause, " + AGAIN;
    }

    private static String bySqlState(SQLException sql, RunRequest request) {
        String state = sql.getSQLState();
        String reason = firstLine(sql.getMessage());
        if (state.startsWith("28")) {
            return "the database refused the login (" + reason + "); check --db-user and the password "
                    + "(--db-password or " + BillingRecon.PASSWORD_VARIABLE + "), " + AGAIN;
        }
        if (state.equals("3D000")) {
            return "the database does not exist (" + reason + "): it was dropped, or --db-url names another; "
                    + "restore it, or correct --db-url";
        }
        if (state.equals("53100")) {
            return "the database's disk is full (" + reason + "); free space on "
                    + (request.embedded() ? "the disk of the data folder " + request.dataDir()
                    : "the database server's disk") + ", " + AGAIN;
        }
        if (state.equals("08001") || state.equals("08004")) {
            return unreachable(request, sql);
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return "the connection to " + server(request) + " was lost (" + reason + "): the server stopped or "
                    + "restarted, or the database was dropped; when it is back, run the same command again to resume";
        }
        return null;
    }

    private static String unreachable(RunRequest request, Throwable cause) {
        return server(request) + " cannot be reached (" + firstLine(cause.getMessage()) + "); check that PostgreSQL "
                + "is running there" + (request.embedded() ? "" : " and that --db-url names its host and port")
                + ", " + AGAIN;
    }

    private static String byFileSystem(FileSystemException e, RunRequest request) {
        String reason = e.getReason() != null ? e.getReason() : reasonOf(e);
        String where = where(e.getFile(), request);
        if (reason.contains("No space left") || reason.contains("quota")) {
            return "no space left on the disk of " + where + " (" + e.getFile() + ": " + reason + "); free space "
                    + "there, " + AGAIN;
        }
        boolean permissions = e instanceof AccessDeniedException || reason.contains("Read-only")
                || reason.contains("ermission");
        return where + " cannot be written (" + e.getFile() + ": " + reason + "); "
                + (permissions ? "make it writable for this user" : "remove or move what is in the way") + ", "
                + AGAIN;
    }

    private static String reasonOf(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "something else is already there";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        return e instanceof NotDirectoryException ? "not a folder" : e.getClass().getSimpleName();
    }

    /** Which folder of the run a path is in, as the operator named it. */
    private static String where(String file, RunRequest request) {
        if (file != null) {
            Path path = Path.of(file).toAbsolutePath().normalize();
            if (path.startsWith(request.outputDir().toAbsolutePath().normalize())) {
                return "the output folder " + request.outputDir();
            }
            if (request.embedded() && path.startsWith(request.dataDir().toAbsolutePath().normalize())) {
                return "the data folder " + request.dataDir();
            }
        }
        return "the folder of " + file;
    }

    private static String server(RunRequest request) {
        if (request.embedded()) {
            return "the embedded PostgreSQL in " + request.dataDir();
        }
        String url = request.dbUrl();
        int query = url.indexOf('?');
        return "the PostgreSQL server of " + (query < 0 ? url : url.substring(0, query));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).trim();
    }
}
