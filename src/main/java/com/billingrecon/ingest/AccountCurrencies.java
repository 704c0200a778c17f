package com.billingrecon.ingest;

import com.billingrecon.ingest.rows.AccountLookup;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The accepted accounts' currencies, loaded once per step: a few bytes per account. */
public final class AccountCurrencies implements AccountLookup {

    private final Map<String, String> currencies = new HashMap<>();

    public AccountCurrencies(JdbcTemplate jdbc) {
        jdbc.query("SELECT account_id, currency FROM account",
                (java.sql.ResultSet rs) -> {
                    currencies.put(rs.getString(1), rs.getString(2));
                });
    }

    @Override
    public Optional<String> currencyOf(String accountId) {
        return Optional.ofNullable(currencies.get(accountId));
    }
}
