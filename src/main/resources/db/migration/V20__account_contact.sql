-- The optional columns of accounts.csv that documents are addressed with; '' where a file does not give them.
ALTER TABLE account
    ADD COLUMN billing_address     text NOT NULL DEFAULT '',
    ADD COLUMN billing_postal_code text NOT NULL DEFAULT '',
    ADD COLUMN billing_country     text NOT NULL DEFAULT '',
    ADD COLUMN tax_id              text NOT NULL DEFAULT '',
    ADD COLUMN peppol_id           text NOT NULL DEFAULT '',
    ADD COLUMN email               text NOT NULL DEFAULT '';
