package io.copartner.governance.api;

import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotencyKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Proposals: creation (idempotent by key), public reads, and the permissionless lifecycle actions. */
public interface Proposals {

    /** A page of proposals, newest first; {@code next} is the cursor of the following page or null. */
    record Page(List<ProposalView> items, String next) {
    }

    /**
     * Creates a proposal. {@code fingerprint} is the kernel's fingerprint of the request as sent; with a key, a retry
     * of the same request answers the same proposal.
     */
    Idempotent<ProposalView> create(Actor actor, NewProposal proposal, IdempotencyKey key, String fingerprint);

    Optional<ProposalView> find(UUID id);

    /** {@code state} and {@code kind} filter when not null; {@code cursor} from a previous page. */
    Page list(String state, ProposalKind kind, String cursor, int limit);

    ProposalView queue(Actor actor, UUID id);

    /** Executes after the timelock; a second call answers the executed proposal and has no second effect. */
    ProposalView execute(Actor actor, UUID id);

    ProposalView cancel(Actor actor, UUID id);
}
