package io.copartner.web.problem;

import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what a failure means for the client by looking through its whole cause chain: JSON-B, RESTEasy, Hibernate,
 * JPA and JTA wrap the exception that matters (a {@link ProblemException} raised while reading the body, or the
 * driver's {@link SQLException}) several layers deep. SQL failures are classified by SQLState (PostgreSQL codes,
 * which follow the SQL standard classes), never by message.
 */
public final class Failures {

    static final String DB_UNAVAILABLE = "The database is unreachable or overloaded; try again later.";
    static final String DB_CONFLICT = "The request conflicts with data already stored (a duplicate or a missing reference).";
    static final String DB_INVALID = "A value is out of range, too long or of the wrong form for storage.";

    private Failures() {
    }

    /** The problem this failure stands for, if any link of its cause chain says so; empty for a plain bug. */
    public static Optional<Problem> problemFor(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof ProblemException p && p.problem().status() != 500) {
                return Optional.of(p.problem());
            }
            if (t instanceof ProblemCarrier c) {
                return Optional.of(c.problem());
            }
        }
        for (Throwable t : chain) {
            Optional<ProblemType> type = sqlType(t);
            if (type.isPresent()) {
                return Optional.of(Problem.of(type.get(), switch (type.get()) {
                    case UNAVAILABLE -> DB_UNAVAILABLE;
                    case CONFLICT -> DB_CONFLICT;
                    default -> DB_INVALID;
                }));
            }
        }
        return Optional.empty();
    }

    /** 503 for a lost or refused connection, an exhausted pool or a shutting-down server; 409/400 for data errors. */
    static Optional<ProblemType> sqlType(Throwable t) {
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5) {
            Optional<ProblemType> byState = bySqlState(sql.getSQLState());
            if (byState.isPresent()) {
                return byState;
            }
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
            || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException) {
            return Optional.of(ProblemType.UNAVAILABLE);
        }
        // Liberty's pool timeout and Hibernate's connection failure, named so web needs neither on its class path.
        String name = t.getClass().getSimpleName();
        if (name.equals("ConnectionWaitTimeoutException") || name.equals("JDBCConnectionException")) {
            return Optional.of(ProblemType.UNAVAILABLE);
        }
        return Optional.empty();
    }

    static Optional<ProblemType> bySqlState(String state) {
        String cls = state.substring(0, 2);
        if (cls.equals("08") || cls.equals("53") || state.equals("57P01") || state.equals("57P02")
            || state.equals("57P03") || state.equals("57014") || state.equals("40001") || state.equals("40P01")) {
            // connection exception, insufficient resources (too many connections), admin/crash shutdown, cannot
            // connect now, statement timeout, serialization failure, deadlock: all worth a retry later.
            return Optional.of(ProblemType.UNAVAILABLE);
        }
        if (cls.equals("23") && !state.equals("23502")) {
            // unique, foreign key, exclusion, check: the stored data refuses it. A not-null violation is our bug.
            return Optional.of(ProblemType.CONFLICT);
        }
        if (cls.equals("22")) {
            // data exception: numeric out of range (22003), too long (22001), invalid text representation (22P02)...
            return Optional.of(ProblemType.VALIDATION);
        }
        return Optional.empty();
    }

    /** The failure and its causes (and a SQLException's next exceptions), outermost first, each once. */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>();
        todo.add(failure);
        while (!todo.isEmpty() && out.size() < 64) {
            Throwable t = todo.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.add(0, t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return out;
    }
}
