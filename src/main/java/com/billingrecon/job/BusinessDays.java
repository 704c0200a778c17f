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

    public void close(LocalDate day) {
        jdbc.update("INSERT INTO business_day (business_date) VALUES (?) ON CONFLICT DO NOTHING", day);
    }
}
