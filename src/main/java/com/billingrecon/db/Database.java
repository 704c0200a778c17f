package com.billingrecon.db;

import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;

/** The PostgreSQL that holds the job repository and the ledger, for the length of one run. */
public interface Database extends AutoCloseable {

    DataSource dataSource();

    /** A description for logs, never containing a password. */
    String describe();

    @Override
    void close();

    static Database embedded(Path dataDir) throws IOException {
        return EmbeddedDatabase.start(dataDir);
    }

    static Database external(String url, String user, String password) {
        return new ExternalDatabase(url, user, password);
    }
}
