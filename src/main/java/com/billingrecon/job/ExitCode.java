package com.billingrecon.job;

/** The process exit codes of SPEC §7. */
public enum ExitCode {
    DONE(0),
    FAILED(1),
    USAGE(2),
    DONE_WITH_FILES_TO_CHECK(3),
    ANOTHER_RUN(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
