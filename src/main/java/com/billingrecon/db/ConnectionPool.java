package com.billingrecon.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The run's pool of connections to its PostgreSQL, embedded or external. */
final class ConnectionPool {

    private ConnectionPool() {
    }

    static HikariDataSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(8);
        config.setPoolName("billing-recon");
        config.setAutoCommit(true);
        // multi-row INSERTs instead of one statement per row in a JDBC batch
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }
}
