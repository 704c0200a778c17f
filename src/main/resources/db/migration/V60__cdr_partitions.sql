-- Remote partitioning of the CDR ingestion (nightly --partitions=P).

-- The requests to run a partition, as Spring Integration's JDBC channel message store keeps them
-- (its schema-postgresql.sql, the channel's table only): each message is taken by one worker
-- (DELETE ... FOR UPDATE SKIP LOCKED).
CREATE SEQUENCE int_message_seq START WITH 1 INCREMENT BY 1 NO CYCLE;

CREATE TABLE int_channel_message (
    message_id       char(36) NOT NULL,
    group_key        char(36) NOT NULL,
    created_date     bigint NOT NULL,
    message_priority bigint,
    message_sequence bigint NOT NULL DEFAULT nextval('int_message_seq'),
    message_content  bytea,
    region           varchar(100) NOT NULL,
    CONSTRAINT int_channel_message_pk PRIMARY KEY (region, group_key, created_date, message_sequence)
);

CREATE INDEX int_channel_msg_delete_idx ON int_channel_message (region, group_key, message_id);

-- Each partition's control counts per file, kept apart so that partitions never update one row together;
-- summed into input_file after the partitioned step, in the same transaction that deletes them.
CREATE TABLE cdr_partition_count (
    business_date   date NOT NULL,
    partition       integer NOT NULL,
    file_name       text NOT NULL,
    rows_read       bigint NOT NULL,
    accepted        bigint NOT NULL,
    duplicates      bigint NOT NULL,
    rejected        bigint NOT NULL,
    accepted_amount numeric NOT NULL,
    PRIMARY KEY (business_date, partition, file_name)
);
