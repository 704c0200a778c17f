-- The optional payment_terms_days column of accounts.csv: null means the configured default applies, so a
-- change of the default reaches every account that does not say otherwise.
ALTER TABLE account ADD COLUMN payment_terms_days integer;
