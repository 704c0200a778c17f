-- What a rerun needs to keep the CDRs of unchanged files and decide again only the rows whose cdr_id also
-- appears in a changed, new or missing file (rerun/CdrReplayScope).
--   cdr_duplicate      every CDR row found a duplicate: its file, line and cdr_id, so that the row can be
--                      decided again without reading its whole file (CdrLedger);
--   reject.item_id     the cdr_id of a CDR row rejected by an id rule (ID_CONFLICT, ALREADY_FINAL);
--   input_file.ids_recorded   the file's duplicates and id rejects are recorded as above (files taken in before
--                      this version are not: a rerun over one of them replays everything from its first day);
--   input_file.kept_by_rerun  an unchanged CDR file whose records the unfinished rerun keeps (its days skip it);
--   cdr_rerun_scope    the cdr_ids the unfinished rerun decides again;
--   cdr_rerun_row      the rows of kept files it decides again (read again from their files).
CREATE TABLE cdr_duplicate (
    file_id integer NOT NULL,
    line    bigint  NOT NULL,
    cdr_id  text    NOT NULL,
    PRIMARY KEY (file_id, line)
);
CREATE INDEX cdr_duplicate_id_idx ON cdr_duplicate (cdr_id);

ALTER TABLE reject ADD COLUMN item_id text;
CREATE INDEX reject_item_idx ON reject (item_id) WHERE item_id IS NOT NULL;

ALTER TABLE input_file ADD COLUMN ids_recorded boolean NOT NULL DEFAULT false;
ALTER TABLE input_file ALTER COLUMN ids_recorded SET DEFAULT true;
ALTER TABLE input_file ADD COLUMN kept_by_rerun boolean NOT NULL DEFAULT false;

CREATE TABLE cdr_rerun_scope (
    cdr_id text PRIMARY KEY
);

CREATE TABLE cdr_rerun_row (
    file_id integer NOT NULL,
    line    bigint  NOT NULL,
    PRIMARY KEY (file_id, line)
);
