package com.billingrecon.nightly;

import com.billingrecon.cli.UsageException;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The billing zone is fixed for the life of a database: periods and late-usage decisions already
 * stored were made in it, so a run in another zone would mix two calendars.
 */
@Repository
public class BillingSettings {

    private static final String ZONE = "billing_zone";

    private final JdbcTemplate jdbc;

    public BillingSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void requireZone(ZoneId zone) {
        List<String> stored = jdbc.queryForList("SELECT value FROM billing_setting WHERE name = ?", String.class, ZONE);
        if (stored.isEmpty()) {
            jdbc.update("INSERT INTO billing_setting (name, value) VALUES (?, ?)", ZONE, zone.getId());
        } else if (!stored.get(0).equals(zone.getId())) {
            throw new UsageException("this database bills in zone " + stored.get(0) + "; --billing-zone="
                    + zone.getId() + " would mix two calendars");
        }
    }
}
