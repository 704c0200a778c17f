package com.billingrecon.ingest.partition;

import javax.sql.DataSource;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.PollableChannel;

/**
 * The channel that carries the requests to run a partition from the manager to the workers: a Spring Integration
 * JDBC channel in the ledger's own PostgreSQL ({@code int_channel_message}, which this class alone writes), so a
 * worker needs nothing but the database. The PostgreSQL query provider takes each message with {@code FOR UPDATE
 * SKIP LOCKED}: one worker gets it. Only the request's types are deserialised.
 */
public final class PartitionRequests {

    static final String REGION = "cdr-partitions";
    private static final String GROUP = "cdrIngestionPartition";

    private final JdbcTemplate jdbc;
    private final QueueChannel channel;

    public PartitionRequests(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion(REGION);
        store.addAllowedPatterns("org.springframework.batch.integration.partition.StepExecutionRequest",
                "org.springframework.messaging.support.GenericMessage", "org.springframework.messaging.MessageHeaders",
                "java.util.UUID", "java.util.HashMap", "java.lang.*");
        store.afterPropertiesSet();
        this.channel = new QueueChannel(new MessageGroupQueue(store, GROUP));
        channel.setBeanName("cdrPartitionRequests");
    }

    public PollableChannel channel() {
        return channel;
    }

    /**
     * Deletes the requests left by an earlier attempt of the day (a worker would refuse them anyway: their
     * executions are no longer STARTING), before the manager sends this attempt's.
     */
    public void purge() {
        jdbc.update("DELETE FROM int_channel_message WHERE region = ?", REGION);
    }
}
