-- Smaller rows for the largest table (CDR history), which every night's COPY writes:
-- a fingerprint is now the MD5 (hex) of the joined text of a record's required columns instead of
-- that text itself, and cdr_history no longer repeats its file's order key (nothing reads it).
-- md5() of the old joined text is exactly the new fingerprint, so identical re-sent rows stay duplicates.
UPDATE account SET fingerprint = md5(fingerprint);
UPDATE charge SET fingerprint = md5(fingerprint);
UPDATE payment SET fingerprint = md5(fingerprint);
UPDATE cdr_history SET fingerprint = md5(fingerprint);
ALTER TABLE cdr_history DROP COLUMN order_key;
