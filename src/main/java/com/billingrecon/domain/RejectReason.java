package com.billingrecon.domain;

/** Why a row was rejected, in the order the checks run (SPEC §3): the first that applies is reported. */
public enum RejectReason {
    MALFORMED,
    MISSING_ID,
    UNKNOWN_ACCOUNT,
    INVALID_MODE,
    INVALID_CURRENCY,
    INVALID_AMOUNT,
    CURRENCY_MISMATCH,
    INVALID_TYPE,
    INVALID_STATUS,
    INVALID_DATE,
    NEGATIVE_DURATION,
    INVALID_DURATION,
    FUTURE_EVENT,
    ID_CONFLICT,
    ALREADY_FINAL
}
