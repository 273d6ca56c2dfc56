package io.copartner.governance.api;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * A member's contribution for the contribution-based weight strategies: their spend in minor units over a window
 * before a proposal's snapshot. Ledger-based today (wallet spending); commerce will feed it real order spend.
 */
public interface Contributions {

    /** A member as the ledger may know them: by DID and by party id ({@code party:<sub>}, may be null). */
    record Contributor(String did, String partyId) {
    }

    /** Per member DID, the spend in minor units in {@code [from, to)}; members who spent nothing may be absent. */
    Map<String, Long> over(Collection<Contributor> members, Instant from, Instant to);
}
