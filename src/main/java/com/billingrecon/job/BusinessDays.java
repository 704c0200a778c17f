package com.billingrecon.job;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The business days closed (their reports written); the latest is the last run date. */
@Repository
public class BusinessDays {

    private final JdbcTemplate jdbc;

    public BusinessDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LocalDate> lastRunDate() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT max(business_date) FROM business_day", LocalDate.class));
    }

    public boolean isClosed(LocalDate day) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM business_day WHERE business_date = ?)", Boolean.class, day));
    }

    /**
     * A digest of the accounts' ids and currencies (table {@code account} as loaded): what the rows' checks read
     * of the accounts. The same accounts in any order give the same digest.
     */
    private static final String ACCOUNT_CURRENCIES = "(SELECT md5(coalesce(string_agg(account_id || ' ' || currency, "
            + "',' ORDER BY account_id COLLATE \"C\"), '')) FROM account)";

    /** Closes the day, closed with the accounts of this digest (of accounts.csv) and the accounts loaded now. */
    public void close(LocalDate day, String accountsSha256) {
        jdbc.update("INSERT INTO business_day (business_date, accounts_sha256, account_currencies) VALUES (?, ?, "
                + ACCOUNT_CURRENCIES + ") ON CONFLICT DO NOTHING", day, accountsSha256);
    }

    /** A rerun replayed the closed day with the accounts of this digest (of accounts.csv) and the accounts loaded now. */
    public void replayed(LocalDate day, String accountsSha256) {
        jdbc.update("UPDATE business_day SET accounts_sha256 = ?, account_currencies = " + ACCOUNT_CURRENCIES
                + " WHERE business_date = ?", accountsSha256, day);
    }

    /**
     * Whether a day of {@code from..to} was closed (or last replayed) with other account ids or currencies than the
     * accounts loaded now, or before that was recorded: its rows' checks may give other verdicts now.
     */
    public boolean closedWithOtherAccountCurrencies(LocalDate from, LocalDate to) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM business_day WHERE business_date "
                + "BETWEEN ? AND ? AND account_currencies IS DISTINCT FROM " + ACCOUNT_CURRENCIES + ")", Boolean.class,
                from, to));
    }

    /** The first day of {@code from..to} closed (or last replayed) with accounts other than those of this digest. */
    public Optional<LocalDate> firstClosedWithOtherAccounts(LocalDate from, LocalDate to, String accountsSha256) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT min(business_date) FROM business_day "
                        + "WHERE business_date BETWEEN ? AND ? AND accounts_sha256 IS DISTINCT FROM ?",
                LocalDate.class, from, to, accountsSha256));
    }
}
