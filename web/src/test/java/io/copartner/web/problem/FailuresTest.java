package io.copartner.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FailuresTest {

    /** As JTA, JPA and Hibernate wrap it: TransactionalException → RollbackException → PersistenceException → SQL. */
    static Throwable wrapped(SQLException sql) {
        RollbackException rollback = new RollbackException("rolled back");
        rollback.initCause(new PersistenceException("could not execute statement", sql));
        return new TransactionalException("commit failed", rollback);
    }

    @ParameterizedTest
    @CsvSource({
        "08001, unavailable", "08006, unavailable", "53300, unavailable", "57P01, unavailable", "57P03, unavailable",
        "40001, unavailable", "23505, conflict", "23503, conflict", "22003, validation", "22001, validation",
        "22P02, validation"})
    void sqlStatesThroughTheWholeChain(String state, String slug) {
        Problem p = Failures.problemFor(wrapped(new SQLException("boom", state))).orElseThrow();
        assertEquals(ProblemType.BASE + slug, p.type().toString());
        assertTrue(!p.detail().contains("boom"), "the driver's message (it may hold data) is not echoed");
    }

    @Test
    void aNextExceptionCounts() {
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("duplicate", "23505"));
        assertEquals(ProblemType.CONFLICT.uri(), Failures.problemFor(new IllegalStateException(batch)).orElseThrow().type());
    }

    @Test
    void aPoolTimeoutWithoutStateIsUnavailable() {
        assertEquals(ProblemType.UNAVAILABLE.uri(), Failures.problemFor(
            new PersistenceException(new SQLTransientConnectionException("J2CA0045E"))).orElseThrow().type());
    }

    @Test
    void aNotNullViolationOrAPlainBugStaysUnknown() {
        assertEquals(Optional.empty(), Failures.problemFor(wrapped(new SQLException("null", "23502"))));
        assertEquals(Optional.empty(), Failures.problemFor(new NullPointerException()));
    }

    @Test
    void aWrappedProblemIsFound() {
        Throwable t = new RuntimeException(new IllegalStateException(ProblemException.badRequest("1.9 is not an integer")));
        assertEquals(ProblemType.VALIDATION.uri(), Failures.problemFor(t).orElseThrow().type());
    }

    @Test
    void unmappedStatusesGetOurOwnTypes() {
        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE.uri(), WebApplicationExceptionMapper.problemFor(415, "RESTEASY003200").type());
        assertEquals(ProblemType.METHOD_NOT_ALLOWED.uri(), WebApplicationExceptionMapper.problemFor(405, null).type());
        assertEquals(ProblemType.NOT_ACCEPTABLE.uri(), WebApplicationExceptionMapper.problemFor(406, null).type());
    }
}
