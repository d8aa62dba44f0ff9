package dev.registrar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

class StoreAvailabilityTest {

    @Test
    void aRollbackOnAConnectionTheServerClosedIsTheStoreBeingAway() {
        assertThat(StoreAvailability.isUnavailable(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(StoreAvailability.isUnavailable(new RuntimeException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void aLostConnectionIsTheStoreBeingAwayAndAConstraintViolationIsNot() {
        assertThat(StoreAvailability.isUnavailable(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(StoreAvailability.isUnavailable(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
    }
}
