package com.billingrecon.domain;

/** Why a row was rejected, in the order the checks run (SPEC §3): the first that applies is reported. */
public enum RejectReason {
    MALFORMED,
    MISSING_ID,
    UNKNOWN_ACCOUNT,
    INVALID_MODE,
    INVALID_CURRENCY,
    INVALID_AMOUNT,
    /** accounts.csv: payment_terms_days is given but is not a whole number of days from 0 to 3650. */
    INVALID_PAYMENT_TERMS,
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
