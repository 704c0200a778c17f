package com.billingrecon.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

final class ExternalDatabase implements Database {

    private final HikariDataSource pool;
    private final String url;

    ExternalDatabase(String url, String user, String password) {
        this.pool = ConnectionPool.open(url, user, password);
        this.url = url;
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public String describe() {
        int query = url.indexOf('?');
        return "external PostgreSQL " + (query < 0 ? url : url.substring(0, query));
    }

    @Override
    public void close() {
        pool.close();
    }
}
