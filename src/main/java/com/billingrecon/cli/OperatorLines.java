package com.billingrecon.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * What the console (stderr) shows: this application's own lines, one line each. Libraries' messages and every
 * exception with its stack trace are details for the log file ({@link RunLog}); a failure reaches the operator
 * as the one line that names its cause and the fix. Lines marked {@link StartStopTimes#LOG_FILE_ONLY} are for the
 * log file too.
 */
public class OperatorLines extends Filter<ILoggingEvent> {

    private static final String APPLICATION = "com.billingrecon.";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        boolean own = event.getLoggerName().startsWith(APPLICATION);
        boolean forLogFile = event.getMarkerList() != null
                && event.getMarkerList().contains(StartStopTimes.LOG_FILE_ONLY);
        return own && !forLogFile && event.getThrowableProxy() == null ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
