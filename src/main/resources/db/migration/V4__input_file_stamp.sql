-- What a file looked like on disk when its SHA-256 was taken (size, modification and status-change
-- times, inode): while it is the same, the file's bytes were not written since, so the nightly check
-- for changed files of reported days need not read the file again. Null: unknown, the file is hashed.
ALTER TABLE input_file ADD COLUMN stamp text;
