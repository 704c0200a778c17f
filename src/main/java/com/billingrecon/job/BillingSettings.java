package com.billingrecon.job;

import java.time.ZoneId;
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

    /** A usage error when the database already bills in another zone; writes nothing. */
    public void requireZone(ZoneId zone) {
        storedZone().filter(stored -> !stored.equals(zone.getId())).ifPresent(stored -> {
            throw new UsageException("this database bills in zone " + stored + "; --billing-zone=" + zone.getId()
                    + " would mix two calendars");
        });
    }

    /** Fixes the zone on the first run, once every usage check has passed. */
    public void fixZone(ZoneId zone) {
        jdbc.update("INSERT INTO billing_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                ZONE, zone.getId());
    }

    private java.util.Optional<String> storedZone() {
        return jdbc.queryForList("SELECT value FROM billing_setting WHERE name = ?", String.class, ZONE)
                .stream().findFirst();
    }
}
