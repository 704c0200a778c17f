package com.billingrecon.db;

/** Another run holds this database: nothing may be done (exit code 4). */
public class AnotherRunException extends RuntimeException {

    public AnotherRunException(String message) {
        super(message);
    }
}
