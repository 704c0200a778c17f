package com.billingrecon.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.billingrecon.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DatabaseStartTests {

    /**
     * The context asks for its first connection while the database is still starting: it gets one only once the
     * lock is held and the schema is current, so nothing it does can reach a ledger that is not ready.
     */
    @Test
    void aConnectionAskedForBeforeTheDatabaseIsReadyWaitsForTheLockAndTheMigratedSchema() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        CountDownLatch serverUp = new CountDownLatch(1);
        try (DatabaseStart start = DatabaseStart.begin(() -> {
            serverUp.await();
            return Database.external(url, "postgres", null);
        })) {
            CompletableFuture<Integer> migrations = CompletableFuture.supplyAsync(() -> {
                try (Connection connection = start.dataSource().getConnection();
                     Statement statement = connection.createStatement();
                     ResultSet count = statement.executeQuery(
                             "SELECT count(*) FROM flyway_schema_history WHERE success")) {
                    count.next();
                    return count.getInt(1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(migrations).as("still waiting for the database").isNotDone();

            serverUp.countDown();

            assertThat(migrations.get(60, TimeUnit.SECONDS)).isEqualTo(Migrations.inJar().size());
            assertThat(start.awaitReady().migrated()).isTrue();
            try (Database other = Database.external(url, "postgres", null)) {
                assertThatThrownBy(() -> RunLock.acquire(other.dataSource()))
                        .as("the run lock is held").isInstanceOf(AnotherRunException.class);
            }
        }
    }

    /** Another run holding the database stops the start; that failure is what the run sees, not a wrapped one. */
    @Test
    void aStartRefusedBecauseAnotherRunHoldsTheDatabaseIsThrownAsAnotherRun() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        try (Database first = Database.external(url, "postgres", null);
             RunLock held = RunLock.acquire(first.dataSource());
             DatabaseStart second = DatabaseStart.begin(() -> Database.external(url, "postgres", null))) {

            assertThatThrownBy(second::awaitReady).isInstanceOf(AnotherRunException.class);
            assertThatThrownBy(() -> second.dataSource().getConnection())
                    .hasRootCauseInstanceOf(AnotherRunException.class);
        }
    }
}
