package com.billingrecon.db;

import java.sql.PreparedStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A query whose rows are handed over one at a time and fetched in pieces, so that memory does not grow
 * with the accounts or invoices it reads. PostgreSQL's driver keeps a cursor only inside a transaction;
 * outside one it reads the whole result at once.
 */
public final class Cursor {

    private static final int FETCH_ROWS = 1000;

    private Cursor() {
    }

    public static void query(JdbcTemplate jdbc, String sql, RowCallbackHandler row, Object... args) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH_ROWS);
            for (int n = 0; n < args.length; n++) {
                statement.setObject(n + 1, args[n]);
            }
            return statement;
        }, row);
    }
}
