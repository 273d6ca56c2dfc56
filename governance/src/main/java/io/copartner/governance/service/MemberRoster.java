package io.copartner.governance.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The membership roster: a did:key partner is a member from their first authenticated API call. The tier
 * multiplier (basis points) follows from how long they have been a member at a given instant, by the tier
 * schedule in the governance parameters in force.
 */
public interface MemberRoster {

    /** A member: their DID, their party id ({@code party:<sub>}), when they joined. */
    record Member(String did, String partyId, Instant memberSince) {
    }

    Optional<Member> member(String did);

    /** Every member with {@code memberSince} strictly before {@code instant} (eligible for a snapshot at it). */
    List<Member> membersBefore(Instant instant);

    /** The tier multiplier of a member at {@code instant}: e.g. 10000, 12500 after a year, 15000 after three. */
    int tierBpsAt(Member member, Instant instant);
}
