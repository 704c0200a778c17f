-- What of the accounts each day's rows were checked against, as the day was closed (or last replayed): a digest
-- of every account id with its currency, the only part of the accounts a CDR's verdict depends on (UNKNOWN_ACCOUNT,
-- CURRENCY_MISMATCH). A rerun after accounts.csv changed keeps the CDRs of unchanged files when every replayed day
-- has the digest the current accounts give; a day closed before this column existed has none, and is replayed whole.
ALTER TABLE business_day ADD COLUMN account_currencies text;
