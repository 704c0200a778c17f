package com.billingrecon.finance;

import java.sql.PreparedStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A query whose rows are handed over one at a time from a database cursor: inside the report step's transaction
 * PostgreSQL sends {@value #ROWS} rows at a time, so a finance file's memory does not depend on how many
 * accounts, invoices or payments a day has. (Outside a transaction the driver would read every row first.)
 */
final class Cursor {

    private static final int ROWS = 500;

    private Cursor() {
    }

    static void query(JdbcTemplate jdbc, String sql, RowCallbackHandler row, Object... args) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(ROWS);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, row);
    }
}
