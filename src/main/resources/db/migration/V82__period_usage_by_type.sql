-- Completed usage per billing period, account and CDR type: the journal's revenue split of a month-close
-- invoice (revenue per product) is read from these running totals instead of summing the month's history by type
-- again, so that a close day costs the same whatever the month holds. Kept by the same statements as
-- period_total (each day's items, a rerun's rollback). A month archived before this table existed has no rows
-- here (its history is in its archive file; restore counts it again); the check leaves archived months out.

-- A rerun left unfinished keeps the CDRs of unchanged files in the totals without their days being totalled days:
-- the backfill would leave them out. It is finished with the previous release first.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM rerun WHERE status = 'IN_PROGRESS') THEN
        RAISE EXCEPTION 'an unfinished rerun: finish it with the previous release, then upgrade';
    END IF;
END $$;
CREATE TABLE period_usage_total (
    billing_period date     NOT NULL,
    account_id     text     NOT NULL,
    type           cdr_type NOT NULL,
    usage          numeric  NOT NULL,
    PRIMARY KEY (billing_period, account_id, type)
);

-- the items the totals are computed from gain their CDR's type (null for charges, payments and invoices)
CREATE OR REPLACE VIEW totalled_item AS
SELECT account_id, billing_period, 'CDR'::text AS item_kind, cdr_id AS item_id, status, amount, business_date,
       type AS usage_type
FROM cdr
UNION ALL
SELECT account_id, billing_period, 'CHARGE', charge_id, NULL, amount, business_date, NULL FROM charge
UNION ALL
SELECT account_id, NULL, 'PAYMENT', payment_id, NULL, amount, business_date, NULL FROM payment
UNION ALL
SELECT account_id, NULL, 'INVOICE', invoice_no, NULL, total, issue_date, NULL FROM invoice
WHERE status NOT IN ('SUPERSEDED', 'VOID');

INSERT INTO period_usage_total (billing_period, account_id, type, usage)
SELECT billing_period, account_id, type, sum(amount)
FROM cdr_history
WHERE status = 'COMPLETED' AND business_date IN (SELECT business_date FROM totalled_day) -- as period_total has them
GROUP BY billing_period, account_id, type;
