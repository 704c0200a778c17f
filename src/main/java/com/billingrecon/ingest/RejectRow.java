package com.billingrecon.ingest;

import com.billingrecon.domain.RejectReason;

/** A row of the reject report. */
public record RejectRow(String file, long line, RejectReason reason, String detail, String record) {
}
