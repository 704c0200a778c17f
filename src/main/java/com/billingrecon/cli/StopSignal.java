package com.billingrecon.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM (systemd, Kubernetes, kill) asks the run to stop at the next chunk boundary instead of
 * killing it: the day in progress stays restartable and the process exits 1. The signal may come
 * before the job is ready to hear it; it is remembered until then.
 */
final class StopSignal {

    private static final Logger log = LoggerFactory.getLogger(StopSignal.class);

    private static volatile boolean requested;
    private static volatile Runnable onStop;

    private StopSignal() {
    }

    @SuppressWarnings("restriction")
    static void install() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> request());
        } catch (IllegalArgumentException e) {
            log.debug("SIGTERM cannot be handled here: {}", e.getMessage());
        }
    }

    /** Who stops the work; called at once if the signal already came. */
    static void whenRequested(Runnable stop) {
        onStop = stop;
        if (requested) {
            stop.run();
        }
    }

    static boolean wasRequested() {
        return requested;
    }

    private static void request() {
        log.warn("SIGTERM: stopping at the next chunk boundary; run the same command again to resume");
        requested = true;
        Runnable stop = onStop;
        if (stop != null) {
            stop.run();
        }
    }
}
