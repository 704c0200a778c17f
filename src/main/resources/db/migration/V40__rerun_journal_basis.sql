-- What the journals posted for the days a rerun replays (before: taken just before the rollback) and what the
-- replayed ledger posts for them (after): their difference is the rerun folder's journal of adjusting entries.
-- Rows are per journal line; they are summed per key when that journal is written, then deleted.
CREATE TABLE rerun_journal_basis (
    rerun_id   integer NOT NULL,
    currency   text    NOT NULL,
    account_id text    NOT NULL,
    document   text    NOT NULL,
    gl_account text    NOT NULL,
    before     numeric NOT NULL,
    after      numeric NOT NULL
);
CREATE INDEX rerun_journal_basis_rerun ON rerun_journal_basis (rerun_id);
