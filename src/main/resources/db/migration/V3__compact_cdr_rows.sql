-- Smaller rows for the largest table (CDR history), which every night's COPY writes:
-- a fingerprint is now the MD5 (hex) of the joined text of a record's required columns instead of
-- that text itself, and cdr_history no longer repeats its file's order key (nothing reads it).
-- md5() of the old joined text in UTF-8 is exactly the new fingerprint, so identical re-sent rows stay
-- duplicates (convert_to: a database in another encoding would hash other bytes).
UPDATE account SET fingerprint = md5(convert_to(fingerprint, 'UTF8'));
UPDATE charge SET fingerprint = md5(convert_to(fingerprint, 'UTF8'));
UPDATE payment SET fingerprint = md5(convert_to(fingerprint, 'UTF8'));
UPDATE cdr_history SET fingerprint = md5(convert_to(fingerprint, 'UTF8'));
ALTER TABLE cdr_history DROP COLUMN order_key;
