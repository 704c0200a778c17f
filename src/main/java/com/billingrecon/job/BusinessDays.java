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

    /** Closes the day, closed with the accounts of this digest. */
    public void close(LocalDate day, String accountsSha256) {
        jdbc.update("INSERT INTO business_day (business_date, accounts_sha256) VALUES (?, ?) ON CONFLICT DO NOTHING",
                day, accountsSha256);
    }

    /** A rerun replayed the closed day with the accounts of this digest. */
    public void replayed(LocalDate day, String accountsSha256) {
        jdbc.update("UPDATE business_day SET accounts_sha256 = ? WHERE business_date = ?", accountsSha256, day);
    }

    /** The first day of {@code from..to} closed (or last replayed) with accounts other than those of this digest. */
    public Optional<LocalDate> firstClosedWithOtherAccounts(LocalDate from, LocalDate to, String accountsSha256) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT min(business_date) FROM business_day "
                        + "WHERE business_date BETWEEN ? AND ? AND accounts_sha256 IS DISTINCT FROM ?",
                LocalDate.class, from, to, accountsSha256));
    }
}
