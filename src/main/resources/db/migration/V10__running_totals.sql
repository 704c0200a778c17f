-- Running totals, so that a night reads the accounts and the day's rows instead of the whole history:
-- per account over all periods (reserved by ONGOING CDRs, completed usage, charges, payments received,
-- totals of the current invoice revisions) and per account and billing period (completed usage and
-- charges, each with its item count and order-independent item digest, which month-close invoicing
-- issues as they are). A day's CDRs, charges and payments are added by the day's dayTotals step;
-- invoices as they are issued or revised; a rerun's rollback subtracts what it takes away.
CREATE TABLE account_total (
    account_id text    PRIMARY KEY,
    reserved   numeric NOT NULL,
    usage      numeric NOT NULL,
    charges    numeric NOT NULL,
    payments   numeric NOT NULL,
    invoiced   numeric NOT NULL
);

CREATE TABLE period_total (
    billing_period date    NOT NULL,
    account_id     text    NOT NULL,
    usage          numeric NOT NULL,
    usage_items    bigint  NOT NULL,
    usage_digest   bigint  NOT NULL,
    charges        numeric NOT NULL,
    charge_items   bigint  NOT NULL,
    charge_digest  bigint  NOT NULL,
    PRIMARY KEY (billing_period, account_id)
);

-- The business days whose CDRs, charges and payments are in the totals: a step that committed but whose
-- status was not saved (the process killed in between) runs again on restart, and must not add them twice.
CREATE TABLE totalled_day (
    business_date date PRIMARY KEY
);

-- The history is appended in business-date order, so a block-range index finds a day's rows (for its
-- totals and for a rollback) at almost no cost to COPY; records are superseded rarely, so that index is small.
CREATE INDEX cdr_history_day_idx ON cdr_history USING brin (business_date) WITH (autosummarize = on);
CREATE INDEX cdr_history_superseded_idx ON cdr_history (superseded_on) WHERE superseded_on IS NOT NULL;

-- Everything that moves a total, as the ledger holds it now: the recomputation of the totals from history.
CREATE VIEW totalled_item AS
SELECT account_id, billing_period, 'CDR'::text AS item_kind, cdr_id AS item_id, status, amount, business_date
FROM cdr
UNION ALL
SELECT account_id, billing_period, 'CHARGE', charge_id, NULL, amount, business_date FROM charge
UNION ALL
SELECT account_id, NULL, 'PAYMENT', payment_id, NULL, amount, business_date FROM payment
UNION ALL
SELECT account_id, NULL, 'INVOICE', invoice_no, NULL, total, issue_date FROM invoice
WHERE status NOT IN ('SUPERSEDED', 'VOID');

-- A rerun left unfinished by the previous release replays days that are already closed: its totals cannot be
-- told apart from the closed days'. It is finished with that release first.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM rerun WHERE status = 'IN_PROGRESS') THEN
        RAISE EXCEPTION 'an unfinished rerun: finish it with the previous release, then upgrade';
    END IF;
END $$;

-- An existing ledger: the totals as of the end of its last closed day. The rows of a day begun but not
-- closed are added by that day's dayTotals step when the day is resumed; invoices are counted as issued.
CREATE TEMPORARY TABLE upgrade_item AS
WITH closed AS (SELECT coalesce(max(business_date), '-infinity'::date) AS day FROM business_day)
SELECT h.account_id, h.billing_period, 'CDR'::text AS item_kind, h.cdr_id AS item_id, h.status, h.amount
FROM cdr_history h, closed
WHERE h.business_date <= closed.day AND (h.superseded_on IS NULL OR h.superseded_on > closed.day)
UNION ALL
SELECT c.account_id, c.billing_period, 'CHARGE', c.charge_id, NULL, c.amount FROM charge c, closed
WHERE c.business_date <= closed.day
UNION ALL
SELECT p.account_id, NULL, 'PAYMENT', p.payment_id, NULL, p.amount FROM payment p, closed
WHERE p.business_date <= closed.day
UNION ALL
SELECT account_id, NULL, 'INVOICE', invoice_no, NULL, total FROM invoice WHERE status NOT IN ('SUPERSEDED', 'VOID');

INSERT INTO period_total (billing_period, account_id, usage, usage_items, usage_digest, charges, charge_items,
                          charge_digest)
SELECT billing_period, account_id,
       coalesce(sum(amount) FILTER (WHERE item_kind = 'CDR'), 0),
       count(*) FILTER (WHERE item_kind = 'CDR'),
       coalesce(sum(hashtext(item_kind || ':' || item_id || ':' || trim_scale(amount)::text)::bigint)
                FILTER (WHERE item_kind = 'CDR'), 0),
       coalesce(sum(amount) FILTER (WHERE item_kind = 'CHARGE'), 0),
       count(*) FILTER (WHERE item_kind = 'CHARGE'),
       coalesce(sum(hashtext(item_kind || ':' || item_id || ':' || trim_scale(amount)::text)::bigint)
                FILTER (WHERE item_kind = 'CHARGE'), 0)
FROM upgrade_item
WHERE (item_kind = 'CDR' AND status = 'COMPLETED') OR item_kind = 'CHARGE'
GROUP BY billing_period, account_id;

INSERT INTO account_total (account_id, reserved, usage, charges, payments, invoiced)
SELECT account_id,
       coalesce(sum(amount) FILTER (WHERE item_kind = 'CDR' AND status = 'ONGOING'), 0),
       coalesce(sum(amount) FILTER (WHERE item_kind = 'CDR' AND status = 'COMPLETED'), 0),
       coalesce(sum(amount) FILTER (WHERE item_kind = 'CHARGE'), 0),
       coalesce(sum(amount) FILTER (WHERE item_kind = 'PAYMENT'), 0),
       coalesce(sum(amount) FILTER (WHERE item_kind = 'INVOICE'), 0)
FROM upgrade_item
GROUP BY account_id;

DROP TABLE upgrade_item;

INSERT INTO totalled_day (business_date) SELECT business_date FROM business_day;
