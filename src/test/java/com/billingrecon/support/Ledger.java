package com.billingrecon.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the ledger holds, read over plain JDBC: to prove that a run changed nothing. */
public final class Ledger {

    /** The ledger tables a nightly run writes to. */
    public static final List<String> TABLES = List.of("business_day", "account", "input_file", "reject", "cdr",
            "charge", "payment", "invoice");

    private Ledger() {
    }

    public static long count(String dbUrl, String table) {
        return Long.parseLong(query(dbUrl, "SELECT count(*) FROM " + table));
    }

    /** Per table: its row count and an MD5 of all its rows, so an update in place shows too. */
    public static Map<String, String> contents(String dbUrl) {
        Map<String, String> contents = new LinkedHashMap<>();
        for (String table : TABLES) {
            contents.put(table, query(dbUrl, digestSql(table)));
        }
        return contents;
    }

    /**
     * The row count and MD5 of a table's rows. An input file's stamp is left out: it is the file system's
     * state when the file was read (times, inode), not something the ledger decided; nor is its file id, a
     * number the history's rows refer to it by (the views show the file's name), drawn anew when a rerun
     * takes the file in again.
     */
    public static String digestSql(String table) {
        return "SELECT count(*) || ' rows, md5 ' || coalesce(md5(string_agg(r, E'\\n' ORDER BY r COLLATE \"C\")), '-') "
                + "FROM (SELECT (to_jsonb(t) - 'stamp' - 'file_id')::text AS r FROM " + table + " t) rows";
    }

    private static String query(String dbUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(dbUrl);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
