package com.billingrecon.ingest;

import com.billingrecon.domain.RejectReason;

/**
 * A row of the reject report; {@code itemId} is the id of a row rejected by an id rule (ID_CONFLICT,
 * ALREADY_FINAL), which a rerun decides again when that id changes, and null otherwise.
 */
public record RejectRow(String file, long line, RejectReason reason, String detail, String record, String itemId) {
}
