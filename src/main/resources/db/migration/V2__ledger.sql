-- The ledger: what was taken in, what was billed, what was paid. Money is numeric, never float.
-- Periods are stored as the first day of their month (a date), in the billing zone.

-- Settings fixed for the life of a database (the billing zone).
CREATE TABLE billing_setting (
    name  text PRIMARY KEY,
    value text NOT NULL
);

-- A business day whose reports were written; the greatest is the last run date.
CREATE TABLE business_day (
    business_date date PRIMARY KEY,
    closed_at     timestamptz NOT NULL DEFAULT now()
);

-- Accounts as accepted from accounts.csv; credit is unapplied money (overpayments, credit notes).
CREATE TABLE account (
    account_id     text PRIMARY KEY,
    name           text    NOT NULL,
    currency       text    NOT NULL,
    invoicing_mode text    NOT NULL,
    credit_limit   numeric NOT NULL,
    tax_rate       numeric NOT NULL,
    minor_units    integer NOT NULL,
    fingerprint    text    NOT NULL,
    credit         numeric NOT NULL DEFAULT 0
);

-- Every input file taken in (or rejected whole), with its control counts.
CREATE TABLE input_file (
    file_name       text PRIMARY KEY,
    kind            text    NOT NULL,
    business_date   date,
    order_key       text    NOT NULL,
    sha256          text,
    status          text    NOT NULL,
    rows_read       bigint  NOT NULL DEFAULT 0,
    accepted        bigint  NOT NULL DEFAULT 0,
    duplicates      bigint  NOT NULL DEFAULT 0,
    rejected        bigint  NOT NULL DEFAULT 0,
    accepted_amount numeric NOT NULL DEFAULT 0,
    detail          text
);
CREATE INDEX input_file_day_idx ON input_file (business_date, order_key);

-- Names listed in a day's reconciliation besides the processed files: UNRECOGNIZED and HELD.
CREATE TABLE day_listing (
    business_date date NOT NULL,
    file_name     text NOT NULL,
    status        text NOT NULL,
    detail        text,
    PRIMARY KEY (business_date, file_name)
);

CREATE TABLE reject (
    file_name text   NOT NULL,
    line      bigint NOT NULL,
    reason    text   NOT NULL,
    detail    text,
    record    text   NOT NULL,
    PRIMARY KEY (file_name, line)
);

-- Every accepted CDR record, in the order taken in: the audit trail, and the CDRs' state. A record
-- replaced by a later one of the same CDR gets superseded_on = the business date of the later one;
-- a rerun rolls back by deleting later records and clearing later superseded_on dates.
-- billing_period is B by the late usage rule. One index only: ingestion writes millions of rows.
CREATE TABLE cdr_history (
    cdr_id         text    NOT NULL,
    account_id     text    NOT NULL,
    type           text    NOT NULL,
    start_time     text    NOT NULL,
    event_date     date    NOT NULL,
    duration_s     bigint  NOT NULL,
    amount         numeric NOT NULL,
    currency       text    NOT NULL,
    status         text    NOT NULL,
    billing_period date    NOT NULL,
    file_name      text    NOT NULL,
    line           bigint  NOT NULL,
    business_date  date    NOT NULL,
    fingerprint    text    NOT NULL,
    order_key      text    NOT NULL,
    superseded_on  date
);
CREATE UNIQUE INDEX cdr_current_idx ON cdr_history (cdr_id) WHERE superseded_on IS NULL;

-- The current state of every CDR: its latest accepted record.
CREATE VIEW cdr AS
SELECT cdr_id, account_id, type, start_time, event_date, duration_s, amount, currency, status, billing_period,
       file_name, line, business_date, fingerprint
FROM cdr_history WHERE superseded_on IS NULL;

CREATE TABLE charge (
    charge_id      text PRIMARY KEY,
    account_id     text    NOT NULL,
    type           text    NOT NULL,
    charge_date    date    NOT NULL,
    amount         numeric NOT NULL,
    currency       text    NOT NULL,
    description    text    NOT NULL,
    billing_period date    NOT NULL,
    file_name      text    NOT NULL,
    line           bigint  NOT NULL,
    business_date  date    NOT NULL,
    fingerprint    text    NOT NULL
);
CREATE INDEX charge_account_period_idx ON charge (account_id, billing_period);
CREATE INDEX charge_day_idx ON charge (business_date);

