package com.billingrecon.support;

import com.billingrecon.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A run that holds the embedded database of a data folder until it is killed: it starts the server, writes one
 * row, prints {@value #READY} and sleeps. Started as a child JVM by the tests, so that they can kill it the way
 * an operator or the OS kills a run (SIGKILL: no shutdown hook, the PostgreSQL server left running).
 */
public final class HoldEmbeddedDatabase {

    public static final String READY = "READY";

    private HoldEmbeddedDatabase() {
    }

    /** {@code args[0]}: the data folder; {@code args[1]}: the text of the row to write. */
    public static void main(String[] args) throws Exception {
        Database database = Database.embedded(Path.of(args[0]));
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS survivor (note text NOT NULL)");
            statement.execute("INSERT INTO survivor (note) VALUES ('" + args[1].replace("'", "''") + "')");
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
