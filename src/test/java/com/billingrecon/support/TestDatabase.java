package com.billingrecon.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test run, and a new empty database for every test that
 * asks: tests run against the same engine as production, never a stand-in.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the process is ending
                }
            }));
        }
        return server;
    }

    /** The JDBC URL of a new, empty database (user postgres, no password). */
    public static String freshDatabaseUrl() {
        return freshDatabaseUrl("");
    }

    /** The same, created with these options, e.g. {@code ENCODING 'LATIN1' LOCALE 'C' TEMPLATE template0}. */
    public static String freshDatabaseUrl(String options) {
        String name = "recon_test_" + COUNTER.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " " + options);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /**
     * The JDBC URL of a new database that starts as a copy of the one at {@code url}: a scenario closed once
     * serves each test that changes its ledger. Nothing may be connected to the original while it is copied.
     */
    public static String copyOf(String url) {
        String original = url.substring(url.lastIndexOf('/') + 1).replaceFirst("[?;].*", "");
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + original + "' AND pid <> pg_backend_pid()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return freshDatabaseUrl("TEMPLATE " + original);
    }
}
