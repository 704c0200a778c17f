package com.billingrecon.ingest.rows;

import java.util.Optional;

/** The accepted accounts, as the row rules need them (UNKNOWN_ACCOUNT, CURRENCY_MISMATCH). */
@FunctionalInterface
public interface AccountLookup {

    Optional<String> currencyOf(String accountId);
}
