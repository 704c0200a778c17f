-- The SHA-256 of accounts.csv as each day was closed (or last replayed) with it. accounts.csv applies to every
-- day a run covers, so a rerun replays from the first day of its period closed with other accounts than the
-- current file; a day closed before this column existed has none, and counts as closed with other accounts.
ALTER TABLE business_day ADD COLUMN accounts_sha256 text;
