package com.billingrecon.nightly;

import java.time.LocalDate;

/**
 * A business day's job ended FAILED: carries the first failure of its steps, so that the command line can name
 * the cause in one line. The day stays restartable; the same command resumes it.
 */
public class DayFailedException extends RuntimeException {

    public DayFailedException(LocalDate day, Throwable cause) {
        super("business day " + day + " failed: " + cause, cause);
    }

    /** {@code failure} as the failure of {@code day}, unless it already is one. */
    public static RuntimeException of(LocalDate day, Exception failure) {
        return failure instanceof DayFailedException known ? known : new DayFailedException(day, failure);
    }
}
