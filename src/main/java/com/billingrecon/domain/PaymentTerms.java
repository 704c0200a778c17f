package com.billingrecon.domain;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * When an invoice falls due: its issue date plus the account's payment terms in days, or the configured
 * default when the account gives none. Aging and documents both ask this class, so they agree on due dates.
 *
 * @param defaultDays the terms of an account whose {@code payment_terms_days} is empty
 */
public record PaymentTerms(int defaultDays) {

    /** Ten years: anything longer is a typing error, not terms. */
    public static final int MAX_DAYS = 3650;

    private static final Pattern WHOLE_DAYS = Pattern.compile("[0-9]{1,4}");

    public PaymentTerms {
        if (defaultDays < 0 || defaultDays > MAX_DAYS) {
            throw new IllegalArgumentException("payment terms must be 0.." + MAX_DAYS + " days, not " + defaultDays);
        }
    }

    /** The days an account pays in: its own terms when it has them (null: none given). */
    public int daysFor(Integer accountDays) {
        return accountDays == null ? defaultDays : accountDays;
    }

    public LocalDate dueDate(LocalDate issueDate, Integer accountDays) {
        return issueDate.plusDays(daysFor(accountDays));
    }

    /** Whether {@code text} is a number of days this class takes: plain digits, 0..{@link #MAX_DAYS}. */
    public static boolean isDays(String text) {
        return WHOLE_DAYS.matcher(text).matches() && Integer.parseInt(text) <= MAX_DAYS;
    }
}
