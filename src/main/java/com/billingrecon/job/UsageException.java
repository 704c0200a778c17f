package com.billingrecon.job;

/** The command line or its inputs are wrong: a clear message, exit code 2, nothing written. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
