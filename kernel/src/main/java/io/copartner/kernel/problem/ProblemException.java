package io.copartner.kernel.problem;

import java.util.Objects;

/**
 * An exception that already knows how it should be reported to the client. Domain and service code
 * throws it; the web module maps it to an {@code application/problem+json} response.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, Throwable cause) {
        super(message(problem), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException of(ProblemType type, String detail) {
        return new ProblemException(Problem.of(type, detail));
    }

    public static ProblemException badRequest(String detail) {
        return of(ProblemType.VALIDATION, detail);
    }

    public static ProblemException malformed(String detail) {
        return of(ProblemType.MALFORMED_REQUEST, detail);
    }

    public static ProblemException unauthorized(String detail) {
        return of(ProblemType.UNAUTHORIZED, detail);
    }

    public static ProblemException forbidden(String detail) {
        return of(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException notFound(String detail) {
        return of(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return of(ProblemType.CONFLICT, detail);
    }

    public static ProblemException idempotencyConflict(String detail) {
        return of(ProblemType.IDEMPOTENCY_CONFLICT, detail);
    }

    public static ProblemException insufficientFunds(String detail) {
        return of(ProblemType.INSUFFICIENT_FUNDS, detail);
    }

    public static ProblemException unavailable(String detail, Throwable cause) {
        return new ProblemException(Problem.of(ProblemType.UNAVAILABLE, detail), cause);
    }

    public static ProblemException unavailable(String detail) {
        return unavailable(detail, null);
    }

    public static ProblemException internal(String detail, Throwable cause) {
        return new ProblemException(Problem.of(ProblemType.INTERNAL, detail), cause);
    }

    private static String message(Problem problem) {
        Objects.requireNonNull(problem, "problem must not be null");
        return problem.status() + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail());
    }
}
