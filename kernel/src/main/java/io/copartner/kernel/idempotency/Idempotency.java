package io.copartner.kernel.idempotency;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import java.util.Objects;

/**
 * The decision for a key that is already stored: replay its answer, or refuse. Pure, so the rule is the same
 * wherever the row comes from (a claim that lost the race, or a look before work outside the database).
 */
public final class Idempotency {

    private Idempotency() {
    }

    /** What the store holds for a key: the first request's operation, caller, fingerprint and answer (null until done). */
    public record Stored(String operation, PartyId caller, String fingerprint, String result) {
        public Stored {
            Objects.requireNonNull(operation, "operation must not be null");
            Objects.requireNonNull(caller, "caller must not be null");
            Objects.requireNonNull(fingerprint, "fingerprint must not be null");
        }
    }

    /**
     * The stored answer to replay when {@code stored} is the same request; 409 {@code idempotency-conflict} when the
     * key came with another operation, caller or body; 409 {@code idempotency-in-progress} when the same request has
     * no answer yet.
     */
    public static String replayOrRefuse(IdempotentRequest request, Stored stored) {
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(stored, "stored must not be null");
        if (!stored.fingerprint().equals(request.fingerprint())) {
            String what = !stored.operation().equals(request.operation()) ? "for another operation"
                : !stored.caller().equals(request.caller()) ? "by another caller" : "with a different request";
            throw ProblemException.idempotencyConflict("this Idempotency-Key was already used " + what);
        }
        if (stored.result() == null) {
            throw ProblemException.of(ProblemType.IDEMPOTENCY_IN_PROGRESS,
                "the first request with this Idempotency-Key has not finished; retry with the same key");
        }
        return stored.result();
    }
}