CREATE TABLE payment (
    payment_id    text PRIMARY KEY,
    account_id    text    NOT NULL,
    payment_date  date    NOT NULL,
    amount        numeric NOT NULL,
    currency      text    NOT NULL,
    method        text    NOT NULL,
    invoice_ref   text    NOT NULL,
    file_name     text    NOT NULL,
    order_key     text    NOT NULL,
    line          bigint  NOT NULL,
    business_date date    NOT NULL,
    fingerprint   text    NOT NULL
);
CREATE INDEX payment_day_idx ON payment (business_date, order_key, line);
CREATE INDEX payment_account_idx ON payment (account_id);

-- Invoices in every revision; the register shows the current one unless SUPERSEDED or VOID.
CREATE TABLE invoice (
    invoice_no text    NOT NULL,
    revision   integer NOT NULL,
    account_id text    NOT NULL,
    kind       text    NOT NULL,
    period     date    NOT NULL,
    charge_id  text    NOT NULL DEFAULT '',
    issue_date date    NOT NULL,
    subtotal   numeric NOT NULL,
    tax        numeric NOT NULL,
    total      numeric NOT NULL,
    paid       numeric NOT NULL DEFAULT 0,
    status     text    NOT NULL,
    item_count bigint  NOT NULL,
    items_digest bigint NOT NULL,
    PRIMARY KEY (invoice_no, revision)
);
CREATE INDEX invoice_account_idx ON invoice (account_id, status);
CREATE INDEX invoice_issue_idx ON invoice (issue_date);

-- What each current invoice holds: the CDRs and charges behind its subtotal. Completed CDRs and
-- charges never change once invoiced, so the lines are derived rather than copied; a revision keeps
-- its item count and an order-independent digest of its lines instead.
CREATE VIEW invoice_item AS
SELECT i.invoice_no, i.revision, 'CHARGE' AS item_kind, c.charge_id AS item_id, c.amount
FROM invoice i JOIN charge c ON c.account_id = i.account_id AND c.charge_id = i.charge_id
WHERE i.kind = 'INDIVIDUAL' AND i.status NOT IN ('SUPERSEDED', 'VOID')
UNION ALL
SELECT i.invoice_no, i.revision, 'CDR', u.cdr_id, u.amount
FROM invoice i JOIN cdr u ON u.account_id = i.account_id AND u.billing_period = i.period AND u.status = 'COMPLETED'
WHERE i.kind IN ('MONTHLY_USAGE', 'CONSOLIDATED') AND i.status NOT IN ('SUPERSEDED', 'VOID')
UNION ALL
SELECT i.invoice_no, i.revision, 'CHARGE', c.charge_id, c.amount
FROM invoice i JOIN charge c ON c.account_id = i.account_id AND c.billing_period = i.period
WHERE i.kind = 'CONSOLIDATED' AND i.status NOT IN ('SUPERSEDED', 'VOID');

-- Every application of money to an invoice: a payment, a credit note or carried credit.
CREATE TABLE allocation (
    business_date date    NOT NULL,
    account_id    text    NOT NULL,
    seq           integer NOT NULL,
    source        text    NOT NULL,
    invoice_no    text    NOT NULL,
    amount        numeric NOT NULL,
    PRIMARY KEY (business_date, account_id, seq)
);

-- A rerun of a billing period in progress or done: the ledger was rolled back to the end of
-- restart_from - 1 day and the days up to last_day are replayed.
CREATE TABLE rerun (
    rerun_id     integer PRIMARY KEY,
    period       date    NOT NULL,
    restart_from date    NOT NULL,
    last_day     date    NOT NULL,
    status       text    NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now()
);

-- The invoices a rerun set aside, with the revision that was current: compared with what the
-- replay issues to decide revisions, SUPERSEDED and VOID.
CREATE TABLE rerun_invoice (
    rerun_id     integer NOT NULL,
    invoice_no   text    NOT NULL,
    old_revision integer NOT NULL,
    PRIMARY KEY (rerun_id, invoice_no)
);
