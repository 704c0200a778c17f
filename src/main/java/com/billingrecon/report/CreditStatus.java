package com.billingrecon.report;

/** Whether an account has spent more than its credit limit allows this month. */
public enum CreditStatus {
    OK,
    OVER_LIMIT
}
