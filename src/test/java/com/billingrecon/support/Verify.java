package com.billingrecon.support;

import com.billingrecon.totals.TotalsCheck;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What the verify command finds in a test database, without starting the application: cheap after any scenario. */
public final class Verify {

    private Verify() {
    }

    /** One line per figure the ledger keeps that its history does not give; empty when they all agree. */
    public static List<String> differences(String dbUrl) {
        return new TotalsCheck(new JdbcTemplate(new DriverManagerDataSource(dbUrl))).differences().stream()
                .map(TotalsCheck.Difference::line).toList();
    }
}
