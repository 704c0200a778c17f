package com.billingrecon.ingest.rows;

import com.billingrecon.domain.RejectReason;

/**
 * Thrown by a row rule to end the checks of a row: the rules then read top to bottom in the SPEC's order,
 * the first failing one wins. No stack trace is taken, so a reject costs no more than a return.
 */
final class RowRejected extends RuntimeException {

    private final RejectReason reason;

    RowRejected(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }

    String detail() {
        return getMessage();
    }
}
